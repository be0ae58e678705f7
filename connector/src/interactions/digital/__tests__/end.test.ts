import { createDigitalMachine, toInboxItem } from '..';
import { agent, config, customer, expectOk, expectRefused, opened, PAN, reply, run, syncOps, T0 } from './fixtures';

const machine = createDigitalMachine(config());
const end = (args: Record<string, string> = { disposition: 'Answered' }) => ({ command: 'end' as const, args });

describe('end', () => {
  it('D10 end asks for a disposition before it saves', () => {
    expectRefused(machine.transition(opened(), agent(end({}))), 'DISPOSITION_REQUIRED');
    const optional = config({ dispositionRequired: false });
    expectOk(createDigitalMachine(optional).transition(opened({}, optional), agent(end({}))));
  });

  it('D10 end saves disposition, Name, Related To and notes, unassigns and removes it from the queue (S5)', () => {
    const state = run(opened(), [customer('m-2', 'hello?', T0 + 800)]).state;
    const t = expectOk(
      machine.transition(
        state,
        agent(
          end({
            disposition: 'Answered',
            whoId: '003000000000001AAA',
            whatId: '500000000000001AAA',
            notes: 'Promised a call back'
          }),
          'a1',
          T0 + 60_500
        )
      )
    );
    expect(t.state).toMatchObject({
      lifecycle: 'closed',
      closedReason: 'completed',
      ownerAgentId: null,
      inQueue: false
    });
    expect(toInboxItem(t.state)).toMatchObject({ queueId: null, assignedAgentId: null });
    expect(syncOps(t.effects)).toEqual([
      { op: 'workItem.update', interactionId: 'd-1', agentId: 'a1', channel: 'whatsapp', status: 'Closed' },
      {
        op: 'task.log',
        interactionId: 'd-1',
        agentId: 'a1',
        channel: 'whatsapp',
        direction: 'inbound',
        subject: 'WhatsApp 00001234',
        startedAt: T0 + 500,
        endedAt: T0 + 60_500,
        durationSeconds: 60,
        details: {
          whoId: '003000000000001AAA',
          whatId: '500000000000001AAA',
          dispositions: ['Answered'],
          tags: [],
          notes: 'Promised a call back'
        },
        providerCallId: null,
        round: 1
      }
    ]);
  });

  it('D10 a later customer reply puts it back in the queue for any agent', () => {
    const ended = run(opened(), [agent(reply()), agent(end({ disposition: 'Answered', notes: 'mine' }))]).state;
    const t = expectOk(machine.transition(ended, customer('m-5', 'One more thing', T0 + 90_000)));
    expect(t.state).toMatchObject({
      lifecycle: 'offered',
      closedReason: null,
      ownerAgentId: null,
      inQueue: true,
      status: 'Open',
      unread: 1,
      round: 2
    });
    expect(t.state.timers).toMatchObject({ offeredAt: T0 + 90_000, waitingSince: T0 + 90_000, handledMs: 0 });
    // D6: the first agent's notes were logged with their Task; the next agent starts with none.
    expect(t.state.details).toMatchObject({ notes: '', dispositions: [] });
    expect(t.effects).toEqual([{ kind: 'routing', action: 'requeue', interactionId: 'd-1', queueId: 'q-support' }]);
    expect(t.state.transcript.slice(-2).map((e) => e.systemEvent ?? e.from)).toEqual(['reopened', 'customer']);
    expectOk(machine.transition(t.state, agent({ command: 'open' }, 'a2')));
  });

  it('D10 nothing but a customer message applies to an ended conversation', () => {
    const ended = run(opened(), [agent(end())]).state;
    expectRefused(machine.transition(ended, agent(reply())), 'INTERACTION_ENDED');
    expectRefused(machine.transition(ended, agent({ command: 'open' }, 'a2')), 'INTERACTION_ENDED');
    expectRefused(
      machine.transition(ended, { source: 'provider', at: T0, event: { type: 'workItemClosed' } }),
      'INTERACTION_ENDED'
    );
    expectRefused(machine.transition(ended, { source: 'desk', at: T0, action: 'pause' }), 'INTERACTION_ENDED');
  });

  it('D5 details set while working are kept; notes pass the PCI guard', () => {
    const state = run(opened(), [
      agent({ command: 'setDetails', args: { notes: `card ${PAN}`, tags: ['vip', 'VIP', 'billing'] } })
    ]).state;
    expect(state.details.notes).toBe('card **** **** **** 1111');
    expect(state.details.tags).toEqual(['vip', 'billing']);
    const drop = config({ pci: { mode: 'drop' } });
    expectRefused(
      createDigitalMachine(drop).transition(opened({}, drop), agent({ command: 'setDetails', args: { notes: PAN } })),
      'PCI_BLOCKED'
    );
  });

  it('an empty setDetails is refused by the parser', () => {
    const parsed = machine.commandSchema.safeParse({ command: 'setDetails', args: {} });
    expect(parsed.success).toBe(false);
  });

  it('S3 C15 closing the work item in Salesforce ends the conversation and logs it', () => {
    const t = expectOk(
      machine.transition(opened(), { source: 'provider', at: T0 + 10_500, event: { type: 'workItemClosed' } })
    );
    expect(t.state).toMatchObject({ lifecycle: 'closed', ownerAgentId: null, inQueue: false });
    expect(syncOps(t.effects).map((op) => op.op)).toEqual(['task.log']);
    expect(syncOps(t.effects)[0]).toMatchObject({ agentId: 'a1', durationSeconds: 10 });
  });

  it('S3 a work item cannot be closed for a conversation nobody opened', () => {
    const state = run(opened(), [agent({ command: 'transfer', args: { queueId: 'q-billing' } })]).state;
    expectRefused(
      machine.transition(state, { source: 'provider', at: T0, event: { type: 'workItemClosed' } }),
      'WRONG_STATE'
    );
  });

  it('S5 ending twice is impossible, so one Task per handling', () => {
    const { state, effects } = run(opened(), [agent(end())]);
    expect(syncOps(effects).filter((op) => op.op === 'task.log')).toHaveLength(1);
    expectRefused(machine.transition(state, agent(end())), 'INTERACTION_ENDED');
  });
});
