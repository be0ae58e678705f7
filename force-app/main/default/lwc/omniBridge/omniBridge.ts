// The softphone's side of Omni-Channel (docs/omni.md). Omni presence and work control exist only in the console's Aura
// lightning:omniToolkitAPI, which the Aura relay (aura/omniRelay) holds and forwards over the Softphone_Omni__c
// message channel. This component translates between that channel and the connector's protocol: the relay's
// toolkit events become `omni` events (docs/protocol.md, Omni-Channel), and each `omniAction` the connector sends
// becomes a toolkit request, whose result is reported as the action's `actionResult`. It decides nothing about
// presence or work: the connector does. Renders nothing.
import { LightningElement, api, wire } from 'lwc';
import {
  APPLICATION_SCOPE,
  MessageContext,
  publish,
  subscribe,
  unsubscribe,
  type MessageContextValue,
  type MessageSubscription
} from 'lightning/messageService';
import SOFTPHONE_OMNI from '@salesforce/messageChannel/Softphone_Omni__c';
import type { ErrorBody, OmniAction, OmniEvent } from 'c/connectorProtocol';
import type { ConnectorClient } from 'c/connectorClient';
import {
  relayMessageOf,
  type BridgeRequest,
  type RelayEventName,
  type RelayMessage,
  type ToolkitMethod
} from './envelope';

/** What the bridge needs of the softphone's ConnectorClient (which says hello with `omniRelay: true`). */
export type OmniClient = Pick<ConnectorClient, 'subscribe' | 'reportOmni'> & {
  readonly state?: ConnectorClient['state'];
};

/** A ServicePresenceStatus of the org (Id and DeveloperName), for statuses Omni has not shown in this console yet. */
export interface PresenceStatusRef {
  id: string;
  developerName: string;
}

type Result = Extract<RelayMessage, { kind: 'result' }>;
interface Pending {
  request: BridgeRequest;
  done: (result: Result) => void;
}

/** Requests never answered (no relay in the utility bar) are forgotten beyond this many, oldest first. */
const MAX_PENDING = 100;

