// A2: softphone presence <-> Omni-Channel presence statuses, as the admin mapped them (Softphone_Setting__mdt and
// Softphone_Busy_Reason__mdt). Pure.
import type { OmniPresenceEvent } from '../interactions/presence/commands';
import type { PresenceState } from '../interactions/presence/state';
import type { OmniStatusMap } from '../settings/mapping';

/** What Omni should show: a status (by API name) or logged out. */
export type OmniTarget = { kind: 'status'; statusApiName: string } | { kind: 'loggedOut' };

export const DEFAULT_OMNI_MAP: OmniStatusMap = {
  available: 'Available',
  busy: 'Busy',
  busyByReason: {},
  offlineLogsOut: true
};

/** RONA and WrapUp are not offerable: they show as the busy status, so Omni routes nothing meanwhile. */
export function omniTargetOf(presence: Pick<PresenceState, 'status' | 'reasonCode'>, map: OmniStatusMap): OmniTarget {
  switch (presence.status) {
    case 'Available':
      return { kind: 'status', statusApiName: map.available };
    case 'Busy':
      return {
        kind: 'status',
        statusApiName: (presence.reasonCode && map.busyByReason[presence.reasonCode]) || map.busy
      };
    case 'Offline':
      return map.offlineLogsOut ? { kind: 'loggedOut' } : { kind: 'status', statusApiName: map.busy };
    default:
      return { kind: 'status', statusApiName: map.busy };
  }
}

export const sameTarget = (a: OmniTarget | null, b: OmniTarget): boolean =>
  a !== null &&
  a.kind === b.kind &&
  (a.kind === 'loggedOut' || (b.kind === 'status' && a.statusApiName.toLowerCase() === b.statusApiName.toLowerCase()));

/** A status the agent chose in the Omni widget, in the softphone's words (the desk's policy decides who wins). */
export function presenceEventOf(
  report: { statusApiName: string | null; online: boolean; changedAt: number },
  map: OmniStatusMap
): OmniPresenceEvent {
  const base = { type: 'omni.statusChanged' as const, changedAt: report.changedAt };
  if (report.statusApiName === null) return { ...base, status: 'Offline', reasonCode: null };
  const name = report.statusApiName.toLowerCase();
  if (name === map.available.toLowerCase()) return { ...base, status: 'Available', reasonCode: null };
  const reason = Object.entries(map.busyByReason).find(([, status]) => status.toLowerCase() === name)?.[0] ?? null;
  if (reason !== null) return { ...base, status: 'Busy', reasonCode: reason };
  if (name === map.busy.toLowerCase()) return { ...base, status: 'Busy', reasonCode: null };
  // A status the admin did not map: online ones take offers, so they count as Available.
  return { ...base, status: report.online ? 'Available' : 'Busy', reasonCode: null };
}
