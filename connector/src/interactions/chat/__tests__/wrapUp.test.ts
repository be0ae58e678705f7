import type { SyncOperation } from '../../kernel/effects';
import { chatAllowedCommands, chatTransition } from '../machine';
import {
  OWNER,
  T0,
  VISA,
  accepted,
  cmd,
  config,
  customerSays,
  expectRefused,
  inWrapUp,
  offered,
  provider,
  providerActions,
  run,
  syncOps
} from './fixtures';

const taskLogs = (ops: SyncOperation[]) => ops.filter((op) => op.op === 'task.log');
const reasons = (...dispositions: string[]) => cmd({ command: 'setDetails', args: { dispositions } });
const followUp = (queueIds: string[] = []) => config({ followUp: { enabled: true, queueIds } });

describe('chat end and wrap-up', () => {
  it('C10 when the agent ends, the customer sees "agent left" and wrap-up opens; the work item closes (C15)', () => {
    const { state, effects } = run(accepted(), cmd({ command: 'end' }, OWNER, 'Ann', T0 + 60_000));
    expect(state.lifecycle).toBe('wrapUp');
    expect(state.wrapUpStep).toBe('editing');
    expect(state.endedBy).toBe('agent');
    expect(state.timers.endedAt).toBe(T0 + 60_000);
    expect(effects).toContainEqual({
      kind: 'provider',
      interactionId: 'chat-1',
      action: 'end',
      args: { customerNotice: 'agent_left' }
    });
    expect(syncOps(effects)).toEqual([expect.objectContaining({ op: 'workItem.update', status: 'Closed' })]);
    expect(state.transcript.at(-1)).toMatchObject({ systemEvent: 'agent_left', author: 'Ann' });
  });

  it('C10 when the customer leaves, "customer left" shows and wrap-up opens', () => {
    const { state, effects } = run(accepted(), provider({ type: 'customer.left' }));
    expect(state.lifecycle).toBe('wrapUp');
    expect(state.endedBy).toBe('customer');
    expect(state.transcript.at(-1)).toMatchObject({ from: 'system', systemEvent: 'customer_left' });
    expect(providerActions(effects)).toEqual([]);
    expect(syncOps(effects)).toEqual([expect.objectContaining({ status: 'Closed' })]);
  });

  it('C10 wrap-up takes several reasons and notes, then Submit logs exactly one Task (S5)', () => {
    const { state, effects } = run(
      inWrapUp(),
      cmd({ command: 'setDetails', args: { dispositions: ['Refund', 'Shipping', 'Refund'], notes: 'sent label' } }),
      cmd({ command: 'done' }, OWNER, 'Ann', T0 + 120_000)
    );
    expect(state.lifecycle).toBe('closed');
    expect(state.closedReason).toBe('completed');
    const logs = taskLogs(syncOps(effects));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      op: 'task.log',
      interactionId: 'chat-1',
      agentId: OWNER,
      channel: 'chat',
      direction: 'inbound',
      startedAt: T0 + 1_000,
      endedAt: T0 + 120_000,
      durationSeconds: 119,
      details: { dispositions: ['Refund', 'Shipping'], notes: 'sent label' }
    });
  });

  it('C10 details can be chosen during the chat and edited in wrap-up', () => {
    const who = '003000000000001AAA';
    const { state } = run(
      accepted(),
      cmd({ command: 'setDetails', args: { whoId: who, whatId: '500000000000001' } }),
      cmd({ command: 'end' }),
      cmd({ command: 'setDetails', args: { whatId: null, tags: ['billing'] } })
    );
    expect(state.details).toEqual({ whoId: who, whatId: null, dispositions: [], tags: ['billing'], notes: '' });
  });

  it('C6 notes are guarded before they can be synced', () => {
    const redacted = run(inWrapUp(), cmd({ command: 'setDetails', args: { notes: `card ${VISA}` } })).state;
    expect(redacted.details.notes).toBe('card **** **** **** 1111');
    const dropMode = inWrapUp(config({ pci: { mode: 'drop' } }));
    expect(expectRefused(chatTransition(dropMode, cmd({ command: 'setDetails', args: { notes: VISA } })))).toBe(
      'PCI_BLOCKED'
    );
  });

  it('C10 Done is only for after the chat has ended', () => {
    expect(expectRefused(chatTransition(accepted(), cmd({ command: 'done' })))).toBe('CHAT_NOT_ENDED');
  });

  it('C14 with a required disposition, Done is disabled and says why until one is chosen', () => {
    const state = inWrapUp(config({ dispositionRequired: true }));
    expect(chatAllowedCommands(state, OWNER).find((c) => c.command === 'done')).toEqual({
      command: 'done',
      enabled: false,
      reason: 'DISPOSITION_REQUIRED',
      labelKey: 'Reason_DispositionRequired'
    });
    expect(expectRefused(chatTransition(state, cmd({ command: 'done' })))).toBe('DISPOSITION_REQUIRED');
    expect(run(state, reasons('Resolved'), cmd({ command: 'done' })).state.closedReason).toBe('completed');
  });

  it('C13 the e-mail transcript choice becomes a provider effect when the chat is done', () => {
    const { effects } = run(
      inWrapUp(),
      cmd({ command: 'setTranscriptEmail', args: { enabled: true } }),
      cmd({ command: 'done' })
    );
    expect(effects).toContainEqual({
      kind: 'provider',
      interactionId: 'chat-1',
      action: 'emailTranscript',
      args: { to: 'carla@example.com' }
    });
    const without = run(inWrapUp(), cmd({ command: 'done' }));
    expect(providerActions(without.effects)).not.toContain('emailTranscript');
  });

  it('C13 without a customer e-mail the transcript option is disabled', () => {
    const anonymous = run(offered(config(), { customer: { id: 'v-1' } }), cmd({ command: 'accept' })).state;
    expect(chatAllowedCommands(anonymous, OWNER).find((c) => c.command === 'setTranscriptEmail')).toMatchObject({
      enabled: false,
      reason: 'CHAT_NO_CUSTOMER_EMAIL'
    });
  });

  it('C17 with the follow-up workflow, Done asks for a follow-up queue; confirming parks the chat there', () => {
    const asked = run(inWrapUp(followUp()), reasons('Callback'), cmd({ command: 'done' }));
    expect(asked.state.lifecycle).toBe('wrapUp');
    expect(asked.state.wrapUpStep).toBe('followUp');
    expect(taskLogs(syncOps(asked.effects))).toEqual([]);
    const { state, effects } = run(asked.state, cmd({ command: 'followUpConfirm', args: { queueId: 'q-follow' } }));
    expect(state.closedReason).toBe('parked');
    expect(state.handedTo).toEqual({ kind: 'queue', queueId: 'q-follow' });
    expect(effects).toContainEqual({
      kind: 'routing',
      action: 'transferToQueue',
      interactionId: 'chat-1',
      queueId: 'q-follow'
    });
    expect(taskLogs(syncOps(effects))).toHaveLength(1);
  });

  it('C17 only a configured follow-up queue is accepted', () => {
    const asked = run(inWrapUp(followUp(['q-follow'])), cmd({ command: 'done' })).state;
    expect(expectRefused(chatTransition(asked, cmd({ command: 'followUpConfirm', args: { queueId: 'q-x' } })))).toBe(
      'CHAT_FOLLOW_UP_QUEUE_UNKNOWN'
    );
  });

  it('C17 Stop ends processing without the workflow', () => {
    const { state, effects } = run(inWrapUp(followUp()), cmd({ command: 'done' }), cmd({ command: 'followUpStop' }));
    expect(state.closedReason).toBe('completed');
    expect(effects.some((e) => e.kind === 'routing')).toBe(false);
    expect(taskLogs(syncOps(effects))).toHaveLength(1);
  });

  it('C17 Cancel returns to wrap-up with notes, details and the transcript option intact; Done must be pressed again', () => {
    const before = run(
      inWrapUp(followUp()),
      cmd({ command: 'setDetails', args: { notes: 'call back Tuesday', dispositions: ['Callback'] } }),
      cmd({ command: 'setTranscriptEmail', args: { enabled: true } })
    ).state;
    const asked = run(before, cmd({ command: 'done' })).state;
    // While the question is open the wrap-up is not editable.
    expect(expectRefused(chatTransition(asked, cmd({ command: 'setDetails', args: { notes: 'x' } })))).toBe(
      'CHAT_FOLLOW_UP_PENDING'
    );
    expect(expectRefused(chatTransition(asked, cmd({ command: 'done' })))).toBe('CHAT_FOLLOW_UP_PENDING');
    const { state } = run(asked, cmd({ command: 'followUpCancel' }));
    expect(state.wrapUpStep).toBe('editing');
    expect(state.lifecycle).toBe('wrapUp');
    expect(state.details).toEqual(before.details);
    expect(state.emailTranscript).toBe(true);
    expect(run(state, cmd({ command: 'setDetails', args: { notes: 'changed' } })).state.details.notes).toBe('changed');
    expect(run(state, cmd({ command: 'done' })).state.wrapUpStep).toBe('followUp');
  });

  it('C17 follow-up answers are refused when no question is open', () => {
    expect(expectRefused(chatTransition(inWrapUp(), cmd({ command: 'followUpStop' })))).toBe(
      'CHAT_FOLLOW_UP_NOT_ASKED'
    );
  });

  it('C15 closing the work item in Salesforce ends the chat and opens wrap-up', () => {
    const { state, effects } = run(accepted(), provider({ type: 'workItem.closed' }));
    expect(state.lifecycle).toBe('wrapUp');
    expect(state.endedBy).toBe('salesforce');
    expect(providerActions(effects)).toEqual(['end']);
    // The work item is already closed there: no second close from here.
    expect(syncOps(effects)).toEqual([]);
  });

  it('C15 closing the work item of an offer closes the chat; nothing is left half-open', () => {
    const { state, effects } = run(offered(), provider({ type: 'workItem.closed' }));
    expect(state.lifecycle).toBe('closed');
    expect(effects).toContainEqual({ kind: 'timer', action: 'clear', timer: 'offer' });
    expect(providerActions(effects)).toEqual(['end']);
  });

  it('C15 the echo of our own close during wrap-up is refused, for the shell to log', () => {
    expect(expectRefused(chatTransition(inWrapUp(), provider({ type: 'workItem.closed' })))).toBe('WRONG_STATE');
  });

  it('the wrap-up timer, when configured, finishes the chat as it stands', () => {
    const settings = config({ wrapUpTimeoutMs: 120_000 });
    const ended = run(accepted(settings), cmd({ command: 'end' }, OWNER, 'Ann', T0 + 10_000));
    expect(ended.effects).toContainEqual({ kind: 'timer', action: 'set', timer: 'wrapUp', at: T0 + 130_000 });
    const { state, effects } = run(ended.state, { source: 'clock', at: T0 + 130_000, timer: 'wrapUp' });
    expect(state.closedReason).toBe('completed');
    expect(taskLogs(syncOps(effects))).toHaveLength(1);
    const byHand = run(ended.state, cmd({ command: 'done' }));
    expect(byHand.effects).toContainEqual({ kind: 'timer', action: 'clear', timer: 'wrapUp' });
  });

  it('A6 handle time excludes the time the chat was paused by a call', () => {
    const { effects } = run(
      accepted(),
      { source: 'desk', at: T0 + 11_000, action: 'pause' },
      { source: 'desk', at: T0 + 41_000, action: 'resume' },
      cmd({ command: 'end' }, OWNER, 'Ann', T0 + 51_000),
      cmd({ command: 'done' }, OWNER, 'Ann', T0 + 61_000)
    );
    expect(taskLogs(syncOps(effects))[0]).toMatchObject({ durationSeconds: 30 });
  });

  it('a closed chat refuses every command and every further event', () => {
    const closed = run(inWrapUp(), cmd({ command: 'done' })).state;
    expect(chatAllowedCommands(closed, OWNER).every((c) => !c.enabled && c.reason === 'INTERACTION_ENDED')).toBe(true);
    expect(expectRefused(chatTransition(closed, customerSays('hello?')))).toBe('INTERACTION_ENDED');
    expect(expectRefused(chatTransition(closed, { source: 'desk', at: T0, action: 'resume' }))).toBe(
      'INTERACTION_ENDED'
    );
  });
});
