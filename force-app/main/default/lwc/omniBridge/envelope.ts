// The messages on the Softphone_Omni__c Lightning message channel, between the Aura relay (aura/omniRelay), which
// holds lightning:omniToolkitAPI, and omniBridge. This file is their one description: the channel's
// lightningMessageFields are ENVELOPE_FIELDS, the relay handles RELAY_EVENTS and calls only TOOLKIT_METHODS
// (scripts/__tests__/omniRelay.test.ts holds the three to this file). Names are the toolkit's own: the relay forwards
// what the toolkit says, as it says it.

/** Every field a message may carry, in the channel's metadata order. */
export const ENVELOPE_FIELDS = ['source', 'kind', 'id', 'name', 'ok', 'payload', 'error'] as const;
export type EnvelopeField = (typeof ENVELOPE_FIELDS)[number];

/** The Omni-Channel events the relay forwards, with their parameters as the toolkit gives them. */
export const RELAY_EVENTS = [
  'lightning:omniChannelStatusChanged',
  'lightning:omniChannelLogout',
  'lightning:omniChannelWorkAssigned',
  'lightning:omniChannelWorkAccepted',
  'lightning:omniChannelWorkDeclined',
  'lightning:omniChannelWorkClosed'
] as const;
export type RelayEventName = (typeof RELAY_EVENTS)[number];

/** The toolkit methods the relay calls for the bridge; any other name is refused (OMNI_UNKNOWN_METHOD). */
export const TOOLKIT_METHODS = [
  'getServicePresenceStatusId',
  'getServicePresenceStatusChannels',
  'setServicePresenceStatus',
  'logout',
  'acceptAgentWork',
  'closeAgentWork'
] as const;
export type ToolkitMethod = (typeof TOOLKIT_METHODS)[number];

export interface EnvelopeError {
  code: string;
  message: string;
}

/** Relay to bridge. */
export type RelayMessage =
  /** The relay started (the console loaded it): requests sent before then were heard by nobody. */
  | { source: 'relay'; kind: 'ready' }
  /** An Omni-Channel event; payload: the event's parameters (event.getParams()). */
  | { source: 'relay'; kind: 'event'; name: RelayEventName; payload: Record<string, unknown> }
  /** How a request ended; payload: what the toolkit's promise resolved to. */
  | { source: 'relay'; kind: 'result'; id: string; name: string; ok: true; payload: unknown }
  | { source: 'relay'; kind: 'result'; id: string; name: string; ok: false; error: EnvelopeError };

/** Bridge to relay: call a toolkit method; payload: its one argument, when it takes one. */
export interface BridgeRequest {
  source: 'bridge';
  kind: 'request';
  id: string;
  name: ToolkitMethod;
  payload?: Record<string, unknown>;
}

export type ChannelMessage = RelayMessage | BridgeRequest;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A message from the relay, or null for anything else on the channel (the bridge's own requests included). */
export function relayMessageOf(message: unknown): RelayMessage | null {
  if (!isRecord(message) || message.source !== 'relay') return null;
  switch (message.kind) {
    case 'ready':
      return { source: 'relay', kind: 'ready' };
    case 'event': {
      const name = message.name as RelayEventName;
      if (!RELAY_EVENTS.includes(name)) return null;
      return { source: 'relay', kind: 'event', name, payload: isRecord(message.payload) ? message.payload : {} };
    }
    case 'result': {
      if (typeof message.id !== 'string') return null;
      const name = typeof message.name === 'string' ? message.name : '';
      if (message.ok === true)
        return { source: 'relay', kind: 'result', id: message.id, name, ok: true, payload: message.payload };
      const error = isRecord(message.error) ? message.error : {};
      return {
        source: 'relay',
        kind: 'result',
        id: message.id,
        name,
        ok: false,
        error: {
          code: typeof error.code === 'string' && error.code ? error.code : 'OMNI_TOOLKIT_ERROR',
          message: typeof error.message === 'string' ? error.message : ''
        }
      };
    }
    default:
      return null;
  }
}
