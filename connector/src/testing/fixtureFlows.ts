// The panels' recorded fixtures (`npm run fixtures`): the real embedded connector, its simulator and the local org,
// driven through their public interfaces only (the customer API, the panels' WebSocket, the local org's admin and
// Omni controls) through the main states of every channel. Each fixture is one whole server frame as a panel
// received it, so the LWC tests render what the connector really sends, never a hand-made document.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { makeId } from '../../../localorg/src/ids/salesforceId';
import { readEnv } from '../config';
import { startEmbedded, type EmbeddedConnector } from '../embedded';
import { defaultScenario } from '../providers/simulator';
import { frameProblem } from './contract';
import { OmniRelayStandIn } from './omniRelay';
import { signIn, type Frame, type Panel } from './panel';

/** Where `npm run fixtures` writes them, one `<name>.json` per fixture, relative to the repository. */
export const FIXTURES_DIR = 'fixtures/panels';

/** Every fixture the recording yields, and the state it shows. */
export const PANEL_FIXTURES = {
  welcome: 'the first frame after hello: protocol, agent, session',
  'presence-offline': 'snapshot right after sign-in: Offline, no work',
  'presence-available': 'snapshot: Available, capacity free (A1)',
  'presence-busy': 'snapshot: Busy with the reason Lunch (A1)',
  'presence-rona': 'snapshot: RONA after a chat offer timed out; the prompt offers Available or Busy (A4)',
  'omni-action-set-status': 'omniAction to the Omni relay: set the mapped Omni status (A2)',
  'agents-delta': "agentsDelta: a colleague's presence changed, without a snapshot (C8, C9)",
  'directory-agents': 'directory: transfer and conference targets with live presence, supervisors marked (C8, C9, V4)',
  'directory-queues': 'directory: queues with their channels and what may be transferred to them (V4, C8, D12)',
  'directory-address-book': 'directory: address-book contacts with their numbers (V4)',
  'directory-reason-codes': 'directory: Busy reason codes (A1)',
  'directory-wrap-up-codes': 'directory: wrap-up codes per channel and queue, with "requires a note" (C10, C14, V13)',
  'directory-quick-texts': 'directory: Quick Texts in English (C7)',
  'directory-quick-texts-de': 'directory: Quick Texts for a German-speaking agent (C7)',
  'directory-emergency-numbers': 'directory: emergency numbers per country (V10)',
  'directory-outbound-skills': 'directory: outbound skills the agent may dial with (V9)',
  'directory-senders': 'directory: sender channels for outbound e-mail and SMS (D13, D14)',
  'directory-channel-settings':
    'directory: attachment limits, blocked types, PCI mode, disposition rules (C5, C6, C14)',
  ack: 'ack of a command',
  'ack-outbound-email': 'ack of sendOutbound with the created interaction number (D13)',
  'rejected-call-on-hold': 'rejected: End while the call is held (V3)',
  'voice-outbound-dialing': 'snapshot: an outbound call dialling with its skill (V1, V9)',
  'voice-offered': 'snapshot: an inbound call offered, with its countdown (V1)',
  'voice-connected': 'snapshot: the call connected, talk timer running (V1, V2)',
  'screen-pop': "screenPop: the caller's number matched in the org (S6)",
  'voice-held': 'snapshot: the call held; End disabled with its reason (V3, V5)',
  'voice-consult': 'snapshot: a consult with an address-book number connected, the customer on hold (V5, V6)',
  'voice-conference': 'snapshot: consult merged into a conference; hold, mask and keypad disabled (V6, V7)',
  'voice-wrap-up': 'snapshot: the call ended, wrap-up with disposition and notes (V13)',
  'voice-second-call':
    'snapshot: a second call dialled with holdActiveCall: the first held, the second connected (V11)',
  'voice-emergency': 'snapshot: an emergency number dialled during a call, the call held for it (V10)',
  'chat-offered': 'snapshot: a chat offered with its bot transcript and wait timer (C1, C2)',
  'chat-active': 'snapshot: the chat accepted; a card number redacted, the agent replied (C4, C6)',
  'chat-conference-requested': 'snapshot: a supervisor invited to the chat, Requested (C9)',
  'chat-conference': 'snapshot: the supervisor joined the chat, Active (C9)',
  'chat-conference-guest': "snapshot: the invited supervisor's own desk with the chat: may write and leave (C9)",
  'chat-wrap-up': 'snapshot: the customer left; wrap-up with two reasons (C10)',
  'chat-returning':
    "snapshot: the customer's next chat: history and earlier notes, a file, a refused file, a pushed page (C5, C11, C16)",
  'chat-follow-up': 'snapshot: Done asked for a follow-up queue (C17)',
  'rejected-page-url-not-http': 'rejected: pushPage of an address that is not http(s) (C11)',
  'inbox-empty': 'inbox: nothing waiting',
  inbox: 'inbox: one conversation on each digital channel, New and unread (D1, D2)',
  'digital-open': 'snapshot: a WhatsApp conversation opened and assigned, with its digital id (D4, D5)',
  'inbox-resolved': 'inbox: the agent replied, the conversation is Resolved (D8)',
  'inbox-open': 'inbox: the customer wrote again, the conversation is Open (D8)',
  'digital-email-open': 'snapshot: an e-mail conversation opened, with its subject and e-mail address (D4, D5)',
  'digital-resolved':
    'snapshot: the agent replied to the e-mail; Resolved, Set as resolved disabled with its reason (D8, D9)',
  'digital-switcher':
    'snapshot: five conversations open (e-mail, SMS, WhatsApp, Messenger, Instagram), WhatsApp with an unread reply (D11)',
  'notice-digital-transfer-returned':
    'notice: a conversation transferred to a queue whose only member is the agent came straight back (D12)',
  'digital-transferred': 'snapshot: a Messenger conversation after three transfers, with a new master contact id (D12)',
  'rejected-disposition-required': 'rejected: End of a digital conversation without a disposition (D10)',
  'digital-earlier-notes':
    "snapshot: the SMS customer wrote again after End; the agent's earlier notes shown (D6, D10)",
  'ack-outbound-sms': 'ack of an outbound SMS with the created interaction number (D14)',
  'rejected-outbound-unknown-sender': 'rejected: outbound e-mail from a sender channel that does not exist (D13)',
  'directory-senders-non-member': 'directory: the sender channels of an agent in no outbound e-mail queue (D13, D14)',
  'sync-delayed': 'sync: Salesforce sync delayed or paused with its reason (S7)',
  'sync-ok': 'sync: Salesforce sync healthy again (S7)',
  error: 'error: a frame the connector could not read',
  pong: 'pong: the answer to ping'
} as const;