const WORK_EVENTS: { [name: string]: 'workAssigned' | 'workAccepted' | 'workDeclined' | 'workClosed' } = {
  'lightning:omniChannelWorkAssigned': 'workAssigned',
  'lightning:omniChannelWorkAccepted': 'workAccepted',
  'lightning:omniChannelWorkDeclined': 'workDeclined',
  'lightning:omniChannelWorkClosed': 'workClosed'
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The toolkit gives a status's channels as a JSON string of [{channelId, developerName}] (or, in places, the array). */
export function channelCount(channels: unknown): number {
  let list: unknown = channels;
  if (typeof channels === 'string') {
    try {
      list = JSON.parse(channels);
    } catch {
      return 0;
    }
  }
  return Array.isArray(list) ? list.length : 0;
}

export default class OmniBridge extends LightningElement {
  @wire(MessageContext) messageContext?: MessageContextValue;

  private clientValue: OmniClient | null = null;
  private stopClient: (() => void) | null = null;
  private subscription: MessageSubscription | null = null;
  private connected = false;
  /** Ids Omni named here, by DeveloperName (lower case): for a setStatus without statusId (an older connector). */
  private readonly statusIds = new Map<string, string>();
  private readonly pending = new Map<string, Pending>();
  /** Grows with every status Omni reports and every status query: an older query's answer is not reported over it. */
  private statusEpoch = 0;
  private readonly idPrefix = `omniBridge.${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
  private nextId = 0;

  /** The softphone's connection to the connector; the bridge reports to it and hears its omniAction frames. */
  @api
  get client(): OmniClient | null {
    return this.clientValue;
  }
  set client(value: OmniClient | null) {
    if (value === this.clientValue) return;
    this.clientValue = value ?? null;
    this.attachClient();
    if (this.connected && value?.state === 'open') this.askCurrentStatus();
  }

  /** The org's presence statuses, when the softphone has them: seeds the DeveloperName -> Id map (docs/omni.md). */
  @api
  get presenceStatuses(): PresenceStatusRef[] {
    return [...this.statusIds].map(([developerName, id]) => ({ id, developerName }));
  }
  set presenceStatuses(value: PresenceStatusRef[]) {
    for (const status of value ?? []) this.learn(status.id, status.developerName);
  }

  connectedCallback(): void {
    this.connected = true;
    if (!this.subscription) {
      this.subscription = subscribe(this.messageContext, SOFTPHONE_OMNI, (message) => this.onMessage(message), {
        scope: APPLICATION_SCOPE
      });
    }
    this.attachClient();
    if (this.clientValue?.state === 'open') this.askCurrentStatus();
  }

  disconnectedCallback(): void {
    this.connected = false;
    if (this.subscription) unsubscribe(this.subscription);
    this.subscription = null;
    this.stopClient?.();
    this.stopClient = null;
  }

  // ---- the connector's side -----------------------------------------------------------------------------------

  private attachClient(): void {
    this.stopClient?.();
    this.stopClient = null;
    const client = this.clientValue;
    if (!client || !this.connected) return;
    this.stopClient = client.subscribe((event) => {
      // "once when the relay connects" (docs/protocol.md): every welcome, the first and after each reconnect.
      if (event.type === 'welcome') this.askCurrentStatus();
      else if (event.type === 'omniAction') this.act(event.action);
    });
  }

  private report(event: OmniEvent): void {
    this.clientValue?.reportOmni(event);
  }

  private act(action: OmniAction): void {
    if (this.pending.has(action.id)) return; // already asked of the toolkit, its answer will come
    switch (action.kind) {
      case 'setStatus': {
        // The connector read the Id from the org; what Omni named in this console is the fallback for an older one.
        const statusId = action.statusId || this.statusIds.get(action.statusApiName.toLowerCase());
        if (!statusId) {
          this.actionResult(action.id, {
            code: 'OMNI_UNKNOWN_STATUS',
            message: `No ServicePresenceStatus Id known for ${action.statusApiName}`
          });
          return;
        }
        this.request('setServicePresenceStatus', { statusId }, action.id, (result) => {
          if (result.ok) this.learnFrom(result.payload);
          this.actionDone(action.id, result);
        });
        return;
      }
      case 'logout':
        this.request('logout', undefined, action.id, (result) => this.actionDone(action.id, result));
        return;
      case 'acceptWork':
        this.request('acceptAgentWork', { workId: action.workId }, action.id, (result) =>
          this.actionDone(action.id, result)
        );
        return;
      case 'closeWork':
        this.request('closeAgentWork', { workId: action.workId }, action.id, (result) =>
          this.actionDone(action.id, result)
        );
        break;
      default:
        break; // an action of a newer connector: not ours to guess
    }
  }

  /** The toolkit resolves accept, close and logout to true, and to false (or rejects) when it did not. */
  private actionDone(actionId: string, result: Result): void {
    if (!result.ok) this.actionResult(actionId, result.error);
    else if (result.payload === false)
      this.actionResult(actionId, { code: 'OMNI_REFUSED', message: `${result.name} answered false` });
    else this.actionResult(actionId, null);
  }

  private actionResult(actionId: string, error: ErrorBody | null): void {
    this.report(
      error
        ? { kind: 'actionResult', actionId, ok: false, error: { code: error.code, message: error.message } }
        : { kind: 'actionResult', actionId, ok: true }
    );
  }

  /** The status Omni shows now: its API name, then whether it is online for any channel. Logged out: null. */
  private askCurrentStatus(): void {
    const epoch = ++this.statusEpoch;
    this.request('getServicePresenceStatusId', undefined, null, (current) => {
      if (epoch !== this.statusEpoch) return;
      const answer = current.ok ? (current.payload as { [field: string]: unknown } | null) : null;
      const statusApiName = text(answer?.statusApiName);
      if (statusApiName === null) {
        // The toolkit has no status for an agent logged out of Omni (it rejects the call).
        this.report({ kind: 'status', statusApiName: null, online: false, changedAt: Date.now() });
        return;
      }
      this.learnFrom(answer);
      this.request('getServicePresenceStatusChannels', undefined, null, (channels) => {
        if (epoch !== this.statusEpoch) return;
        const list = channels.ok ? channels.payload : null;
        const online = channelCount(Array.isArray(list) ? list : (list as { channels?: unknown } | null)?.channels) > 0;
        this.report({ kind: 'status', statusApiName, online, changedAt: Date.now() });
      });
    });
  }

  // ---- the relay's side ---------------------------------------------------------------------------------------

  private onMessage(raw: unknown): void {
    const message = relayMessageOf(raw);
    if (!message) return; // our own requests come back to us too, and other senders may share the channel
    if (message.kind === 'ready') this.relayReady();
    else if (message.kind === 'event') this.omniEvent(message.name, message.payload);
    else this.answered(message);
  }

  /** The relay has just started: what was asked before it listened is asked again, and Omni's status. */
  private relayReady(): void {
    for (const { request } of this.pending.values()) this.publishRequest(request);
    if (this.clientValue?.state === 'open') this.askCurrentStatus();
  }

  private omniEvent(name: RelayEventName, payload: Record<string, unknown>): void {
    if (name === 'lightning:omniChannelStatusChanged') {
      this.statusEpoch++;
      this.learnFrom(payload);
      const statusApiName = text(payload.statusApiName);
      if (statusApiName === null) return;
      this.report({ kind: 'status', statusApiName, online: channelCount(payload.channels) > 0, changedAt: Date.now() });
      return;
    }
    if (name === 'lightning:omniChannelLogout') {
      this.statusEpoch++;
      this.report({ kind: 'status', statusApiName: null, online: false, changedAt: Date.now() });
      return;
    }
    const kind = WORK_EVENTS[name];
    const workId = text(payload.workId);
    const workItemId = text(payload.workItemId);
    if (kind && workId && workItemId) this.report({ kind, workId, workItemId });
  }

  private answered(result: Result): void {
    const entry = this.pending.get(result.id);
    if (!entry) return; // answered before (a request sent again), or another bridge's
    this.pending.delete(result.id);
    entry.done(result);
  }

  private request(
    name: ToolkitMethod,
    payload: Record<string, unknown> | undefined,
    id: string | null,
    done: (result: Result) => void
  ): void {
    const request: BridgeRequest = {
      source: 'bridge',
      kind: 'request',
      id: id ?? `${this.idPrefix}.${++this.nextId}`,
      name,
      ...(payload ? { payload } : {})
    };
    this.pending.set(request.id, { request, done });
    while (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    this.publishRequest(request);
  }

  private publishRequest(request: BridgeRequest): void {
    publish(this.messageContext, SOFTPHONE_OMNI, request);
  }

  // ---- status ids ---------------------------------------------------------------------------------------------

  /** Every toolkit answer and status event that names a status carries both its Id and its API name. */
  private learnFrom(value: unknown): void {
    const status = value as { statusId?: unknown; statusApiName?: unknown } | null;
    const id = text(status?.statusId);
    const apiName = text(status?.statusApiName);
    if (id && apiName) this.learn(id, apiName);
  }

  private learn(id: string, developerName: string): void {
    if (id && developerName) this.statusIds.set(developerName.toLowerCase(), id);
  }
}
