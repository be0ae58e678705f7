// What each agent command does once its guard let it through: argument checks, the new state, the effects.
import type { Effect } from '../kernel/effects';
import { refuse } from '../kernel/rejections';
import type { ContactDetails, Instant, Transition } from '../kernel/types';
import type { DetailsPatch, DigitalCommand, DigitalCommandOf } from './commands';
import { isDispositionRequired, queueById, type DigitalConfig } from './config';
import { agentLine, checkField, checkOutgoing, systemLine } from './messages';
import {
  NEW_MASTER_CONTACT_ON_TRANSFER,
  newMasterContactId,
  nextEntryId,
  stopHandleClock,
  type DigitalState
} from './state';
import { finished, ok, screenPop, taskLog, workItemUpdate } from './sync';
import { uniqueTags } from './tags';

export interface CommandContext {
  at: Instant;
  agentId: string;
  agentName: string;
  config: DigitalConfig;
}

export function runCommand(
  state: DigitalState,
  command: DigitalCommand,
  ctx: CommandContext
): Transition<DigitalState> {
  switch (command.command) {
    case 'open':
      return open(state, ctx);
    case 'reply':
      return reply(state, command, ctx);
    case 'resolve':
      return ok(resolved(state));
    case 'transfer':
      return transfer(state, command, ctx);
    case 'end':
      return end(state, command, ctx);
    case 'setDetails':
      return setDetails(state, command, ctx);
    case 'markRead':
      return ok({ ...state, unread: 0 });
  }
}

/** D4: assigned to the caller until they end or transfer it; S2 opens the work item, S6 pops the customer. */
function open(state: DigitalState, { at, agentId }: CommandContext): Transition<DigitalState> {
  const next: DigitalState = {
    ...state,
    lifecycle: 'active',
    ownerAgentId: agentId,
    lastAgentId: agentId,
    unread: 0,
    timers: { ...state.timers, acceptedAt: at, handleResumedAt: at }
  };
  return ok(next, [workItemUpdate(next, agentId, 'Opened'), screenPop(next)]);
}

/** D8, D9: nothing waits for an answer any more, so it leaves the queue. */
function resolved(state: DigitalState): DigitalState {
  return { ...state, status: 'Resolved', inQueue: false, unread: 0, timers: { ...state.timers, waitingSince: null } };
}

/** D7 (C6 first), D8. */
function reply(state: DigitalState, command: DigitalCommandOf<'reply'>, ctx: CommandContext): Transition<DigitalState> {
  const checked = checkOutgoing(state.channel, command.args, ctx.config);
  if (!checked.ok) return refuse(checked.code);
  const messageId = nextEntryId(state);
  const next: DigitalState = {
    ...resolved(state),
    transcript: [...state.transcript, agentLine(messageId, ctx.at, ctx.agentName, checked.value)],
    lastAgentId: ctx.agentId
  };
  const args: Record<string, unknown> = {
    messageId,
    to: state.digitalId.value,
    text: checked.value.text,
    attachments: checked.value.attachments
  };
  if (state.subject !== null) args.subject = state.subject;
  return ok(next, [{ kind: 'provider', interactionId: state.id, action: 'send', args }]);
}

/**
 * D12: to a digital queue only. It goes into that queue (whatever its status, so that the receiving team sees it);
 * when the caller is the queue's only member it comes straight back to them. The third transfer gives a new master
 * contact id.
 */
function transfer(
  state: DigitalState,
  command: DigitalCommandOf<'transfer'>,
  { at, agentId, config }: CommandContext
): Transition<DigitalState> {
  const queue = queueById(config, command.args.queueId);
  if (queue === undefined) return refuse('DIGITAL_UNKNOWN_QUEUE');
  if (queue.kind !== 'digital') return refuse('DIGITAL_NOT_DIGITAL_QUEUE');
  const transferCount = state.transferCount + 1;
  const moved: DigitalState = {
    ...state,
    queueId: queue.id,
    inQueue: true,
    transferCount,
    masterContactId:
      transferCount === NEW_MASTER_CONTACT_ON_TRANSFER
        ? newMasterContactId(state.id, transferCount)
        : state.masterContactId,
    transcript: [...state.transcript, systemLine(nextEntryId(state), at, 'transferred')]
  };
  const comesBack = queue.members.length === 1 && queue.members[0] === agentId;
  if (comesBack) {
    const notice: Effect = {
      kind: 'notice',
      notice: 'digital.transferReturned',
      args: { interactionId: state.id, queueId: queue.id, agentId }
    };
    return ok(moved, [notice]);
  }
  const next: DigitalState = {
    ...moved,
    lifecycle: 'offered',
    ownerAgentId: null,
    pausedByCall: false,
    timers: { ...stopHandleClock(state.timers, at), offeredAt: at }
  };
  return ok(next, [
    workItemUpdate(state, agentId, 'Transferred'),
    { kind: 'routing', action: 'transferToQueue', interactionId: state.id, queueId: queue.id }
  ]);
}

/** D10: the End form's Save. S5: logs the Task; S3: closes the work item. */
function end(state: DigitalState, command: DigitalCommandOf<'end'>, ctx: CommandContext): Transition<DigitalState> {
  const { disposition, whoId, whatId, notes } = command.args;
  const dispositions = disposition === undefined ? state.details.dispositions : [disposition];
  if (isDispositionRequired(ctx.config, state.channel) && dispositions.length === 0)
    return refuse('DISPOSITION_REQUIRED');
  const patched = patchDetails(state.details, { whoId, whatId, notes, dispositions }, ctx.config);
  if (!patched.ok) return patched;
  const next = finished(state, ctx.at, patched.details);
  return ok(next, [workItemUpdate(next, ctx.agentId, 'Closed'), taskLog(next, ctx.agentId)]);
}

function setDetails(
  state: DigitalState,
  command: DigitalCommandOf<'setDetails'>,
  ctx: CommandContext
): Transition<DigitalState> {
  const patched = patchDetails(state.details, command.args, ctx.config);
  if (!patched.ok) return patched;
  return ok({ ...state, details: patched.details });
}

/** Applies the fields present in `patch`; notes pass the C6 guard (they are synced to the Task). */
function patchDetails(
  details: ContactDetails,
  patch: DetailsPatch,
  config: DigitalConfig
): { ok: true; details: ContactDetails } | ReturnType<typeof refuse> {
  const next: ContactDetails = { ...details };
  if (patch.whoId !== undefined) next.whoId = patch.whoId;
  if (patch.whatId !== undefined) next.whatId = patch.whatId;
  if (patch.tags !== undefined) next.tags = uniqueTags(patch.tags);
  if (patch.dispositions !== undefined) next.dispositions = [...new Set(patch.dispositions)];
  if (patch.notes !== undefined) {
    const notes = checkField(patch.notes, config);
    if (!notes.ok) return refuse(notes.code);
    next.notes = notes.value;
  }
  return { ok: true, details: next };
}
