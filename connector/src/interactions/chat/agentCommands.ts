// What each panel command does once its guard (guards.ts) has let it through; argument checks refuse here.
import type { Effect } from '../kernel/effects';
import { refuse } from '../kernel/rejections';
import type { ContactDetails, Instant, Transition } from '../kernel/types';
import { guardMessage, scanText } from '../pci/guard';
import { checkAttachment } from './attachments';
import type { ChatCommand, ChatCommandOf } from './commands';
import { memberOf } from './guards';
import { closeOffer, endConversation, finish, workItem } from './lifecycle';
import { httpPageUrl } from './pageUrl';
import type { ChatState } from './state';
import { appendLines, joinedLine, leftLine, toAttachmentRef } from './transcript';

export interface Caller {
  at: Instant;
  agentId: string;
  agentName: string;
}

const ok = (state: ChatState, effects: Effect[] = []): Transition<ChatState> => ({ ok: true, state, effects });

export function runCommand(state: ChatState, command: ChatCommand, caller: Caller): Transition<ChatState> {
  const { at } = caller;
  switch (command.command) {
    case 'accept':
      return accept(state, caller);
    case 'decline':
      return closeOffer(state, at, 'declined');
    case 'send':
      return send(state, command, caller);
    case 'pushPage':
      return pushPage(state, command, caller);
    case 'transfer':
      return transfer(state, command, at);
    case 'conferenceInvite':
      return conferenceInvite(state, command, at);
    case 'conferenceEnd':
      return conferenceEnd(state, at);
    case 'conferenceLeave':
      return conferenceLeave(state, caller);
    case 'end':
      return endConversation(state, at, 'agent');
    case 'setDetails':
      return setDetails(state, command);
    case 'setTranscriptEmail':
      return ok({ ...state, emailTranscript: command.args.enabled });
    case 'done':
      // C17: with the follow-up workflow, Done first asks where to park the chat.
      return state.settings.followUp.enabled ? ok({ ...state, wrapUpStep: 'followUp' }) : finish(state, at, done);
    case 'followUpConfirm': {
      const { queueIds } = state.settings.followUp;
      if (queueIds.length > 0 && !queueIds.includes(command.args.queueId))
        return refuse('CHAT_FOLLOW_UP_QUEUE_UNKNOWN');
      return finish(state, at, { kind: 'parked', queueId: command.args.queueId });
    }
    case 'followUpStop':
      return finish(state, at, done);
    case 'followUpCancel':
      // Back to wrap-up with notes, details and the transcript option untouched; Done must be pressed again.
      return ok({ ...state, wrapUpStep: 'editing' });
  }
}

const done = { kind: 'completed' } as const;

/** C3 / S2 / S6: the conversation opens, the work item opens and the screen pop looks the customer up. */
function accept(state: ChatState, { at, agentName }: Caller): Transition<ChatState> {
  const active: ChatState = {
    ...state,
    lifecycle: 'active',
    ownerName: agentName,
    timers: { ...state.timers, offerExpiresAt: null, acceptedAt: at, handleResumedAt: at }
  };
  const effects: Effect[] = [
    { kind: 'timer', action: 'clear', timer: 'offer' },
    { kind: 'provider', interactionId: state.id, action: 'accept', args: { agentName } },
    workItem(state, 'Opened'),
    {
      kind: 'sync',
      operation: {
        op: 'screenPop.lookup',
        interactionId: state.id,
        address: state.customer.email ?? state.customer.address,
        channel: 'chat'
      }
    }
  ];
  return ok(appendLines(active, [joinedLine(at, agentName)]), effects);
}

/** C4 (author = the agent's name), C6 first, then C5 on the files that remain. */
function send(state: ChatState, command: ChatCommandOf<'send'>, caller: Caller): Transition<ChatState> {
  const { text, attachments } = command.args;
  if (text.trim() === '' && attachments.length === 0) return refuse('EMPTY_MESSAGE');
  const guarded = guardMessage({ text, attachments }, state.settings.pci);
  if (guarded.outcome === 'dropped') return refuse('PCI_BLOCKED');
  for (const file of guarded.attachments) {
    const verdict = checkAttachment(file, state.settings.attachments);
    if (verdict !== 'ok') return refuse(verdict);
  }
  // Redaction may leave nothing worth sending (only flagged files): that is the guard's refusal, not a blank line.
  if (guarded.text.trim() === '' && guarded.attachments.length === 0) return refuse('PCI_BLOCKED');
  const files = guarded.attachments.map(toAttachmentRef);
  const next = appendLines(state, [
    { at: caller.at, from: 'agent', author: caller.agentName, text: guarded.text, attachments: files }
  ]);
  const effects: Effect[] = [
    {
      kind: 'provider',
      interactionId: state.id,
      action: 'send',
      args: { author: caller.agentName, text: guarded.text, attachments: files }
    }
  ];
  if (guarded.outcome === 'redacted' && guarded.droppedAttachments > 0) {
    effects.push({
      kind: 'notice',
      notice: 'attachmentsBlocked',
      args: { interactionId: state.id, count: guarded.droppedAttachments }
    });
  }
  return ok(next, effects);
}

