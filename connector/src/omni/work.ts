// S2–S4, C15: one agent's Omni-Channel work item as a pure machine. The softphone decides what it wants of the work
// (open while the agent handles the interaction, closed when it ends, nothing when it was transferred: Omni marks it
// Transferred itself once the receiver accepts theirs); Omni reports what it did. The machine says which toolkit
// action the relay must take next, never two at once, and when Salesforce closed work the agent still handles (C15).
import type { WorkItemStatus } from '../interactions/kernel/effects';

export interface OmniWork {
  interactionId: string;
  agentId: string;
  /** The AgentWork and the work item (Interaction__c) it is for; null until sync has routed it. */
  workId: string | null;
  workItemId: string | null;
  want: 'open' | 'closed' | 'transferred';
  /** What Omni last reported or confirmed. */
  omni: 'none' | 'assigned' | 'opened' | 'closed' | 'declined';
  /** An action sent and not answered yet: not sent again until answered or the relay reconnects. */
  inFlight: { id: string; kind: 'acceptWork' | 'closeWork' } | null;
  /** Actions sent so far, for unique action ids. */
  sent: number;
}

export type OmniWorkEvent =
  /** The interaction's work item changed on the softphone's side (the engine's workItem.update). */
  | { type: 'softphone'; status: WorkItemStatus }
  /** Sync routed the work: Omni has an AgentWork for the agent. */
  | { type: 'routed'; workId: string; workItemId: string }
  /** The relay saw this in the console. */
  | { type: 'omni'; kind: 'workAssigned' | 'workAccepted' | 'workDeclined' | 'workClosed' }
  | { type: 'result'; actionId: string; ok: boolean }
  /** The agent's relay (re)connected: anything in flight is lost and goes again. */
  | { type: 'relayConnected' };

export interface OmniWorkStep {
  state: OmniWork;
  /** The toolkit action to send now, if any. */
  action: { id: string; kind: 'acceptWork' | 'closeWork'; workId: string } | null;
  /** C15: the work was closed in Salesforce while the agent still handles it: end the interaction. */
  closedInSalesforce: boolean;
}

export const newOmniWork = (interactionId: string, agentId: string): OmniWork => ({
  interactionId,
  agentId,
  workId: null,
  workItemId: null,
  want: 'open',
  omni: 'none',
  inFlight: null,
  sent: 0
});

/** Nothing more is owed to Omni. */
export const isSettled = (w: OmniWork): boolean =>
  w.want === 'transferred' || w.omni === 'closed' || w.omni === 'declined';

const WANT: Record<WorkItemStatus, OmniWork['want']> = {
  Opened: 'open',
  Closed: 'closed',
  Canceled: 'closed',
  Declined: 'closed',
  DeclinedOnPushTimeout: 'closed',
  Transferred: 'transferred'
};

export function omniWorkStep(state: OmniWork, event: OmniWorkEvent): OmniWorkStep {
  let next = state;
  let closedInSalesforce = false;
  switch (event.type) {
    case 'softphone':
      next = { ...state, want: WANT[event.status] };
      break;
    case 'routed':
      next = {
        ...state,
        workId: event.workId,
        workItemId: event.workItemId,
        omni: state.omni === 'none' ? 'assigned' : state.omni
      };
      break;
    case 'omni':
      if (event.kind === 'workAssigned') next = { ...state, omni: state.omni === 'none' ? 'assigned' : state.omni };
      else if (event.kind === 'workAccepted') next = { ...state, omni: 'opened' };
      else if (event.kind === 'workDeclined') next = { ...state, omni: 'declined' };
      else {
        closedInSalesforce = state.want === 'open' && state.omni !== 'closed';
        next = { ...state, omni: 'closed', want: state.want === 'open' ? 'closed' : state.want };
      }
      break;
    case 'result':
      if (state.inFlight?.id !== event.actionId) return { state, action: null, closedInSalesforce: false };
      next = {
        ...state,
        inFlight: null,
        omni: event.ok ? (state.inFlight.kind === 'acceptWork' ? 'opened' : 'closed') : state.omni
      };
      // A refused action is not repeated at once: the next event (or a reconnect) tries again.
      if (!event.ok) return { state: next, action: null, closedInSalesforce: false };
      break;
    case 'relayConnected':
      next = { ...state, inFlight: null };
      break;
  }
  return { ...nextAction(next), closedInSalesforce };
}

function nextAction(state: OmniWork): Omit<OmniWorkStep, 'closedInSalesforce'> {
  if (state.workId === null || state.inFlight !== null || state.want === 'transferred') return { state, action: null };
  // Work the agent handles is accepted; work that already ended is accepted first too, so that it can be closed
  // (declining it would send it back to routing).
  const kind =
    state.omni === 'assigned' ? 'acceptWork' : state.omni === 'opened' && state.want === 'closed' ? 'closeWork' : null;
  if (kind === null) return { state, action: null };
  const id = `${state.workId}.${state.sent + 1}`;
  return {
    state: { ...state, inFlight: { id, kind }, sent: state.sent + 1 },
    action: { id, kind, workId: state.workId }
  };
}
