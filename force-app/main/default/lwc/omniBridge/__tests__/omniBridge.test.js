// omniBridge between the Aura relay's message channel (stood in for by sfdx-lwc-jest's lightning/messageService stubs:
// the test plays the relay through the listener the bridge subscribed) and the connector's client (a fake with
// subscribe and reportOmni). Every event reported and every action frame used here is checked against the contract.
import { createElement } from 'lwc';
import OmniBridge from 'c/omniBridge';
import { APPLICATION_SCOPE, publish, subscribe, unsubscribe } from 'lightning/messageService';
import Ajv from 'ajv';
import schema from '../../../../../../docs/protocol.schema.json';
import setStatusFrame from 'fixtures/panels/omni-action-set-status.json';
import welcomeFrame from 'fixtures/panels/welcome.json';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);
const CHANNEL = 'Softphone_Omni__c'; // sfdx-lwc-jest resolves a message channel import to its name
const AVAILABLE_ID = '0N58d0000000001AAA';
const BUSY_ID = '0N58d0000000002AAA';
const WORK_ID = '0Bz8d0000000001AAA';
const WORK_ITEM_ID = 'a018d0000000001AAA';
const SUBSCRIPTION = { subscription: 'Softphone_Omni__c' };

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema);
const omniFrame = ajv.getSchema(`${schema.$id}#/definitions/OmniFrame`);
const omniActionFrame = ajv.getSchema(`${schema.$id}#/definitions/OmniActionFrame`);

/** An omniAction frame written here (only setStatus is recorded): it must fit the contract as a recorded one does. */
function actionFrame(action) {
  const frame = { type: 'omniAction', action };
  expect({ frame, valid: omniActionFrame(frame) }).toEqual({ frame, valid: true });
  return frame;
}

class FakeClient {
  constructor(state = 'connecting') {
    this.state = state;
    this.listeners = new Set();
    this.events = [];
  }
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  reportOmni(event) {
    this.events.push(event);
  }
  emit(event) {
    for (const listener of this.listeners) listener(event);
  }
  omniAction(frame) {
    this.emit({ type: 'omniAction', action: frame.action });
  }
}

/** What the bridge reported to the connector so far, each event checked against the contract. */
function reported(client) {
  for (const event of client.events) {
    const frame = { type: 'omni', event };
    expect({ frame, valid: omniFrame(frame) }).toEqual({ frame, valid: true });
  }
  return client.events;
}

let relayListener;
function mount(client) {
  const element = createElement('c-omni-bridge', { is: OmniBridge });
  element.client = client;
  document.body.appendChild(element);
  return element;
}
/** The relay publishes on the channel. */
const fromRelay = (message) => relayListener(message);
const omniEvent = (name, payload) => fromRelay({ source: 'relay', kind: 'event', name, payload });
/** What the bridge published on the channel: its requests to the relay. */
const requests = () =>
  publish.mock.calls.map(([, channel, message]) => {
    expect(channel).toBe(CHANNEL);
    return message;
  });
const lastRequest = (name) =>
  requests()
    .filter((r) => r.name === name)
    .pop();
const answer = (request, payload) =>
  fromRelay({ source: 'relay', kind: 'result', id: request.id, name: request.name, ok: true, payload });
const refuse = (request, error) =>
  fromRelay({ source: 'relay', kind: 'result', id: request.id, name: request.name, ok: false, error });

const statusChanged = (statusApiName, statusId, channels) =>
  omniEvent('lightning:omniChannelStatusChanged', {
    statusId,
    statusName: statusApiName,
    statusApiName,
    channels: JSON.stringify(channels)
  });
const VOICE_CHANNEL = [{ channelId: '0N98d0000000001AAA', developerName: 'Softphone_Voice' }];

