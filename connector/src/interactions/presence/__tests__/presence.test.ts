import { presenceConfigSchema } from '../config';
import { presenceAllowedCommands, presenceTransition, type PresenceEvent } from '../machine';
import { initialPresence, type PresenceState } from '../state';

const config = presenceConfigSchema.parse({});
const T0 = 1_700_000_000_000;

function apply(state: PresenceState, ...events: PresenceEvent[]): PresenceState {
  for (const event of events) {
    const r = presenceTransition(state, event, config);
    if (!r.ok) throw new Error(`refused: ${r.rejection.code}`);
    state = r.state;
  }
  return state;
}
const agent = (command: Extract<PresenceEvent, { type: 'agent' }>['command'], at = T0, openInteractions = 0) =>
  ({ type: 'agent', at, command, openInteractions }) as const;

describe('presence machine', () => {
  const offline = initialPresence('005A', T0);

  it('A1 statuses: Offline -> Available -> Busy with a reason from the configured list', () => {
    const available = apply(offline, agent({ command: 'goAvailable' }));
    expect(available).toMatchObject({ status: 'Available', reasonCode: null });
    const busy = apply(available, agent({ command: 'goBusy', args: { reasonCode: 'Lunch' } }, T0 + 5));
    expect(busy).toMatchObject({ status: 'Busy', reasonCode: 'Lunch', since: T0 + 5 });
  });

  it('A1 Busy with a reason outside the configured list is refused with UNKNOWN_REASON', () => {
    const r = presenceTransition(offline, agent({ command: 'goBusy', args: { reasonCode: 'Nap' } }), config);
    expect(r).toMatchObject({ ok: false, rejection: { code: 'UNKNOWN_REASON' } });
  });

  it('A1 every status change is mirrored (A2) and carries its start instant', () => {
    const r = presenceTransition(offline, agent({ command: 'goAvailable' }, T0 + 9), config);
    expect(r.ok && r.effects).toEqual([
      { kind: 'sync', operation: { op: 'presence.mirror', agentId: '005A', status: 'Available', reasonCode: null } }
    ]);
    expect(r.ok && r.state.since).toBe(T0 + 9);
  });

  it('A1 going Offline with open interactions is refused with OPEN_WORK, and the command says so', () => {
    const available = apply(offline, agent({ command: 'goAvailable' }));
    const r = presenceTransition(available, agent({ command: 'goOffline' }, T0, 2), config);
    expect(r).toMatchObject({ ok: false, rejection: { code: 'OPEN_WORK' } });
    const offlineCommand = presenceAllowedCommands({ presence: available, openInteractions: 2 }).find(
      (c) => c.command === 'goOffline'
    );
    expect(offlineCommand).toEqual({
      command: 'goOffline',
      enabled: false,
      reason: 'OPEN_WORK',
      labelKey: 'Reason_OpenWork'
    });
  });

  it('A1 choosing the status one already has is refused, never silently ignored', () => {
    const available = apply(offline, agent({ command: 'goAvailable' }));
    expect(presenceTransition(available, agent({ command: 'goAvailable' }), config)).toMatchObject({
      ok: false,
      rejection: { code: 'ALREADY_IN_STATUS' }
    });
  });

  it('A4 a missed offer puts the agent in RONA with a prompt; only the agent leaves it', () => {
    const available = apply(offline, agent({ command: 'goAvailable' }));
    const r = presenceTransition(available, { type: 'offerMissed', at: T0 + 1 }, config);
    expect(r.ok && r.state.status).toBe('RONA');
    expect(r.ok && r.effects).toContainEqual({ kind: 'notice', notice: 'ronaPrompt' });
    const rona = r.ok ? r.state : available;
    // After-contact work ending does not leave RONA...
    expect(apply(rona, { type: 'wrapUpFinished', at: T0 + 2 }).status).toBe('RONA');
    // ...the agent's own choice does.
    expect(apply(rona, agent({ command: 'goAvailable' }, T0 + 3)).status).toBe('Available');
    expect(apply(rona, agent({ command: 'goBusy', args: { reasonCode: 'Break' } }, T0 + 3)).status).toBe('Busy');
  });

  it('A1 WrapUp is entered from Available by after-contact work and returns to Available when it ends', () => {
    const available = apply(offline, agent({ command: 'goAvailable' }));
    const wrapUp = apply(available, { type: 'wrapUpStarted', at: T0 + 1 });
    expect(wrapUp.status).toBe('WrapUp');
    expect(apply(wrapUp, { type: 'wrapUpFinished', at: T0 + 2 }).status).toBe('Available');
    // A Busy agent stays Busy through after-contact work.
    const busy = apply(offline, agent({ command: 'goBusy', args: { reasonCode: 'Meeting' } }));
    expect(apply(busy, { type: 'wrapUpStarted', at: T0 + 1 }).status).toBe('Busy');
  });

  describe('A2 conflicts with Omni-Channel follow the configured policy', () => {
    const available = apply(offline, agent({ command: 'goAvailable' }, T0 + 100));
    const omniBusy = (changedAt: number) =>
      ({
        type: 'omni',
        at: T0 + 200,
        openInteractions: 0,
        event: { type: 'omni.statusChanged', status: 'Busy', reasonCode: 'Lunch', changedAt }
      }) as const;

    it('A2 softphone wins: our status stays and is mirrored again', () => {
      const r = presenceTransition(available, omniBusy(T0 + 150), { ...config, conflictPolicy: 'softphone' });
      expect(r.ok && r.state.status).toBe('Available');
      expect(r.ok && r.effects[0]).toMatchObject({
        kind: 'sync',
        operation: { op: 'presence.mirror', status: 'Available' }
      });
    });

    it('A2 Omni wins: Omni’s status is adopted and not echoed back', () => {
      const r = presenceTransition(available, omniBusy(T0 + 50), { ...config, conflictPolicy: 'omni' });
      expect(r.ok && r.state).toMatchObject({ status: 'Busy', reasonCode: 'Lunch' });
      expect(r.ok && r.effects).toEqual([]);
    });

    it('A2 last change wins: a newer Omni change is adopted, an older one is overridden', () => {
      const lastChange = { ...config, conflictPolicy: 'lastChange' as const };
      const newer = presenceTransition(available, omniBusy(T0 + 150), lastChange);
      expect(newer.ok && newer.state.status).toBe('Busy');
      const older = presenceTransition(available, omniBusy(T0 + 50), lastChange);
      expect(older.ok && older.state.status).toBe('Available');
      expect(older.ok && older.effects).toHaveLength(1);
    });

    it('A2 Omni confirming the status we already have changes nothing', () => {
      const r = presenceTransition(
        available,
        {
          type: 'omni',
          at: T0 + 200,
          openInteractions: 0,
          event: { type: 'omni.statusChanged', status: 'Available', reasonCode: null, changedAt: T0 + 150 }
        },
        config
      );
      expect(r).toEqual({ ok: true, state: available, effects: [] });
    });
  });
});
