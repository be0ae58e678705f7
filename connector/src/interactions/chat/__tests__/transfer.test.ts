import { chatAllowedCommands, chatTransition } from '../machine';
import {
  OWNER,
  accepted,
  cmd,
  customerSays,
  expectRefused,
  provider,
  providerActions,
  run,
  say,
  syncOps
} from './fixtures';

const toQueue = cmd({ command: 'transfer', args: { target: { kind: 'queue', queueId: 'q-billing' } } });
const toBob = cmd({ command: 'transfer', args: { target: { kind: 'agent', agentId: 'agent-bob' } } });

describe('chat transfer', () => {
  it('C8 a transfer to a queue is routed there; the owner keeps the chat until someone accepts', () => {
    const { state, effects } = run(accepted(), toQueue);
    expect(effects).toEqual([
      { kind: 'routing', action: 'transferToQueue', interactionId: 'chat-1', queueId: 'q-billing' }
    ]);
    expect(state.lifecycle).toBe('active');
    expect(state.pendingTransfer?.target).toEqual({ kind: 'queue', queueId: 'q-billing' });
    // Still the owner's conversation meanwhile.
    expect(run(state, cmd(say('one moment please'))).state.transcript.at(-1)?.from).toBe('agent');
  });

  it('C8 S4 when the receiving agent accepts, the sender’s work item closes as Transferred', () => {
    const pending = run(accepted(), toBob).state;
    const { state, effects } = run(
      pending,
      provider({ type: 'transfer.accepted', agentId: 'agent-bob', agentName: 'Bob' })
    );
    expect(state.lifecycle).toBe('closed');
    expect(state.closedReason).toBe('transferred');
    expect(state.handedTo).toEqual({ kind: 'agent', agentId: 'agent-bob', agentName: 'Bob' });
    expect(syncOps(effects)).toEqual([
      { op: 'workItem.update', interactionId: 'chat-1', agentId: OWNER, channel: 'chat', status: 'Transferred' }
    ]);
    // The Task is logged once, by whoever finishes the chat (S5), not by the sender.
    expect(syncOps(effects).some((op) => op.op === 'task.log')).toBe(false);
  });

  it('C8 a transfer to a supervisor is routed to that agent', () => {
    const { effects } = run(
      accepted(),
      cmd({ command: 'transfer', args: { target: { kind: 'supervisor', agentId: 'agent-sue' } } })
    );
    expect(effects).toEqual([
      { kind: 'routing', action: 'transferToAgent', interactionId: 'chat-1', agentId: 'agent-sue' }
    ]);
  });

  it('C8 a declined transfer leaves the chat with its owner, who may try again', () => {
    const pending = run(accepted(), toBob).state;
    expect(chatAllowedCommands(pending, OWNER).find((c) => c.command === 'transfer')).toMatchObject({
      enabled: false,
      reason: 'CHAT_TRANSFER_PENDING'
    });
    const { state, effects } = run(pending, provider({ type: 'transfer.declined' }));
    expect(state.pendingTransfer).toBeNull();
    expect(effects).toContainEqual(expect.objectContaining({ kind: 'notice', notice: 'transferDeclined' }));
    expect(run(state, toQueue).state.pendingTransfer).not.toBeNull();
  });

  it('C8 an answer to a transfer nobody asked for is refused', () => {
    expect(expectRefused(chatTransition(accepted(), provider({ type: 'transfer.declined' })))).toBe(
      'CHAT_NO_TRANSFER_PENDING'
    );
  });

  it('C8 the owner cannot transfer the chat to themselves', () => {
    const toSelf = cmd({ command: 'transfer', args: { target: { kind: 'agent', agentId: OWNER } } });
    expect(expectRefused(chatTransition(accepted(), toSelf))).toBe('CHAT_TRANSFER_TO_SELF');
  });

  it('C9 only the owning agent transfers the chat', () => {
    const withBob = run(
      accepted(),
      cmd({ command: 'conferenceInvite', args: { agentId: 'agent-bob' } }),
      provider({ type: 'conference.accepted', agentId: 'agent-bob', agentName: 'Bob' })
    ).state;
    const bobTransfers = cmd(
      { command: 'transfer', args: { target: { kind: 'queue', queueId: 'q' } } },
      'agent-bob',
      'Bob'
    );
    expect(expectRefused(chatTransition(withBob, bobTransfers))).toBe('NOT_OWNER');
  });

  it('C8 a transfer is refused during a conference: end it first', () => {
    const inConference = run(accepted(), cmd({ command: 'conferenceInvite', args: { agentId: 'agent-bob' } })).state;
    expect(expectRefused(chatTransition(inConference, toQueue))).toBe('CHAT_CONFERENCE_IN_PROGRESS');
  });

  it('C15 ending the chat while a transfer waits withdraws the transfer', () => {
    const pending = run(accepted(), toBob).state;
    const ended = run(pending, cmd({ command: 'end' }));
    expect(providerActions(ended.effects)).toContain('transferCancel');
    expect(ended.state.pendingTransfer).toBeNull();
    const left = run(pending, customerSays('bye'), provider({ type: 'customer.left' }));
    expect(providerActions(left.effects)).toContain('transferCancel');
    expect(
      expectRefused(chatTransition(left.state, provider({ type: 'transfer.accepted', agentId: 'b', agentName: 'B' })))
    ).toBe('CHAT_NO_TRANSFER_PENDING');
  });
});