export type PanelFixtureName = keyof typeof PANEL_FIXTURES;
export type PanelFixtures = Record<PanelFixtureName, Frame>;

const CUSTOMER_KEY = 'fixtures-customer-key-0001';
const ADMIN_KEY = 'fixtures-admin-key-0123456789abcdef';
const WAIT_MS = 30_000;

type Item = {
  id: string;
  channel: string;
  lifecycle: string;
  callState?: string;
  held?: boolean;
  consult?: { state: string } | null;
  conference?: { state: string }[];
  transcript: { text: string; systemEvent?: string; pushedUrl?: string }[];
  details: { dispositions: string[] };
};
type Snapshot = { presence: { status: string; reasonCode?: string | null }; interactions: Item[] };
type Inbox = { items: { id: string; status: string; channel: string }[] };

/** Records every fixture of PANEL_FIXTURES, in a throw-away data folder; rejects naming what could not be recorded. */
export async function recordPanelFixtures(): Promise<PanelFixtures> {
  const dir = mkdtempSync(join(tmpdir(), 'panel-fixtures-'));
  const scenario = {
    ...defaultScenario(),
    customers: [],
    agents: [
      { agentId: makeId('005', 2), name: 'Emma Clarke', queueIds: defaultScenario().queues.map((q) => q.id) },
      {
        agentId: makeId('005', 3),
        name: 'Oliver Bennett',
        queueIds: ['Chat_Support'],
        role: 'supervisor' as const
      },
      { agentId: makeId('005', 4), name: 'Lukas Weber', queueIds: ['Chat_Support'] }
    ],
    settings: { ...defaultScenario().settings, ringMs: 100, replyDelayMs: 100 }
  };
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  const env = readEnv({
    CONNECTOR_PORT: '0',
    CONNECTOR_DATA_DIR: join(dir, 'db'),
    CONNECTOR_UNSAFE_DEV_SIGNIN: 'true',
    CONNECTOR_ADMIN_KEY: ADMIN_KEY,
    SIMULATOR_SCENARIO: join(dir, 'scenario.json'),
    CUSTOMER_API_KEY: CUSTOMER_KEY,
    LOCALORG_PORT: '0',
    LOCALORG_DATA_DIR: join(dir, 'localorg')
  });
  const connector = await startEmbedded(env, { log: pino({ level: 'silent' }) });
  const panels: Panel[] = [];
  try {
    const recording = new Recording(connector, panels);
    await recording.run();
    return recording.result();
  } finally {
    for (const panel of panels) panel.ws.close();
    await connector.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

class Recording {
  private readonly taken = new Map<PanelFixtureName, Frame>();
  private seq = 0;

  constructor(
    private readonly connector: EmbeddedConnector,
    private readonly panels: Panel[]
  ) {}

  result(): PanelFixtures {
    const missing = Object.keys(PANEL_FIXTURES).filter((name) => !this.taken.has(name as PanelFixtureName));
    if (missing.length > 0) throw new Error(`fixtures not recorded: ${missing.join(', ')}`);
    return Object.fromEntries(this.taken) as PanelFixtures;
  }

  async run(): Promise<void> {
    const emma = await this.agent(2, 'Emma Clarke', 'en', true);
    await this.signInFrames(emma.panel);
    const oliver = await this.agent(3, 'Oliver Bennett', 'en', false);
    const lukas = await this.agent(4, 'Lukas Weber', 'de', false);
    this.take('directory-quick-texts-de', await this.directory(lukas.panel, 'quickTexts'));
    await this.presence(emma.panel, oliver.panel);
    await this.voice(emma.panel);
    await this.chat(emma.panel, oliver.panel);
    await this.digital(emma.panel, lukas.panel);
    await this.sync(emma.panel);
    await emma.relay.settled();
  }

  private async signInFrames(panel: Panel): Promise<void> {
    this.take(
      'welcome',
      panel.received.find((f) => f.type === 'welcome')!
    );
    this.take(
      'presence-offline',
      panel.received.find((f) => f.type === 'snapshot')!
    );
    this.take('inbox-empty', await this.wait(panel, (f) => f.type === 'inbox', 'the first inbox'));
    const names = {
      agents: 'directory-agents',
      queues: 'directory-queues',
      addressBook: 'directory-address-book',
      reasonCodes: 'directory-reason-codes',
      wrapUpCodes: 'directory-wrap-up-codes',
      quickTexts: 'directory-quick-texts',
      emergencyNumbers: 'directory-emergency-numbers',
      outboundSkills: 'directory-outbound-skills',
      senders: 'directory-senders',
      channelSettings: 'directory-channel-settings'
    } as const;
    for (const [directory, fixture] of Object.entries(names))
      this.take(fixture, await this.directory(panel, directory));
    panel.send({ type: 'ping' });
    this.take('pong', await this.wait(panel, (f) => f.type === 'pong', 'pong'));
    panel.send('{"type":');
    this.take('error', await this.wait(panel, (f) => f.type === 'error', 'an error frame'));
  }

  private async presence(emma: Panel, oliver: Panel): Promise<void> {
    this.take('ack', await this.command(emma, 'goAvailable'));
    this.take('presence-available', await this.snapshot(emma, (s) => s.presence.status === 'Available', 'Available'));
    this.take(
      'omni-action-set-status',
      await this.wait(
        emma,
        (f) => f.type === 'omniAction' && (f.action as { kind: string }).kind === 'setStatus',
        'an Omni setStatus action'
      )
    );
    // A colleague comes online and then goes Busy (so offers keep going to the recorded agent); Emma sees both as
    // deltas of the agents directory.
    await this.command(oliver, 'goAvailable');
    this.take(
      'agents-delta',
      await this.wait(
        emma,
        (f) =>
          f.type === 'agentsDelta' &&
          JSON.stringify(f).includes(makeId('005', 3)) &&
          JSON.stringify(f).includes('Available'),
        "Oliver's presence as a delta"
      )
    );
    await this.command(oliver, 'goBusy', undefined, { reasonCode: 'Meeting' });
    await this.command(emma, 'goBusy', undefined, { reasonCode: 'Lunch' });
    this.take('presence-busy', await this.snapshot(emma, (s) => s.presence.status === 'Busy', 'Busy'));
    await this.command(emma, 'goAvailable');
  }

  private async voice(emma: Panel): Promise<void> {
    // V9: an outbound call from the keypad, with one of the agent's two outbound skills.
    const dialled = await this.command(emma, 'dial', undefined, {
      interactionId: `voice-${randomUUID()}`,
      number: '+1 415 555 0160',
      skillId: 'Voice_Support'
    });
    if (dialled.type !== 'ack') throw new Error(`dial refused: ${JSON.stringify(dialled)}`);
    const dialling = await this.snapshot(emma, (s) => has(s, (i) => i.callState === 'dialing'), 'an outbound call');
    this.take('voice-outbound-dialing', dialling);
    const outbound = body(dialling).interactions.find((i) => i.callState === 'dialing')!;
    await this.snapshot(emma, (s) => has(s, (i) => i.id === outbound.id && i.callState === 'connected'), 'connected');
    await this.command(emma, 'end', outbound.id);
    await this.command(emma, 'wrapUpDone', outbound.id);
    await this.snapshot(emma, (s) => s.interactions.length === 0, 'the outbound call done');

    this.seen(emma);
    await this.customer('POST', '/calls', { from: '+14155550123', queueId: 'Voice_Support', kind: 'inbound' });
    const offered = await this.snapshot(emma, (s) => has(s, (i) => i.channel === 'voice'), 'a call offered');
    this.take('voice-offered', offered);
    const callId = body(offered).interactions.find((i) => i.channel === 'voice')!.id;
    await this.command(emma, 'accept', callId);
    this.take(
      'voice-connected',
      await this.snapshot(emma, (s) => has(s, (i) => i.id === callId && i.callState === 'connected'), 'connected')
    );
    this.take(
      'screen-pop',
      await this.wait(emma, (f) => f.type === 'screenPop' && f.interactionId === callId, 'the screen pop')
    );
    await this.command(emma, 'hold', callId);
    this.take(
      'voice-held',
      await this.snapshot(emma, (s) => has(s, (i) => i.id === callId && i.held === true), 'held')
    );
    this.take('rejected-call-on-hold', await this.command(emma, 'end', callId));
    await this.command(emma, 'resume', callId);
    await this.command(emma, 'setDetails', callId, { tags: ['billing'], notes: 'Asked about a refund' });
    await this.command(emma, 'consult', callId, {
      target: { kind: 'contact', contactId: 'billing', number: '+14155550150' }
    });
    this.take(
      'voice-consult',
      await this.snapshot(emma, (s) => has(s, (i) => i.id === callId && i.consult?.state === 'connected'), 'consult')
    );
    await this.command(emma, 'merge', callId);
    this.take(
      'voice-conference',
      await this.snapshot(emma, (s) => has(s, (i) => i.id === callId && (i.conference ?? []).length > 0), 'merged')
    );
    await this.command(emma, 'end', callId);
    await this.command(emma, 'setDetails', callId, { dispositions: ['Resolved'] });
    this.take(
      'voice-wrap-up',
      await this.snapshot(
        emma,
        (s) => has(s, (i) => i.id === callId && i.lifecycle === 'wrapUp' && i.details.dispositions.length > 0),
        'wrap-up'
      )
    );
    await this.command(emma, 'wrapUpDone', callId);
    await this.snapshot(emma, (s) => s.interactions.length === 0, 'the call done');
    await this.voiceSecondCall(emma);
  }

  /** V10, V11: a second call while one is live (the panel offers to hold it), then an emergency call. */
  private async voiceSecondCall(emma: Panel): Promise<void> {
    type Call = Item & { emergency?: boolean };
    this.seen(emma);
    await this.customer('POST', '/calls', { from: '+14155550124', queueId: 'Voice_Support', kind: 'inbound' });
    const offered = await this.snapshot(emma, (s) => has(s, (i) => i.channel === 'voice'), 'another call offered');
    const first = body(offered).interactions.find((i) => i.channel === 'voice')!.id;
    await this.command(emma, 'accept', first);
    await this.snapshot(emma, (s) => has(s, (i) => i.id === first && i.callState === 'connected'), 'connected');
    const second = `voice-${randomUUID()}`;
    const dialled = await this.command(emma, 'dial', undefined, {
      interactionId: second,
      number: '(415) 555-0170',
      skillId: 'Voice_Sales',
      holdActiveCall: true
    });
    if (dialled.type !== 'ack') throw new Error(`second dial refused: ${JSON.stringify(dialled)}`);
    this.take(
      'voice-second-call',
      await this.snapshot(
        emma,
        (s) =>
          has(s, (i) => i.id === first && i.held === true) &&
          has(s, (i) => i.id === second && i.callState === 'connected'),
        'one call held, the second connected'
      )
    );
    await this.command(emma, 'end', second);
    await this.command(emma, 'wrapUpDone', second);
    await this.command(emma, 'resume', first);
    await this.snapshot(emma, (s) => has(s, (i) => i.id === first && i.held === false), 'the first call resumed');
    const emergency = await this.command(emma, 'dial', undefined, {
      interactionId: `voice-${randomUUID()}`,
      number: '911'
    });
    if (emergency.type !== 'ack') throw new Error(`emergency dial refused: ${JSON.stringify(emergency)}`);
    const urgent = (s: Snapshot) => (s.interactions as Call[]).find((i) => i.emergency === true);
    const during = await this.snapshot(emma, (s) => urgent(s)?.callState === 'connected', 'the emergency call');
    this.take('voice-emergency', during);
    const emergencyId = urgent(body(during))!.id;
    await this.command(emma, 'end', emergencyId);
    await this.command(emma, 'wrapUpDone', emergencyId);
    await this.command(emma, 'resume', first);
    await this.command(emma, 'end', first);
    await this.command(emma, 'wrapUpDone', first);
    await this.snapshot(emma, (s) => s.interactions.length === 0, 'both calls done');
  }

  private async chat(emma: Panel, oliver: Panel): Promise<void> {
    // A4: a chat offer left to time out (the admin set a one-second offer timeout) puts the agent in RONA.
    await this.metadata('Softphone_Channel_Setting__mdt', 'Chat', { Offer_Timeout_Seconds__c: 1 });
    await this.refreshSettings();
    const missed = await this.customer('POST', '/chats', {
      customerId: 'visitor-7',
      name: 'Robin',
      queueId: 'Chat_Support'
    });
    this.take('presence-rona', await this.snapshot(emma, (s) => s.presence.status === 'RONA', 'RONA'));
    await this.customer('POST', `/chats/${String(missed.interactionId)}/leave`, {});
    await this.metadata('Softphone_Channel_Setting__mdt', 'Chat', { Offer_Timeout_Seconds__c: 30 });
    await this.refreshSettings();
    await this.command(emma, 'goAvailable');

    this.seen(emma);
    const started = await this.customer('POST', '/chats', {
      customerId: 'visitor-42',
      name: 'Chris Miller',
      email: 'chris.miller@example.org',
      queueId: 'Chat_Support',
      botTranscript: [
        { from: 'bot', text: 'Hi! What can I do for you?' },
        { from: 'customer', text: 'My order is late' },
        { from: 'bot', text: 'Let me find an agent for you.' }
      ]
    });
    const offered = await this.snapshot(
      emma,
      (s) => has(s, (i) => i.channel === 'chat' && i.lifecycle === 'offered'),
      'a chat offered'
    );
    this.take('chat-offered', offered);
    const chatId = body(offered).interactions.find((i) => i.channel === 'chat')!.id;
    const customerChat = String(started.interactionId);
    await this.command(emma, 'accept', chatId);
    await this.customer('POST', `/chats/${customerChat}/messages`, { text: 'My card is 4111 1111 1111 1111' });
    await this.command(emma, 'send', chatId, { text: 'Thanks Chris, please never send card numbers here.' });
    this.take(
      'chat-active',
      await this.snapshot(
        emma,
        (s) =>
          has(
            s,
            (i) =>
              i.id === chatId &&
              i.transcript.some((t) => t.text.includes('**** 1111')) &&
              i.transcript.some((t) => t.text.startsWith('Thanks Chris'))
          ),
        'the redacted card number and the reply'
      )
    );
    await this.command(emma, 'conferenceInvite', chatId, { agentId: makeId('005', 3) });
    this.take(
      'chat-conference-requested',
      await this.snapshot(emma, (s) => has(s, (i) => i.id === chatId && i.conference?.[0]?.state === 'Requested'), 'R')
    );
    this.take(
      'chat-conference',
      await this.snapshot(emma, (s) => has(s, (i) => i.id === chatId && i.conference?.[0]?.state === 'Active'), 'A')
    );
    this.take(
      'chat-conference-guest',
      await this.snapshot(oliver, (s) => has(s, (i) => i.id === chatId), "the supervisor's own desk")
    );
    await this.command(oliver, 'send', chatId, { text: 'Oliver from the support team here.' });
    await this.command(oliver, 'conferenceLeave', chatId);
    await this.snapshot(emma, (s) => has(s, (i) => i.id === chatId && i.conference?.length === 0), 'the guest left');
    await this.customer('POST', `/chats/${customerChat}/leave`, {});
    await this.snapshot(emma, (s) => has(s, (i) => i.id === chatId && i.lifecycle === 'wrapUp'), 'chat wrap-up');
    await this.command(emma, 'setDetails', chatId, {
      dispositions: ['Information_Provided', 'Complaint'],
      notes: 'Order delayed by the carrier'
    });
    this.take(
      'chat-wrap-up',
      await this.snapshot(emma, (s) => has(s, (i) => i.id === chatId && i.details.dispositions.length === 2), 'reasons')
    );
    await this.command(emma, 'done', chatId);
    await this.snapshot(emma, (s) => s.interactions.length === 0, 'the chat done');
    await this.chatReturning(emma);
  }

  /** C5, C11, C12, C16, C17, D6: the same customer writes again, with follow-up on for this chat. */
  private async chatReturning(emma: Panel): Promise<void> {
    type Chat = Item & { wrapUpStep: string | null; history: unknown[] };
    const chat = (s: Snapshot) => (s.interactions as Chat[]).find((i) => i.channel === 'chat');
    const followUp = { Follow_Up_Enabled__c: true, Follow_Up_Queues__c: 'Chat_Support' };
    await this.metadata('Softphone_Setting__mdt', 'Default', followUp);
    await this.refreshSettings();
    const started = await this.customer('POST', '/chats', {
      customerId: 'visitor-42',
      name: 'Chris Miller',
      email: 'chris.miller@example.org',
      queueId: 'Chat_Support'
    });
    const offered = await this.snapshot(emma, (s) => chat(s)?.lifecycle === 'offered', 'the customer back');
    const chatId = chat(body(offered))!.id;
    await this.command(emma, 'accept', chatId);
    await this.customer('POST', `/chats/${String(started.interactionId)}/messages`, {
      text: 'Here is the label. Or call me on +1 415 555 0177',
      attachments: [
        { id: 'file-label', name: 'parcel-label.jpg', contentType: 'image/jpeg', sizeBytes: 48213 },
        { id: 'file-tool', name: 'tracker.exe', contentType: 'application/x-msdownload', sizeBytes: 1024 }
      ]
    });
    await this.command(emma, 'send', chatId, {
      text: 'Thanks, here is the returns form.',
      attachments: [{ id: 'file-form', name: 'returns-form.pdf', contentType: 'application/pdf', sizeBytes: 120400 }]
    });
    await this.command(emma, 'pushPage', chatId, { url: 'https://example.org/returns' });
    const refusedPage = `fixture-cmd-${String(++this.seq).padStart(4, '0')}`;
    emma.send({
      type: 'command',
      id: refusedPage,
      interactionId: chatId,
      command: 'pushPage',
      args: { url: 'ftp://example.org/returns' }
    });
    this.take(
      'rejected-page-url-not-http',
      await this.wait(emma, (f) => f.type === 'rejected' && f.id === refusedPage, 'the refused page')
    );
    this.take(
      'chat-returning',
      await this.snapshot(
        emma,
        (s) => chat(s)?.transcript.some((t) => t.pushedUrl) === true && (chat(s)?.history.length ?? 0) > 0,
        'the returning chat with its history and pushed page'
      )
    );
    await this.command(emma, 'end', chatId);
    await this.command(emma, 'setDetails', chatId, { dispositions: ['Information_Provided'], notes: 'Sent the form' });
    await this.command(emma, 'done', chatId);
    this.take('chat-follow-up', await this.snapshot(emma, (s) => chat(s)?.wrapUpStep === 'followUp', 'follow-up'));
    await this.command(emma, 'followUpStop', chatId);
    await this.snapshot(emma, (s) => s.interactions.length === 0, 'the returning chat done');
    await this.metadata('Softphone_Setting__mdt', 'Default', { Follow_Up_Enabled__c: false, Follow_Up_Queues__c: '' });
    await this.refreshSettings();
  }

  private async digital(emma: Panel, lukas: Panel): Promise<void> {
    const messages = [
      {
        channel: 'email',
        from: 'pat.customer@example.org',
        name: 'Pat Customer',
        queueId: 'Email_Support',
        subject: 'Replacement order',
        text: 'Hello, my replacement has not arrived yet.'
      },
      { channel: 'sms', from: '+14155550124', name: 'Sam Rivera', queueId: 'SMS', text: 'Can I move my visit?' },
      { channel: 'whatsapp', from: '+14155550199', name: 'Alex Kim', queueId: 'WhatsApp', text: 'Open on Sunday?' },
      { channel: 'messenger', from: 'psid-1001', name: 'Jo Lee', queueId: 'Messenger', text: 'Do you ship to Canada?' },
      { channel: 'instagram', from: 'igsid-2002', name: 'Mia Rossi', queueId: 'Instagram', text: 'Is it in stock?' },
      { channel: 'x', from: 'x-3003', name: 'Noah Berg', queueId: 'X_Direct_Messages', text: 'My order is late' }
    ];
    const ids: Record<string, string> = {};
    for (const message of messages) {
      ids[message.channel] = String((await this.customer('POST', '/messages', message)).interactionId);
    }
    const all = Object.values(ids);
    await this.wait(
      emma,
      (f) => f.type === 'inbox' && all.every((id) => (f.inbox as Inbox).items.some((i) => i.id === id)),
      'the inbox with every channel'
    );
    this.take('inbox', this.lastOf(emma, 'inbox'));
    const whatsapp = ids.whatsapp!;
    await this.command(emma, 'take', undefined, { interactionId: whatsapp });
    await this.snapshot(emma, (s) => has(s, (i) => i.id === whatsapp && i.lifecycle === 'active'), 'WhatsApp open');
    await this.command(emma, 'setDetails', whatsapp, { notes: 'Asks about opening hours' });
    this.take(
      'digital-open',
      await this.snapshot(emma, (s) => has(s, (i) => i.id === whatsapp && JSON.stringify(i).includes('opening')), 'n')
    );
    await this.command(emma, 'reply', whatsapp, { text: 'Yes, from 10 to 4.' });
    this.take('inbox-resolved', await this.inboxItem(emma, whatsapp, 'Resolved'));
    await this.customer('POST', `/messages/${whatsapp}/replies`, { text: 'Great, and on Monday?' });
    this.take('inbox-open', await this.inboxItem(emma, whatsapp, 'Open'));
    const sent = await this.command(emma, 'sendOutbound', undefined, {
      channel: 'email',
      senderId: 'support-email',
      to: 'pat.customer@example.org',
      subject: 'Your replacement order',
      body: 'Hello Pat, the replacement ships today.'
    });
    if (sent.type !== 'ack') throw new Error(`sendOutbound refused: ${JSON.stringify(sent)}`);
    this.take('ack-outbound-email', sent);
    await this.digitalConversations(emma, lukas, ids);
  }

  /** D5, D6, D10-D14: the conversation view, the switcher, transfers, End and the outbound forms. */
  private async digitalConversations(emma: Panel, lukas: Panel, ids: Record<string, string>): Promise<void> {
    type Open = {
      id: string;
      channel: string;
      lifecycle: string;
      unread: number;
      transferCount: number;
      status: string;
    };
    const open = (s: Snapshot) => (s.interactions as unknown as Open[]).filter((i) => i.lifecycle === 'active');
    const email = ids.email!;
    await this.command(emma, 'take', undefined, { interactionId: email });
    this.take('digital-email-open', await this.snapshot(emma, (s) => open(s).some((i) => i.id === email), 'e-mail'));
    await this.command(emma, 'reply', email, { text: 'Hello Pat, we are on it.' });
    this.take(
      'digital-resolved',
      await this.snapshot(emma, (s) => open(s).some((i) => i.id === email && i.status === 'Resolved'), 'resolved')
    );
    for (const channel of ['sms', 'messenger', 'instagram']) {
      await this.command(emma, 'take', undefined, { interactionId: ids[channel]! });
    }
    this.take(
      'digital-switcher',
      await this.snapshot(
        emma,
        (s) => open(s).length === 5 && open(s).some((i) => i.channel === 'whatsapp' && i.unread > 0),
        'five conversations open'
      )
    );
    // Emma is the only member of each queue, so every transfer comes straight back to her (D12).
    const messenger = ids.messenger!;
    for (const queueId of ['Instagram', 'X_Direct_Messages', 'Messenger']) {
      await this.command(emma, 'transfer', messenger, { queueId });
      if (queueId !== 'Instagram') continue;
      const returned = (f: Frame) => f.notice as { kind: string; interactionId?: string };
      this.take(
        'notice-digital-transfer-returned',
        await this.wait(
          emma,
          (f) =>
            f.type === 'notice' &&
            returned(f).kind === 'digitalTransferReturned' &&
            returned(f).interactionId === messenger,
          'the notice that the conversation came back'
        )
      );
    }
    this.take(
      'digital-transferred',
      await this.snapshot(emma, (s) => open(s).some((i) => i.id === messenger && i.transferCount === 3), 'mc3')
    );
    const sms = ids.sms!;
    this.take('rejected-disposition-required', await this.command(emma, 'end', sms));
    await this.command(emma, 'end', sms, { disposition: 'Resolved', notes: 'Prefers morning visits' });
    await this.snapshot(emma, (s) => !open(s).some((i) => i.id === sms), 'the SMS ended');
    // D6: the same customer starts a new conversation; the agent sees the notes of the one they ended.
    const again = await this.customer('POST', '/messages', {
      channel: 'sms',
      from: '+14155550124',
      name: 'Sam Rivera',
      queueId: 'SMS',
      text: 'Could we do Tuesday morning? <img src=x onerror=alert(1)>'
    });
    const smsAgain = String(again.interactionId);
    await this.inboxItem(emma, smsAgain, 'New');
    await this.command(emma, 'take', undefined, { interactionId: smsAgain });
    this.take(
      'digital-earlier-notes',
      await this.snapshot(
        emma,
        (s) => has(s, (i) => i.id === smsAgain && i.lifecycle === 'active' && JSON.stringify(i).includes('Prefers')),
        'the earlier notes'
      )
    );
    const texted = await this.command(emma, 'sendOutbound', undefined, {
      channel: 'sms',
      senderId: 'support-sms',
      to: '+1 (415) 555-0177',
      text: 'Your visit is confirmed for Tuesday at 9.'
    });
    if (texted.type !== 'ack') throw new Error(`sendOutbound refused: ${JSON.stringify(texted)}`);
    this.take('ack-outbound-sms', texted);
    const id = `fixture-cmd-${String(++this.seq).padStart(4, '0')}`;
    emma.send({
      type: 'command',
      id,
      command: 'sendOutbound',
      args: { channel: 'email', senderId: 'no-such-sender', to: 'pat.customer@example.org', subject: 'Hi', body: 'Hi' }
    });
    this.take(
      'rejected-outbound-unknown-sender',
      await this.wait(emma, (f) => f.type === 'rejected' && f.id === id, 'the refused outbound e-mail')
    );
    this.take('directory-senders-non-member', await this.directory(lukas, 'senders'));
  }

  /** S7: the org answers 503 for a while; the agent's sync state says so, then it catches up (2 s backoff). */
  private async sync(emma: Panel): Promise<void> {
    const org = this.connector.localOrg!;
    org.faults.set({ errorRates: { '503': 1 } });
    const whatsapp = (this.lastOf(emma, 'inbox').inbox as Inbox).items.find((i) => i.channel === 'whatsapp')!.id;
    await this.command(emma, 'end', whatsapp, { disposition: 'Resolved' });
    this.take(
      'sync-delayed',
      await this.wait(emma, (f) => f.type === 'sync' && (f.sync as { state: string }).state !== 'ok', 'sync trouble')
    );
    org.faults.reset();
    this.take(
      'sync-ok',
      await this.wait(emma, (f) => f.type === 'sync' && (f.sync as { state: string }).state === 'ok', 'sync ok')
    );
  }

  // ---- the pieces ---------------------------------------------------------------------------------------------------

  /** Marks every frame received so far as looked at: the next waits match only what comes after. */
  private seen(panel: Panel): void {
    panel.frames.splice(0);
  }

  private take(name: PanelFixtureName, frame: Frame): void {
    if (this.taken.has(name)) throw new Error(`fixture ${name} recorded twice`);
    const problem = frameProblem(frame);
    if (problem) throw new Error(`fixture ${name}: ${problem}`);
    this.taken.set(name, structuredClone(frame));
  }

  private async agent(n: number, name: string, language: string, omniRelay: boolean) {
    const agentId = makeId('005', n);
    let relay: OmniRelayStandIn | null = null;
    const panel = await signIn(
      this.connector.url,
      this.connector.wsUrl,
      { agentId, name, language },
      {
        omniRelay,
        before: (p) => (relay = omniRelay ? new OmniRelayStandIn(p, this.connector.localOrg!.url, agentId) : null)
      }
    );
    this.panels.push(panel);
    return { panel, relay: relay as unknown as OmniRelayStandIn };
  }

  private async command(panel: Panel, command: string, interactionId?: string, args?: Record<string, unknown>) {
    const id = `fixture-cmd-${String(++this.seq).padStart(4, '0')}`;
    panel.send({
      type: 'command',
      id,
      command,
      ...(interactionId ? { interactionId } : {}),
      ...(args ? { args } : {})
    });
    const answer = await this.wait(panel, (f) => (f.type === 'ack' || f.type === 'rejected') && f.id === id, command);
    const expectRejection = command === 'end' && answer.type === 'rejected';
    if (answer.type === 'rejected' && !expectRejection) {
      throw new Error(`${command} refused: ${JSON.stringify(answer.error)}`);
    }
    return answer;
  }

  private wait(panel: Panel, match: (f: Frame) => boolean, what: string, ms = WAIT_MS): Promise<Frame> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const last = panel.received.findLast((f) => f.type === 'snapshot');
        reject(
          new Error(`fixtures: timed out waiting for ${what}; the panel shows ${JSON.stringify(last).slice(0, 3000)}`)
        );
      }, ms);
    });
    return Promise.race([panel.next(match), timeout]).finally(() => clearTimeout(timer));
  }

  /** The first snapshot frame, from those not yet looked at, that shows what predicate asks for. */
  private snapshot(panel: Panel, predicate: (s: Snapshot) => boolean, what: string): Promise<Frame> {
    return this.wait(panel, (f) => f.type === 'snapshot' && f.snapshot !== null && predicate(body(f)), what);
  }

  /** The newest frame of a type the panel received: what it shows now. */
  private lastOf(panel: Panel, type: string): Frame {
    const frame = panel.received.findLast((f) => f.type === type);
    if (!frame) throw new Error(`no ${type} frame received`);
    return frame;
  }

  private directory(panel: Panel, name: string): Promise<Frame> {
    return this.wait(panel, (f) => f.type === 'directory' && f.name === name, `the ${name} directory`);
  }

  private async inboxItem(panel: Panel, id: string, status: string): Promise<Frame> {
    await this.wait(
      panel,
      (f) => f.type === 'inbox' && (f.inbox as Inbox).items.some((i) => i.id === id && i.status === status),
      `${id} ${status} in the inbox`
    );
    return this.lastOf(panel, 'inbox');
  }

  private async customer(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.connector.url}/customer${path}`, {
      method,
      headers: { authorization: `Bearer ${CUSTOMER_KEY}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    });
    const answer = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`customer ${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  }

  private async metadata(type: string, name: string, values: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${this.connector.localOrg!.url}/__localorg/metadata/${type}/${name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(values)
    });
    if (res.status >= 300) throw new Error(`metadata ${type}.${name}: ${res.status} ${await res.text()}`);
  }

  private async refreshSettings(): Promise<void> {
    const res = await fetch(`${this.connector.url}/admin/settings/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}` }
    });
    if (res.status !== 200) throw new Error(`settings refresh: ${res.status} ${await res.text()}`);
  }
}

const body = (frame: Frame) => frame.snapshot as Snapshot;
const has = (s: Snapshot, match: (i: Item) => boolean) => s.interactions.some(match);
