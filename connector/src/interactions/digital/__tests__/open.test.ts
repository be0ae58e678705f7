import { createDigitalMachine } from '..';
import { agent, config, customer, expectOk, expectRefused, inbound, opened, reply, run, syncOps, T0 } from './fixtures';

const machine = createDigitalMachine(config());

describe('open', () => {
  it('D4 opening assigns the conversation to the agent (S2 work item opened, S6 screen pop)', () => {
    const t = expectOk(machine.transition(inbound(), agent({ command: 'open' }, 'a2', T0 + 500)));
    expect(t.state).toMatchObject({ ownerAgentId: 'a2', lifecycle: 'active', unread: 0 });
    expect(t.state.timers).toMatchObject({ acceptedAt: T0 + 500, handleResumedAt: T0 + 500 });
    expect(syncOps(t.effects)).toEqual([
      { op: 'workItem.update', interactionId: 'd-1', agentId: 'a2', channel: 'whatsapp', status: 'Opened' },
      { op: 'screenPop.lookup', interactionId: 'd-1', address: '+447700900123', channel: 'whatsapp' }
    ]);
  });

  it('D4 opening a conversation assigned to another agent is refused', () => {
    expectRefused(machine.transition(opened(), agent({ command: 'open' }, 'a2')), 'DIGITAL_ASSIGNED_TO_OTHER_AGENT');
  });

  it('D4 the assignee opening it again is told it is already theirs', () => {
    expectRefused(machine.transition(opened(), agent({ command: 'open' }, 'a1')), 'DIGITAL_ALREADY_ASSIGNED_TO_YOU');
  });

  it('D2 only members of its queue can pull it', () => {
    expectRefused(machine.transition(inbound(), agent({ command: 'open' }, 'a3')), 'DIGITAL_NOT_QUEUE_MEMBER');
  });

  it('D4 it stays assigned through replies and customer messages until ended or transferred', () => {
    const state = run(opened(), [agent(reply()), customer('m-2'), agent(reply('Done'))]).state;
    expect(state.ownerAgentId).toBe('a1');
    expect(state.lifecycle).toBe('active');
    expectRefused(machine.transition(state, agent({ command: 'open' }, 'a2')), 'DIGITAL_ASSIGNED_TO_OTHER_AGENT');
  });

  it('D4 commands on a conversation nobody opened ask to open it first', () => {
    const state = inbound();
    expectRefused(machine.transition(state, agent(reply())), 'DIGITAL_NOT_OPENED');
    const listed = machine.allowedCommands(state, 'a1');
    expect(listed.find((c) => c.command === 'open')).toEqual({ command: 'open', enabled: true });
    expect(listed.find((c) => c.command === 'reply')).toEqual({
      command: 'reply',
      enabled: false,
      reason: 'DIGITAL_NOT_OPENED',
      labelKey: 'Reason_DigitalNotOpened'
    });
  });

  it('only the assignee can work on it', () => {
    expectRefused(machine.transition(opened(), agent(reply(), 'a2')), 'NOT_OWNER');
    expect(machine.allowedCommands(opened(), 'a2').every((c) => !c.enabled)).toBe(true);
  });

  it('lists every command of the channel, for any agent', () => {
    expect(machine.allowedCommands(opened(), 'a1').map((c) => c.command)).toEqual([
      'open',
      'reply',
      'resolve',
      'transfer',
      'end',
      'setDetails',
      'markRead'
    ]);
  });
});
