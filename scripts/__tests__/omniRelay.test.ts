// The Aura Omni relay and its message channel (issue 13, deliverable 7; docs/omni.md): the metadata is well-formed,
// the channel's fields are the envelope omniBridge uses (lwc/omniBridge/envelope.ts), and the relay's own code, run
// here against a stand-in toolkit and channel, forwards events and calls as they are, deciding nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ENVELOPE_FIELDS, RELAY_EVENTS, TOOLKIT_METHODS } from '../../force-app/main/default/lwc/omniBridge/envelope';

const ROOT = join(__dirname, '..', '..');
const APP = join(ROOT, 'force-app/main/default');
const RELAY = join(APP, 'aura/omniRelay');
const CHANNEL_FILE = join(APP, 'messageChannels/Softphone_Omni.messageChannel-meta.xml');
const CHANNEL = `${basename(CHANNEL_FILE).replace(/\.messageChannel-meta\.xml$/, '')}__c`;

const read = (path: string) => readFileSync(path, 'utf8');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute
});
const xml = (path: string) => parser.parse(read(path)) as Record<string, Record<string, unknown>[]>;
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

type Handler = (...args: unknown[]) => unknown;
/** An Aura controller or helper file is one object literal in parentheses. */
function auraObject(file: string): Record<string, Handler> {
  const source = read(join(RELAY, file)).trim().replace(/;$/, '');
  return new Function(`return (\n${source}\n);`)() as Record<string, Handler>;
}

interface Attributes {
  [name: string]: string;
}
const component = xml(join(RELAY, 'omniRelay.cmp'))['aura:component']![0]!;
const attributes = (tag: string) => list(component[tag] as Attributes[] | undefined);
const handlers = attributes('aura:handler').filter((h) => h['@event']);