/** C11. A URL carrying card data is refused in both modes: a masked link would open the wrong page. */
function pushPage(state: ChatState, command: ChatCommandOf<'pushPage'>, caller: Caller): Transition<ChatState> {
  if (scanText(command.args.url, state.settings.pci).flagged) return refuse('PCI_BLOCKED');
  const url = httpPageUrl(command.args.url);
  if (url === null) return refuse('CHAT_PAGE_URL_NOT_HTTP');
  const next = appendLines(state, [
    { at: caller.at, from: 'agent', author: caller.agentName, text: url, attachments: [], pushedUrl: url }
  ]);
  return ok(next, [
    { kind: 'provider', interactionId: state.id, action: 'pushPage', args: { url, author: caller.agentName } }
  ]);
}

/** C8: the owner keeps the chat until the receiving agent accepts (provider event transfer.accepted). */
function transfer(state: ChatState, command: ChatCommandOf<'transfer'>, at: Instant): Transition<ChatState> {
  const { target } = command.args;
  if (target.kind !== 'queue' && target.agentId === state.ownerAgentId) return refuse('CHAT_TRANSFER_TO_SELF');
  const routing: Effect =
    target.kind === 'queue'
      ? { kind: 'routing', action: 'transferToQueue', interactionId: state.id, queueId: target.queueId }
      : { kind: 'routing', action: 'transferToAgent', interactionId: state.id, agentId: target.agentId };
  return ok({ ...state, pendingTransfer: { target, requestedAt: at } }, [routing]);
}

/** C9: the invitation waits as Requested until the provider reports the agent accepted. */
function conferenceInvite(
  state: ChatState,
  command: ChatCommandOf<'conferenceInvite'>,
  at: Instant
): Transition<ChatState> {
  const { agentId } = command.args;
  if (agentId === state.ownerAgentId || memberOf(state, agentId)) return refuse('CHAT_ALREADY_IN');
  const member = { agentId, agentName: null, state: 'Requested' as const, invitedAt: at, joinedAt: null };
  return ok({ ...state, conference: [...state.conference, member] }, [
    { kind: 'provider', interactionId: state.id, action: 'conferenceInvite', args: { agentId } }
  ]);
}

/** C9: the owner ends the conference: joined agents leave (everyone sees it), open invitations are withdrawn. */
function conferenceEnd(state: ChatState, at: Instant): Transition<ChatState> {
  const lines = state.conference.filter((m) => m.state === 'Active').map((m) => leftLine(at, m.agentName ?? m.agentId));
  const next = appendLines({ ...state, conference: [] }, lines);
  return ok(next, [
    {
      kind: 'provider',
      interactionId: state.id,
      action: 'conferenceEnd',
      args: { agentIds: state.conference.map((m) => m.agentId) }
    }
  ]);
}

function conferenceLeave(state: ChatState, caller: Caller): Transition<ChatState> {
  const name = memberOf(state, caller.agentId)?.agentName ?? caller.agentName;
  const next = appendLines({ ...state, conference: state.conference.filter((m) => m.agentId !== caller.agentId) }, [
    leftLine(caller.at, name)
  ]);
  return ok(next, [
    { kind: 'provider', interactionId: state.id, action: 'conferenceLeave', args: { agentId: caller.agentId } }
  ]);
}

/** Name, Related To, reasons (dispositions), tags and notes. Notes are synced, so they pass the C6 guard too. */
function setDetails(state: ChatState, command: ChatCommandOf<'setDetails'>): Transition<ChatState> {
  const args = command.args;
  const details: ContactDetails = { ...state.details };
  if (args.whoId !== undefined) details.whoId = args.whoId;
  if (args.whatId !== undefined) details.whatId = args.whatId;
  if (args.dispositions !== undefined) details.dispositions = unique(args.dispositions);
  if (args.tags !== undefined) details.tags = unique(args.tags);
  if (args.notes !== undefined) {
    const scan = scanText(args.notes, state.settings.pci);
    if (scan.flagged && state.settings.pci.mode === 'drop') return refuse('PCI_BLOCKED');
    details.notes = scan.redacted;
  }
  return ok({ ...state, details });
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];
