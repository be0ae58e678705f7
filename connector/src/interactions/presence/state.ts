import type { Instant } from '../kernel/types';

/** A1. "Working" is not here on purpose: it is derived from open interactions (see desk/activity.ts). */
export const PRESENCE_STATUSES = ['Offline', 'Available', 'Busy', 'RONA', 'WrapUp'] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];

/** The statuses an agent (or Omni-Channel, A2) can choose. RONA and WrapUp are entered by the desk. */
export type ChosenStatus = 'Available' | 'Busy' | 'Offline';

export interface PresenceState {
  agentId: string;
  status: PresenceStatus;
  /** Busy reason (A1); null otherwise. */
  reasonCode: string | null;
  /** When the current status began: the panel shows how long from this instant. */
  since: Instant;
  /** While in WrapUp: the status to return to when after-contact work is done. */
  resumeStatus: 'Available' | null;
}

export const initialPresence = (agentId: string, at: Instant): PresenceState => ({
  agentId,
  status: 'Offline',
  reasonCode: null,
  since: at,
  resumeStatus: null
});
