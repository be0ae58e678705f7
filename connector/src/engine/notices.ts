// The machines' notice effects as the panels' notice frames: which agent they are for, which label they show, and
// which values the label may carry. Pure, so the mapping is tested without an engine. Effects not listed here (offers,
// ring, the RONA prompt, a new chat line) are what the snapshot already shows and go to no panel as a notice.
import { randomUUID } from 'node:crypto';
import type { NoticeEffect } from '../interactions/kernel/effects';
import type { Instant } from '../interactions/kernel/types';
import { NOTICE_CATALOGUE, type Notice, type NoticeKind } from '../api/schema/notices';

/** The machines' effect names (see `notice:` in connector/src/interactions) and the notice kind each becomes. */
const KIND_OF: Record<string, NoticeKind> = {
  'digital.transferReturned': 'digitalTransferReturned',
  'digital.deliveryFailed': 'digitalDeliveryFailed',
  'digital.customerMessage': 'digitalCustomerMessage',
  dialFailed: 'dialFailed',
  consultFailed: 'consultFailed',
  transferFailed: 'transferFailed',
  recordingFailed: 'recordingFailed',
  transferDeclined: 'chatTransferDeclined',
  conferenceDeclined: 'chatConferenceDeclined',
  attachmentsBlocked: 'chatAttachmentsBlocked'
};

export interface NoticeContext {
  /** The agent whose desk the commit changed; null for a change to an interaction no agent holds. */
  deskAgentId: string | null;
  at: Instant;
  queueName: (queueId: string) => string | null;
  agentName: (agentId: string) => string | null;
  newId?: () => string;
}

export interface AddressedNotice {
  agentId: string;
  notice: Notice;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * One notice effect as a frame body, or null when panels get none for it or no agent is concerned. The agent is the
 * one a digital machine names (`args.agentId`: the conversation's owner or last handler), else the desk's.
 * Params are only names from the connector's own directories and counts: reasons and customer text stay out.
 */
export function addressNotice(effect: NoticeEffect, context: NoticeContext): AddressedNotice | null {
  const kind = KIND_OF[effect.notice];
  if (kind === undefined) return null;
  const args = effect.args ?? {};
  // A digital conversation's notices name its owner or last handler; elsewhere `agentId` is someone else (C9: who
  // declined), and the notice is for the desk's agent.
  const named = kind.startsWith('digital') ? text(args.agentId) : null;
  const agentId = named ?? context.deskAgentId;
  if (agentId === null) return null;
  const interactionId = text(args.interactionId);
  const params = paramsOf(kind, args, context);
  return {
    agentId,
    notice: {
      id: (context.newId ?? randomUUID)(),
      at: context.at,
      kind,
      ...(interactionId !== null ? { interactionId } : {}),
      labelKey: NOTICE_CATALOGUE[kind].labelKey,
      ...(params.length > 0 ? { params } : {})
    }
  };
}

function paramsOf(kind: NoticeKind, args: Record<string, unknown>, context: NoticeContext): (string | number)[] {
  switch (kind) {
    case 'digitalTransferReturned': {
      const queueId = text(args.queueId);
      return queueId === null ? [] : [context.queueName(queueId) ?? queueId];
    }
    case 'chatConferenceDeclined': {
      const agentId = text(args.agentId);
      return agentId === null ? [] : [context.agentName(agentId) ?? agentId];
    }
    case 'chatAttachmentsBlocked':
      return typeof args.count === 'number' && Number.isInteger(args.count) ? [args.count] : [];
    default:
      return [];
  }
}