describe('Softphone_Omni__c and the Aura Omni relay', () => {
  it('every metadata file of the relay, the channel and omniBridge is well-formed XML', () => {
    const files = [
      ...readdirSync(RELAY)
        .filter((name) => /\.(cmp|design|auradoc|xml)$/.test(name))
        .map((name) => join(RELAY, name)),
      CHANNEL_FILE,
      join(APP, 'lwc/omniBridge/omniBridge.js-meta.xml')
    ];
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect({ file, valid: XMLValidator.validate(read(file)) }).toEqual({ file, valid: true });
  });

  it("the channel is exposed, labelled, and its fields are omniBridge's envelope, each described", () => {
    const channel = xml(CHANNEL_FILE).LightningMessageChannel![0]!;
    expect(list(channel.isExposed)).toEqual([true]);
    expect(String(list(channel.masterLabel)[0] ?? '')).not.toBe('');
    const fields = list(channel.lightningMessageFields as { fieldName: string[]; description?: string[] }[]);
    expect(fields.map((f) => f.fieldName[0])).toEqual([...ENVELOPE_FIELDS]);
    for (const field of fields)
      expect({ field: field.fieldName[0], described: Boolean(field.description?.[0]) }).toEqual({
        field: field.fieldName[0],
        described: true
      });
  });

  it('the relay is a background utility item holding the toolkit and the channel omniBridge imports', () => {
    expect(String(component['@implements']).split(/\s*,\s*/)).toContain('lightning:backgroundUtilityItem');
    expect(attributes('lightning:omniToolkitAPI').map((t) => t['@aura:id'])).toEqual(['omniToolkit']);
    expect(attributes('lightning:messageChannel')).toEqual([
      {
        '@type': CHANNEL,
        '@aura:id': 'omniChannel',
        '@onMessage': '{!c.onMessage}',
        '@scope': 'APPLICATION'
      }
    ]);
    expect(read(join(APP, 'lwc/omniBridge/omniBridge.ts'))).toContain(`from '@salesforce/messageChannel/${CHANNEL}'`);
  });

  it('the relay handles exactly the Omni-Channel events omniBridge maps, each with a controller action', () => {
    expect(handlers.map((h) => h['@event'])).toEqual([...RELAY_EVENTS]);
    const controller = auraObject('omniRelayController.js');
    for (const tag of [...attributes('aura:handler'), ...attributes('lightning:messageChannel')]) {
      const action = (tag['@action'] ?? tag['@onMessage'])!.replace(/^\{!c\.(\w+)\}$/, '$1');
      expect({ action, defined: typeof controller[action] }).toEqual({ action, defined: 'function' });
    }
  });

  describe('its code, run against a stand-in toolkit', () => {
    const controller = auraObject('omniRelayController.js');
    const helper = auraObject('omniRelayHelper.js');
    let published: Record<string, unknown>[];
    let toolkit: Record<string, jest.Mock>;
    const cmp = {
      find: (id: string) =>
        id === 'omniChannel' ? { publish: (m: Record<string, unknown>) => published.push(m) } : toolkit
    };
    const message = (fields: Record<string, unknown>) => ({ getParam: (name: string) => fields[name] });
    const settle = () => new Promise((resolve) => setImmediate(resolve));

    beforeAll(() => {
      (globalThis as { $A?: unknown }).$A = { getCallback: (fn: Handler) => fn };
    });
    afterAll(() => {
      delete (globalThis as { $A?: unknown }).$A;
    });
    beforeEach(() => {
      published = [];
      toolkit = Object.fromEntries(
        ['setServicePresenceStatus', 'getServicePresenceStatusId', 'acceptAgentWork', 'declineAgentWork'].map(
          (name) => [name, jest.fn()]
        )
      );
    });
    afterEach(() => {
      for (const sent of published) for (const field of Object.keys(sent)) expect(ENVELOPE_FIELDS).toContain(field);
    });

    it('calls only the toolkit methods omniBridge may ask for', () => {
      expect(helper.methods!()).toEqual([...TOOLKIT_METHODS]);
    });

    it('says it is ready when the console starts it', () => {
      controller.onInit!(cmp, {}, helper);
      expect(published).toEqual([{ source: 'relay', kind: 'ready' }]);
    });

    it("A2, C15 publishes each Omni-Channel event as it came, under the toolkit's own name", () => {
      const params = { statusId: '0N5000000000001', statusApiName: 'Busy', statusName: 'Busy', channels: '[]' };
      for (const handler of handlers) {
        published = [];
        const action = handler['@action']!.replace(/^\{!c\.(\w+)\}$/, '$1');
        controller[action]!(cmp, { getParams: () => params }, helper);
        expect(published).toEqual([{ source: 'relay', kind: 'event', name: handler['@event'], payload: params }]);
      }
    });

    it('A2 makes the requested call with its payload and answers with what the toolkit resolved to', async () => {
      const answer = { statusId: '0N5000000000001', statusApiName: 'Available', channels: '[]' };
      toolkit.setServicePresenceStatus!.mockResolvedValue(answer);
      const request = {
        source: 'bridge',
        kind: 'request',
        id: 'status.0058d0000000002AAA.1',
        name: 'setServicePresenceStatus',
        payload: { statusId: '0N5000000000001' }
      };
      controller.onMessage!(cmp, message(request), helper);
      await settle();
      expect(toolkit.setServicePresenceStatus).toHaveBeenCalledWith({ statusId: '0N5000000000001' });
      expect(published).toEqual([
        { source: 'relay', kind: 'result', id: request.id, name: request.name, ok: true, payload: answer }
      ]);
    });

    it('calls a method without arguments when the request has no payload', async () => {
      toolkit.getServicePresenceStatusId!.mockResolvedValue({ statusApiName: 'Busy' });
      controller.onMessage!(
        cmp,
        message({ source: 'bridge', kind: 'request', id: 'q.1', name: 'getServicePresenceStatusId' }),
        helper
      );
      await settle();
      expect(toolkit.getServicePresenceStatusId!.mock.calls).toEqual([[]]);
      expect(published).toMatchObject([{ kind: 'result', id: 'q.1', ok: true }]);
    });

    it('S2 answers a rejected call with a code and the toolkit message', async () => {
      toolkit.acceptAgentWork!.mockRejectedValue(new Error('Work is not assigned to you'));
      controller.onMessage!(
        cmp,
        message({ source: 'bridge', kind: 'request', id: 'w.1', name: 'acceptAgentWork', payload: { workId: 'x' } }),
        helper
      );
      await settle();
      expect(published).toEqual([
        {
          source: 'relay',
          kind: 'result',
          id: 'w.1',
          name: 'acceptAgentWork',
          ok: false,
          error: { code: 'OMNI_TOOLKIT_ERROR', message: 'Work is not assigned to you' }
        }
      ]);
    });

    it('refuses a method outside the list (work is never declined) without touching the toolkit', async () => {
      controller.onMessage!(
        cmp,
        message({ source: 'bridge', kind: 'request', id: 'w.2', name: 'declineAgentWork', payload: { workId: 'x' } }),
        helper
      );
      await settle();
      expect(toolkit.declineAgentWork).not.toHaveBeenCalled();
      expect(published).toMatchObject([
        { kind: 'result', id: 'w.2', ok: false, error: { code: 'OMNI_UNKNOWN_METHOD' } }
      ]);
    });

    it('ignores its own messages and anything that is not a request from the bridge', async () => {
      const id = 'x.1';
      controller.onMessage!(cmp, message({ source: 'relay', kind: 'result', id, ok: true }), helper);
      controller.onMessage!(cmp, message({ source: 'relay', kind: 'request', id, name: 'logout' }), helper);
      controller.onMessage!(cmp, message({ source: 'bridge', kind: 'event', id, name: 'logout' }), helper);
      await settle();
      expect(published).toEqual([]);
    });
  });
});
