import { createDigitalMachine } from '..';
import { agent, config, expectOk, expectRefused, inbound, opened, reply, run, syncOps, T0 } from './fixtures';

const machine = createDigitalMachine(config());

describe('A6 pause by a call', () => {
  it('A6 paused work refuses replies and its handle-time clock stops', () => {
    const paused = expectOk(machine.transition(opened(), { source: 'desk', at: T0 + 2_500, action: 'pause' })).state;
    expect(paused.pausedByCall).toBe(true);
    expect(paused.timers).toMatchObject({ handledMs: 2_000, handleResumedAt: null });
    expectRefused(machine.transition(paused, agent(reply())), 'PAUSED_BY_CALL');
    expect(machine.allowedCommands(paused, 'a1').find((c) => c.command === 'reply')).toEqual({
      command: 'reply',
      enabled: false,
      reason: 'PAUSED_BY_CALL',
      labelKey: 'Reason_PausedByCall'
    });
  });

  it('A6 resume restarts the clock where it was; handle time excludes the call', () => {
    const { effects } = run(opened(), [
      { source: 'desk', at: T0 + 10_500, action: 'pause' },
      { source: 'desk', at: T0 + 70_500, action: 'resume' },
      agent(reply(), 'a1', T0 + 71_000),
      agent({ command: 'end', args: { disposition: 'Answered' } }, 'a1', T0 + 80_500)
    ]);
    expect(syncOps(effects).find((op) => op.op === 'task.log')).toMatchObject({ durationSeconds: 20 });
  });

  it('A6 only open work can be paused, and only once', () => {
    expectRefused(machine.transition(inbound(), { source: 'desk', at: T0, action: 'pause' }), 'WRONG_STATE');
    expectRefused(machine.transition(opened(), { source: 'desk', at: T0, action: 'resume' }), 'WRONG_STATE');
    const paused = run(opened(), [{ source: 'desk', at: T0 + 1, action: 'pause' }]).state;
    expectRefused(machine.transition(paused, { source: 'desk', at: T0 + 2, action: 'pause' }), 'WRONG_STATE');
  });

  it('A6 a paused conversation transferred to others is no longer paused', () => {
    const state = run(opened(), [
      { source: 'desk', at: T0 + 1, action: 'pause' },
      agent({ command: 'transfer', args: { queueId: 'q-billing' } })
    ]).state;
    expect(state.pausedByCall).toBe(false);
  });
});
