import { chatAllowedCommands, chatTransition } from '../machine';
import { offerChat, handoverOf } from '../offer';
import {
  OWNER,
  T0,
  VISA,
  cmd,
  config,
  expectOk,
  expectRefused,
  offerInput,
  offered,
  provider,
  run,
  syncOps,
  providerActions
} from './fixtures';

describe('chat offer', () => {
  it('C1 the offer carries the customer name or id, e-mail, queue and the waiting-since instant', () => {
    const { state, effects } = expectOk(offerChat(offerInput(), T0, config()));
    expect(state.lifecycle).toBe('offered');
    expect(state.customer).toEqual({ name: 'Carla Customer', address: 'visitor-42', email: 'carla@example.com' });
    expect(state.queueId).toBe('q-support');
    expect(state.timers.waitingSince).toBe(T0 - 60_000);
    expect(state.ownerAgentId).toBe(OWNER);
    expect(effects).toContainEqual({ kind: 'timer', action: 'set', timer: 'offer', at: T0 + 30_000 });
  });

  it('C1 an anonymous customer is shown by id', () => {
    const state = offered(config(), { customer: { id: 'visitor-7' } });
    expect(state.customer).toEqual({ name: null, address: 'visitor-7', email: null });
  });

  it('C2 the bot transcript arrives with the offer as bot lines, the customer part as customer lines', () => {
    const state = offered(config(), {
      botTranscript: [
        { at: T0 - 50_000, from: 'bot', author: 'Helpbot', text: 'Hi! How can I help?' },
        { at: T0 - 40_000, from: 'customer', text: 'My order is late' }
      ]
    });
    expect(state.transcript.map((l) => [l.from, l.author, l.text])).toEqual([
      ['bot', 'Helpbot', 'Hi! How can I help?'],
      ['customer', 'Carla Customer', 'My order is late']
    ]);
  });

  it('C6 card numbers in the bot transcript are guarded like any message', () => {
    const redact = offered(config({ pci: { mode: 'redact' } }), {
      botTranscript: [{ at: T0, from: 'customer', text: `card ${VISA}` }]
    });
    expect(redact.transcript[0]?.text).toBe('card **** **** **** 1111');
    const drop = offered(config({ pci: { mode: 'drop' } }), {
      botTranscript: [{ at: T0, from: 'customer', text: `card ${VISA}` }]
    });
    expect(drop.transcript.map((l) => [l.from, l.systemEvent, l.text])).toEqual([['system', 'message_blocked', '']]);
  });

  it('a malformed offer is refused with the paths at fault', () => {
    const result = offerChat({ ...offerInput(), queueId: '', customer: { id: 'x', email: 'not-mail' } }, T0, config());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe('INVALID_INPUT');
    expect(result.rejection.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['queueId', 'customer.email']));
  });

  it('C3 accept opens the conversation, the work item (S2) and looks the customer up for the screen pop (S6)', () => {
    const { state, effects } = run(offered(), cmd({ command: 'accept' }, OWNER, 'Ann', T0 + 5_000));
    expect(state.lifecycle).toBe('active');
    expect(state.ownerName).toBe('Ann');
    expect(state.timers.acceptedAt).toBe(T0 + 5_000);
    expect(state.timers.handleResumedAt).toBe(T0 + 5_000);
    expect(effects).toContainEqual({ kind: 'timer', action: 'clear', timer: 'offer' });
    expect(providerActions(effects)).toEqual(['accept']);
    expect(syncOps(effects)).toEqual([
      { op: 'workItem.update', interactionId: 'chat-1', agentId: OWNER, channel: 'chat', status: 'Opened' },
      { op: 'screenPop.lookup', interactionId: 'chat-1', address: 'carla@example.com', channel: 'chat' }
    ]);
    expect(state.transcript.at(-1)).toMatchObject({ from: 'system', systemEvent: 'agent_joined', author: 'Ann' });
  });

  it('C3 only the agent the offer was pushed to may accept it', () => {
    expect(expectRefused(chatTransition(offered(), cmd({ command: 'accept' }, 'agent-bob', 'Bob')))).toBe('NOT_OWNER');
    const bobSees = chatAllowedCommands(offered(), 'agent-bob').find((c) => c.command === 'accept');
    expect(bobSees).toEqual({ command: 'accept', enabled: false, reason: 'NOT_OWNER', labelKey: 'Reason_NotOwner' });
  });

  it('A4 an offer that times out is missed and goes back to its queue without this agent', () => {
    const { state, effects } = run(offered(), { source: 'clock', at: T0 + 30_000, timer: 'offer' });
    expect(state.lifecycle).toBe('closed');
    expect(state.closedReason).toBe('missed');
    expect(effects).toContainEqual({
      kind: 'routing',
      action: 'requeue',
      interactionId: 'chat-1',
      queueId: 'q-support',
      excludeAgentId: OWNER
    });
    expect(syncOps(effects)).toContainEqual(expect.objectContaining({ status: 'DeclinedOnPushTimeout' }));
  });

  it('decline requeues the chat and marks the work item Declined', () => {
    const { state, effects } = run(offered(), cmd({ command: 'decline' }));
    expect(state.closedReason).toBe('declined');
    expect(effects).toContainEqual(
      expect.objectContaining({ kind: 'routing', action: 'requeue', excludeAgentId: OWNER })
    );
    expect(syncOps(effects)).toContainEqual(expect.objectContaining({ status: 'Declined' }));
  });

  it('a customer who leaves before the offer is accepted abandons it', () => {
    const { state, effects } = run(offered(), provider({ type: 'customer.left' }));
    expect(state.closedReason).toBe('abandoned');
    expect(syncOps(effects)).toContainEqual(expect.objectContaining({ status: 'Canceled' }));
    expect(effects.some((e) => e.kind === 'routing')).toBe(false);
  });

  it('the customer may keep writing while the offer rings; the agent reads it on accept', () => {
    const { state } = run(offered(), provider({ type: 'customer.message', text: 'hello?', attachments: [] }));
    expect(state.transcript.at(-1)).toMatchObject({ from: 'customer', text: 'hello?' });
  });

  it('a timer that fires in the wrong state is refused, not ignored', () => {
    expect(expectRefused(chatTransition(offered(), { source: 'clock', at: T0, timer: 'wrapUp' }))).toBe('WRONG_STATE');
  });

  it('C8 a handed-over chat arrives with the conversation and details chosen so far', () => {
    const sender = run(
      offered(),
      cmd({ command: 'accept' }),
      provider({ type: 'customer.message', text: 'need help', attachments: [] }),
      cmd({ command: 'setDetails', args: { whoId: '003000000000001AAA', tags: ['vip'] } })
    ).state;
    const handover = handoverOf(sender);
    const receiver = expectOk(
      offerChat(offerInput({ interactionId: 'chat-1', agentId: 'agent-bob', handover }), T0 + 9_000, config())
    ).state;
    expect(receiver.transcript.map((l) => l.text)).toEqual(sender.transcript.map((l) => l.text));
    expect(receiver.details.whoId).toBe('003000000000001AAA');
    expect(receiver.details.tags).toEqual(['vip']);
    expect(receiver.ownerAgentId).toBe('agent-bob');
  });
});
