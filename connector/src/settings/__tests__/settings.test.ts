// Settings an admin changes in the org reach the running connector: read from the local org's custom metadata
// records, applied to what is offered after the change, published to panels, and refused, naming the record and the
// field, when wrong (the last good settings stay in force).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { makeId } from '../../../../localorg/src/ids/salesforceId';
import { readEnv } from '../../config';
import { startEmbedded, type EmbeddedConnector } from '../../embedded';
import { defaultScenario } from '../../providers/simulator';
import { signIn, type Frame, type Panel } from '../../testing/panel';

jest.setTimeout(90_000);

const ADMIN = 'settings-test-admin-key-0123456789';
const CUSTOMER = 'settings-test-customer-key';

describe('settings from the org', () => {
  let dir: string;
  let connector: EmbeddedConnector;
  let seq = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'settings-'));
    const scenario = { ...defaultScenario(), customers: [], settings: { ...defaultScenario().settings, ringMs: 50 } };
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    const env = readEnv({
      CONNECTOR_PORT: '0',
      CONNECTOR_DATA_DIR: join(dir, 'db'),
      CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
      SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
      CUSTOMER_API_KEY: CUSTOMER,
      CONNECTOR_ADMIN_KEY: ADMIN,
      CONNECTOR_SETTINGS_REFRESH_SECONDS: '5',
      LOCALORG_PORT: '0',
      LOCALORG_DATA_DIR: join(dir, 'localorg')
    });
    connector = await startEmbedded(env, { log: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const metadata = async (type: string, name: string, values: Record<string, unknown>) => {
    const res = await fetch(`${connector.localOrg!.url}/__localorg/metadata/${type}/${name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(values)
    });
    expect(res.status).toBeLessThan(300);
  };
  const refresh = async () => {
    const res = await fetch(`${connector.url}/admin/settings/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}` }
    });
    return { status: res.status, body: (await res.json()) as { sentences: string[]; lastRead: { status: string } } };
  };
  const customer = async (path: string, body: unknown) => {
    const res = await fetch(`${connector.url}/customer${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${CUSTOMER}`, 'content-type': 'application/json' },
      body: JSON.stringify(body)
    });
    return (await res.json()) as Record<string, unknown>;
  };
  const command = async (panel: Panel, name: string, interactionId?: string, args?: Record<string, unknown>) => {
    const id = `settings-cmd-${String(++seq).padStart(5, '0')}`;
    panel.send({
      type: 'command',
      id,
      command: name,
      ...(interactionId ? { interactionId } : {}),
      ...(args ? { args } : {})
    });
    return panel.next((f) => (f.type === 'ack' || f.type === 'rejected') && f.id === id);
  };
  type Chat = {
    id: string;
    lifecycle: string;
    channel: string;
    transcript: { text: string }[];
    commands: { command: string; enabled: boolean; reason?: string }[];
  };
  const chatIn = (panel: Panel, predicate: (chat: Chat) => boolean) =>
    panel
      .next(
        (f) =>
          f.type === 'snapshot' &&
          ((f.snapshot as { interactions?: Chat[] } | null)?.interactions ?? []).some(predicate)
      )
      .then((f) => (f.snapshot as { interactions: Chat[] }).interactions.find(predicate)!);
  const directory = (panel: Panel, name: string, predicate: (doc: Record<string, unknown>) => boolean) =>
    panel.next(
      (f: Frame) => f.type === 'directory' && f.name === name && predicate(f.document as Record<string, unknown>)
    );

  it('reads the records at start: the seeded settings are in force', async () => {
    const res = await fetch(`${connector.url}/admin/settings`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(await res.json()).toMatchObject({ inForce: 'org', lastRead: { status: 'applied' } });
    expect((await fetch(`${connector.url}/admin/settings`)).status).toBe(401);
  });

  it('C6 C14 switching PCI mode to drop and requiring a disposition take effect without a restart', async () => {
    const panel = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 2), name: 'Sam Settings' });
    await directory(panel, 'channelSettings', (d) => d.pciMode === 'redact');
    await metadata('Softphone_Setting__mdt', 'Default', { PCI_Mode__c: 'Drop' });
    await metadata('Softphone_Channel_Setting__mdt', 'Chat', { Disposition_Required__c: true });
    expect((await refresh()).body.lastRead.status).toBe('applied');
    // Panels are told what changed.
    const settings = await directory(panel, 'channelSettings', (d) => d.pciMode === 'drop');
    expect(settings.document).toMatchObject({ chat: { dispositionRequired: true } });
    expect(
      (await directory(panel, 'wrapUpCodes', (d) => (d.requiredOn as string[]).includes('chat'))).document
    ).toBeDefined();

    await command(panel, 'goAvailable');
    const started = await customer('/chats', { customerId: 'visitor-pci', name: 'Pat', queueId: 'Chat_Support' });
    const offered = await chatIn(panel, (c) => c.channel === 'chat');
    await command(panel, 'accept', offered.id);
    await customer(`/chats/${String(started.interactionId)}/messages`, { text: 'my card is 4111 1111 1111 1111' });
    await customer(`/chats/${String(started.interactionId)}/messages`, { text: 'did you get it?' });
    const chat = await chatIn(
      panel,
      (c) => c.id === offered.id && c.transcript.some((t) => t.text === 'did you get it?')
    );
    // C6 drop: the message with the card number is gone, not masked.
    expect(JSON.stringify(chat.transcript)).not.toContain('1111 1111');
    expect(await command(panel, 'end', offered.id)).toMatchObject({ type: 'ack' });
    // C14: Done is disabled and says why until a disposition is chosen.
    const wrapping = await chatIn(panel, (c) => c.id === offered.id && c.lifecycle === 'wrapUp');
    expect(wrapping.commands.find((x) => x.command === 'done')).toMatchObject({
      enabled: false,
      reason: 'DISPOSITION_REQUIRED'
    });
    expect(await command(panel, 'done', offered.id)).toMatchObject({
      type: 'rejected',
      error: { code: 'DISPOSITION_REQUIRED' }
    });
    await command(panel, 'setDetails', offered.id, { dispositions: ['Resolved'] });
    expect(await command(panel, 'done', offered.id)).toMatchObject({ type: 'ack' });
    await command(panel, 'goOffline');
    panel.ws.close();
  });

  it('a wrong record is refused with a sentence naming the record and the field; the last good settings stay', async () => {
    await metadata('Softphone_Channel_Setting__mdt', 'Chat', { Offer_Timeout_Seconds__c: 0 });
    await metadata('Softphone_PCI_Pattern__mdt', 'IBAN', { Pattern__c: '([unclosed', Active__c: true });
    const refused = await refresh();
    expect(refused.status).toBe(422);
    expect(refused.body.sentences).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Softphone_Channel_Setting__mdt.Chat: Offer_Timeout_Seconds__c'),
        expect.stringContaining('Softphone_PCI_Pattern__mdt.IBAN: Pattern__c')
      ])
    );
    expect(connector.engine.now()).toBeGreaterThan(0);
    expect(connector.settings?.settings?.core.chat.offerTimeoutMs).toBe(30_000);
    expect(connector.settings?.settings?.core.chat.pci.mode).toBe('drop');
    await metadata('Softphone_Channel_Setting__mdt', 'Chat', { Offer_Timeout_Seconds__c: 45 });
    await metadata('Softphone_PCI_Pattern__mdt', 'IBAN', { Pattern__c: '\\bDE\\d{20}\\b', Active__c: true });
    expect((await refresh()).status).toBe(200);
    expect(connector.settings?.settings?.core.chat.offerTimeoutMs).toBe(45_000);
  });

  it('A1 a new Busy reason is picked up by the periodic read and can be chosen', async () => {
    const panel = await signIn(connector.url, connector.wsUrl, { agentId: makeId('005', 3), name: 'Rita Reasons' });
    await metadata('Softphone_Busy_Reason__mdt', 'Coaching', {
      MasterLabel: 'Coaching',
      Sort_Order__c: 50,
      Active__c: true
    });
    // No refresh call: the connector reads the records again every 5 s here.
    const reasons = await directory(panel, 'reasonCodes', (d) =>
      (d.busyReasons as { code: string }[]).some((r) => r.code === 'Coaching')
    );
    expect(reasons.document).toMatchObject({
      busyReasons: expect.arrayContaining([{ code: 'Coaching', label: 'Coaching' }])
    });
    expect(await command(panel, 'goBusy', undefined, { reasonCode: 'Coaching' })).toMatchObject({ type: 'ack' });
    await command(panel, 'goOffline');
    panel.ws.close();
  });
});
