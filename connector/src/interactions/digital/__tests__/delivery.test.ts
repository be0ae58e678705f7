import { createDigitalMachine } from '..';
import { agent, config, expectOk, expectRefused, opened, reply, run, T0 } from './fixtures';

const machine = createDigitalMachine(config());
const failed = (messageId: string) =>
  ({
    source: 'provider',
    at: T0 + 5_000,
    event: { type: 'deliveryFailed', messageId, reason: 'unreachable' }
  }) as const;

describe('delivery failures', () => {
  it('marks the agent message and tells the agent', () => {
    const sent = run(opened(), [agent(reply())]).state;
    const t = expectOk(machine.transition(sent, failed('d-1#2')));
    expect(t.state.failedMessageIds).toEqual(['d-1#2']);
    expect(t.state.transcript.at(-1)).toMatchObject({ from: 'system', systemEvent: 'delivery_failed' });
    expect(t.effects).toEqual([
      {
        kind: 'notice',
        notice: 'digital.deliveryFailed',
        args: { interactionId: 'd-1', messageId: 'd-1#2', reason: 'unreachable', agentId: 'a1' }
      }
    ]);
    expectRefused(machine.transition(t.state, failed('d-1#2')), 'DIGITAL_DUPLICATE_MESSAGE');
  });

  it('refuses a failure for a message no agent sent here', () => {
    expectRefused(machine.transition(opened(), failed('m-1')), 'DIGITAL_UNKNOWN_MESSAGE');
    expectRefused(machine.transition(opened(), failed('nope')), 'DIGITAL_UNKNOWN_MESSAGE');
  });
});