describe('c-omni-bridge', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    subscribe.mockImplementation((context, channel, listener) => {
      relayListener = listener;
      return SUBSCRIPTION;
    });
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('A2 a status the agent chooses in Omni reaches the connector as a status event, online when it has channels', async () => {
    const client = new FakeClient();
    const element = mount(client);
    statusChanged('Available', AVAILABLE_ID, VOICE_CHANNEL);
    statusChanged('Busy', BUSY_ID, []);
    expect(subscribe).toHaveBeenCalledWith(undefined, CHANNEL, expect.any(Function), { scope: APPLICATION_SCOPE });
    expect(reported(client)).toEqual([
      { kind: 'status', statusApiName: 'Available', online: true, changedAt: NOW },
      { kind: 'status', statusApiName: 'Busy', online: false, changedAt: NOW }
    ]);
    expect(requests()).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it("A2 once the connector welcomes the relay's panel, Omni's current status is reported; logged out is null", () => {
    const client = new FakeClient();
    mount(client);
    client.emit({ type: 'welcome', welcome: welcomeFrame });
    const current = lastRequest('getServicePresenceStatusId');
    expect(current).toEqual({ source: 'bridge', kind: 'request', id: expect.any(String), name: current.name });
    answer(current, { statusId: BUSY_ID, statusName: 'Busy', statusApiName: 'Busy' });
    const channels = lastRequest('getServicePresenceStatusChannels');
    expect(channels).toEqual({ source: 'bridge', kind: 'request', id: expect.any(String), name: channels.name });
    answer(channels, { channels: '[]' });
    expect(reported(client)).toEqual([{ kind: 'status', statusApiName: 'Busy', online: false, changedAt: NOW }]);

    // After a reconnect the connector is told again; the toolkit rejects the call for an agent logged out of Omni.
    client.emit({ type: 'welcome', welcome: welcomeFrame });
    refuse(lastRequest('getServicePresenceStatusId'), { code: 'OMNI_TOOLKIT_ERROR', message: 'Not logged in' });
    expect(reported(client).slice(1)).toEqual([{ kind: 'status', statusApiName: null, online: false, changedAt: NOW }]);
  });

  it('A2 a bridge added to an open connection asks at once, and an answer older than a change Omni reported is dropped', () => {
    const client = new FakeClient('open');
    mount(client);
    const current = lastRequest('getServicePresenceStatusId');
    expect(current).toBeDefined();
    statusChanged('Available', AVAILABLE_ID, VOICE_CHANNEL);
    answer(current, { statusId: BUSY_ID, statusName: 'Busy', statusApiName: 'Busy' });
    expect(lastRequest('getServicePresenceStatusChannels')).toBeUndefined();
    expect(reported(client)).toEqual([{ kind: 'status', statusApiName: 'Available', online: true, changedAt: NOW }]);
  });

  it("A2 a setStatus action becomes a setServicePresenceStatus request with the Id the connector sent, and its result an actionResult", () => {
    const client = new FakeClient('open');
    const element = mount(client);
    // The connector's Id wins over one the bridge knows for the same name.
    element.presenceStatuses = [{ id: AVAILABLE_ID, developerName: 'Available' }];
    client.omniAction(setStatusFrame);
    const { action } = setStatusFrame;
    expect(action.statusId).toMatch(/^0N5/);
    const request = lastRequest('setServicePresenceStatus');
    expect(request).toEqual({
      source: 'bridge',
      kind: 'request',
      id: action.id,
      name: 'setServicePresenceStatus',
      payload: { statusId: action.statusId }
    });
    answer(request, { statusId: action.statusId, statusName: 'Available', statusApiName: 'Available', channels: '[]' });
    expect(reported(client)).toEqual([{ kind: 'actionResult', actionId: action.id, ok: true }]);
  });

  /** A setStatus of an older connector, which named the status by API name only. */
  const withoutId = () => {
    const { statusId, ...action } = setStatusFrame.action;
    expect(statusId).toBeDefined();
    return { ...setStatusFrame, action };
  };

  it("A2 without an Id from the connector, the Id Omni named in this console is used, and a refusal reaches the connector with its code", () => {
    const client = new FakeClient();
    mount(client);
    statusChanged('available', AVAILABLE_ID, VOICE_CHANNEL); // API names are matched without regard to case
    client.events.length = 0;
    client.omniAction(withoutId());
    const request = lastRequest('setServicePresenceStatus');
    expect(request.payload).toEqual({ statusId: AVAILABLE_ID });
    refuse(request, { code: 'OMNI_TOOLKIT_ERROR', message: 'Status not assigned to this user' });
    expect(reported(client)).toEqual([
      {
        kind: 'actionResult',
        actionId: setStatusFrame.action.id,
        ok: false,
        error: { code: 'OMNI_TOOLKIT_ERROR', message: 'Status not assigned to this user' }
      }
    ]);
  });

  it('A2 a status no one has named an Id for fails at once, without a toolkit call', () => {
    const client = new FakeClient();
    mount(client);
    client.omniAction(withoutId());
    expect(lastRequest('setServicePresenceStatus')).toBeUndefined();
    expect(reported(client)).toEqual([
      {
        kind: 'actionResult',
        actionId: setStatusFrame.action.id,
        ok: false,
        error: { code: 'OMNI_UNKNOWN_STATUS', message: expect.stringContaining('Available') }
      }
    ]);
  });

  it('S2 acceptWork asks the toolkit to accept the AgentWork; true is ok, false is a refusal', () => {
    const client = new FakeClient();
    mount(client);
    client.omniAction(actionFrame({ id: `${WORK_ID}.1`, kind: 'acceptWork', workId: WORK_ID }));
    const request = lastRequest('acceptAgentWork');
    expect(request).toEqual({
      source: 'bridge',
      kind: 'request',
      id: `${WORK_ID}.1`,
      name: 'acceptAgentWork',
      payload: { workId: WORK_ID }
    });
    answer(request, true);
    client.omniAction(actionFrame({ id: `${WORK_ID}.2`, kind: 'acceptWork', workId: WORK_ID }));
    answer(lastRequest('acceptAgentWork'), false);
    expect(reported(client)).toEqual([
      { kind: 'actionResult', actionId: `${WORK_ID}.1`, ok: true },
      {
        kind: 'actionResult',
        actionId: `${WORK_ID}.2`,
        ok: false,
        error: { code: 'OMNI_REFUSED', message: expect.any(String) }
      }
    ]);
  });

  it("S3 closeWork asks the toolkit to close the AgentWork, and its result is the action's", () => {
    const client = new FakeClient();
    mount(client);
    client.omniAction(actionFrame({ id: `${WORK_ID}.3`, kind: 'closeWork', workId: WORK_ID }));
    const request = lastRequest('closeAgentWork');
    expect(request).toEqual({
      source: 'bridge',
      kind: 'request',
      id: `${WORK_ID}.3`,
      name: 'closeAgentWork',
      payload: { workId: WORK_ID }
    });
    answer(request, true);
    expect(reported(client)).toEqual([{ kind: 'actionResult', actionId: `${WORK_ID}.3`, ok: true }]);
  });

  it("C15 work closed in Salesforce reaches the connector as workClosed, and Omni's other work events as theirs", () => {
    const client = new FakeClient();
    mount(client);
    const work = { workId: WORK_ID, workItemId: WORK_ITEM_ID };
    omniEvent('lightning:omniChannelWorkAssigned', work);
    omniEvent('lightning:omniChannelWorkAccepted', work);
    omniEvent('lightning:omniChannelWorkDeclined', { ...work, declineReason: 'Busy' });
    omniEvent('lightning:omniChannelWorkClosed', work);
    omniEvent('lightning:omniChannelWorkClosed', { workId: WORK_ID }); // no work item: not a report the contract takes
    expect(reported(client)).toEqual([
      { kind: 'workAssigned', ...work },
      { kind: 'workAccepted', ...work },
      { kind: 'workDeclined', ...work },
      { kind: 'workClosed', ...work }
    ]);
  });

  it("A2 logout: the action logs the agent out of Omni, and Omni's logout reaches the connector as status null", () => {
    const client = new FakeClient();
    mount(client);
    client.omniAction(actionFrame({ id: 'status.0058d0000000002AAA.2', kind: 'logout' }));
    const request = lastRequest('logout');
    expect(request).toEqual({ source: 'bridge', kind: 'request', id: 'status.0058d0000000002AAA.2', name: 'logout' });
    answer(request, true);
    omniEvent('lightning:omniChannelLogout', { reason: '' });
    expect(reported(client)).toEqual([
      { kind: 'actionResult', actionId: 'status.0058d0000000002AAA.2', ok: true },
      { kind: 'status', statusApiName: null, online: false, changedAt: NOW }
    ]);
  });

  it('asks again what it asked before the relay started, and reports each result once', () => {
    const client = new FakeClient('open');
    mount(client);
    client.omniAction(actionFrame({ id: `${WORK_ID}.1`, kind: 'acceptWork', workId: WORK_ID }));
    client.omniAction(actionFrame({ id: `${WORK_ID}.1`, kind: 'acceptWork', workId: WORK_ID })); // asked already
    expect(requests().filter((r) => r.name === 'acceptAgentWork')).toHaveLength(1);
    fromRelay({ source: 'relay', kind: 'ready' });
    const accepts = requests().filter((r) => r.name === 'acceptAgentWork');
    expect(accepts.map((r) => r.id)).toEqual([`${WORK_ID}.1`, `${WORK_ID}.1`]);
    answer(accepts[1], true);
    answer(accepts[0], true);
    expect(reported(client)).toEqual([{ kind: 'actionResult', actionId: `${WORK_ID}.1`, ok: true }]);
  });

  it('ignores its own requests on the channel and unknown messages, and stops listening when removed', () => {
    const client = new FakeClient();
    const element = mount(client);
    client.omniAction(actionFrame({ id: `${WORK_ID}.4`, kind: 'closeWork', workId: WORK_ID }));
    for (const message of [...requests(), null, 'text', { source: 'relay', kind: 'event', name: 'somethingElse' }])
      fromRelay(message);
    expect(reported(client)).toEqual([]);
    expect(requests()).toHaveLength(1);

    document.body.removeChild(element);
    expect(unsubscribe).toHaveBeenCalledWith(SUBSCRIPTION);
    expect(client.listeners.size).toBe(0);
  });
});
