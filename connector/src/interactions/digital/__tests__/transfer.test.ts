import { createDigitalMachine, toInboxItem } from '..';
import type { DigitalState } from '..';
import { agent, config, customer, expectOk, expectRefused, opened, reply, run, syncOps, T0 } from './fixtures';

const machine = createDigitalMachine(config());
const transfer = (queueId: string) => ({ command: 'transfer' as const, args: { queueId } });

describe('transfer', () => {
  it('D12 a transfer to another digital queue unassigns it and puts it in that queue (S4 work item transferred)', () => {
    const t = expectOk(machine.transition(opened(), agent(transfer('q-billing'), 'a1', T0 + 4_000)));
    expect(t.state).toMatchObject({
      queueId: 'q-billing',
      inQueue: true,
      ownerAgentId: null,
      lifecycle: 'offered',
      transferCount: 1
    });
    expect(t.state.timers).toMatchObject({ offeredAt: T0 + 4_000, handleResumedAt: null, handledMs: 3_500 });
    expect(t.state.transcript.at(-1)).toMatchObject({ from: 'system', systemEvent: 'transferred' });
    expect(syncOps(t.effects)).toEqual([
      { op: 'workItem.update', interactionId: 'd-1', agentId: 'a1', channel: 'whatsapp', status: 'Transferred' }
    ]);
    expect(t.effects).toContainEqual({
      kind: 'routing',
      action: 'transferToQueue',
      interactionId: 'd-1',
      queueId: 'q-billing'
    });
    // A member of the new queue can now pull it; the sender no longer can.
    expect(toInboxItem(t.state)).toMatchObject({ queueId: 'q-billing', assignedAgentId: null });
    expectOk(machine.transition(t.state, agent({ command: 'open' }, 'a3')));
    expectRefused(machine.transition(t.state, agent({ command: 'open' }, 'a1')), 'DIGITAL_NOT_QUEUE_MEMBER');
  });

  it('D12 a resolved conversation transferred is still listed in the new queue', () => {
    const state = run(opened(), [agent(reply()), agent(transfer('q-billing'))]).state;
    expect(state).toMatchObject({ status: 'Resolved', inQueue: true, queueId: 'q-billing' });
  });

  it('D12 Omni-only queues are refused', () => {
    expectRefused(machine.transition(opened(), agent(transfer('q-omni'))), 'DIGITAL_NOT_DIGITAL_QUEUE');
  });

  it('D12 an unknown queue is refused', () => {
    expectRefused(machine.transition(opened(), agent(transfer('q-gone'))), 'DIGITAL_UNKNOWN_QUEUE');
  });

  it('D12 when the agent is the only member of the queue it comes straight back to them', () => {
    const t = expectOk(machine.transition(opened(), agent(transfer('q-solo'))));
    expect(t.state).toMatchObject({ queueId: 'q-solo', ownerAgentId: 'a1', lifecycle: 'active', transferCount: 1 });
    expect(t.effects).toEqual([
      {
        kind: 'notice',
        notice: 'digital.transferReturned',
        args: { interactionId: 'd-1', queueId: 'q-solo', agentId: 'a1' }
      }
    ]);
    expectOk(machine.transition(t.state, agent(reply())));
  });

  it('D12 the third transfer gives a new master contact id, derived from the interaction', () => {
    let state: DigitalState = opened();
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) {
      state = run(state, [agent(transfer('q-solo'))]).state;
      ids.push(state.masterContactId);
    }
    expect(ids).toEqual(['d-1', 'd-1', 'd-1/mc3', 'd-1/mc3']);
    // Deterministic: the same history gives the same id.
    let again: DigitalState = opened();
    for (let n = 0; n < 3; n++) again = run(again, [agent(transfer('q-solo'))]).state;
    expect(again.masterContactId).toBe('d-1/mc3');
  });

  it('D12 transfers count across agents', () => {
    const state = run(opened(), [
      agent(transfer('q-billing'), 'a1'),
      agent({ command: 'open' }, 'a2'),
      agent(transfer('q-support'), 'a2'),
      agent({ command: 'open' }, 'a1'),
      agent(transfer('q-billing'), 'a1')
    ]).state;
    expect(state).toMatchObject({ transferCount: 3, masterContactId: 'd-1/mc3' });
  });

  it('V8 Name and Related To travel with the transfer', () => {
    const state = run(opened(), [
      agent({ command: 'setDetails', args: { whoId: '003000000000001AAA', whatId: '500000000000001AAA' } }),
      agent(transfer('q-billing')),
      agent({ command: 'open' }, 'a2'),
      customer('m-9')
    ]).state;
    expect(state.details).toMatchObject({ whoId: '003000000000001AAA', whatId: '500000000000001AAA' });
  });
});
