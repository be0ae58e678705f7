// The softphone shell over recorded frames: the connection and session are stood in for (the real client is tested
// against the connector in connector/src/__tests__/connectorClient.test.ts), everything shown comes from fixtures.
import { createElement } from 'lwc';
import Softphone from 'c/softphone';
import { setUtilityHighlighted } from 'lightning/platformUtilityBarApi';
import rona from 'fixtures/panels/presence-rona.json';
import available from 'fixtures/panels/presence-available.json';
import voiceOffered from 'fixtures/panels/voice-offered.json';
import inboxFrame from 'fixtures/panels/inbox.json';
import reasonCodes from 'fixtures/panels/directory-reason-codes.json';
import queuesDirectory from 'fixtures/panels/directory-queues.json';
import chatOffered from 'fixtures/panels/chat-offered.json';
import digitalOpen from 'fixtures/panels/digital-open.json';
import sendersDirectory from 'fixtures/panels/directory-senders.json';
import channelSettings from 'fixtures/panels/directory-channel-settings.json';
import rejectedDisposition from 'fixtures/panels/rejected-disposition-required.json';
import ackOutboundSms from 'fixtures/panels/ack-outbound-sms.json';
import voiceConnected from 'fixtures/panels/voice-connected.json';
import voiceHeld from 'fixtures/panels/voice-held.json';
import chatWrapUp from 'fixtures/panels/chat-wrap-up.json';
import offline from 'fixtures/panels/presence-offline.json';
import noticeReturned from 'fixtures/panels/notice-digital-transfer-returned.json';
import { reasonText } from 'c/reasonLabels';
import { subscribe, unsubscribe, APPLICATION_SCOPE } from 'lightning/messageService';

jest.mock('c/connectorClient', () => {
  class ConnectorClient {
    constructor(options) {
      this.options = options;
      this.listeners = new Set();
      this.directories = {};
      this.sync = null;
      this.commands = [];
      this.answer = (frame) => ({ type: 'ack', id: 'x', duplicate: false, version: 1, frame });
      global.mockClients.push(this);
    }
    subscribe(listener) {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    }
    connect() {
      this.connected = true;
    }
    reauthenticated() {
      this.reauthenticatedCalls = (this.reauthenticatedCalls ?? 0) + 1;
    }
    close() {
      this.closed = true;
    }
    setInboxView(view) {
      this.inboxView = view;
    }
    command(command, options) {
      this.commands.push({ command, ...options });
      return Promise.resolve(this.answer({ command, ...options }));
    }
    emit(event) {
      for (const listener of this.listeners) listener(event);
    }
  }
  return { ConnectorClient };
});
jest.mock('c/connectorSession', () => {
  class ConnectorSession {
    constructor(options) {
      this.options = options;
      this.listeners = new Set();
      this.signIn = jest.fn(() => Promise.resolve({ agent: null, expiresAt: 0 }));
      global.mockSessions.push(this);
    }
    subscribe(listener) {
      this.listeners.add(listener);
      return () => this.listeners.delete(listener);
    }
    token() {
      return 'token';
    }
    close() {}
    emit(event) {
      for (const listener of this.listeners) listener(event);
    }
  }
  return { ConnectorSession };
});

const flush = () => Promise.resolve().then(() => Promise.resolve());

function mount(connectorUrl = 'https://connector.example.com') {
  global.mockClients = [];
  global.mockSessions = [];
  const element = createElement('c-softphone', { is: Softphone });
  element.connectorUrl = connectorUrl;
  document.body.appendChild(element);
  return { element, client: global.mockClients[0], session: global.mockSessions[0] };
}
function deliver(client, frames) {
  for (const frame of frames) {
    if (frame.type === 'snapshot') client.emit({ type: 'snapshot', snapshot: frame.snapshot, version: frame.version });
    if (frame.type === 'inbox') client.emit({ type: 'inbox', inbox: frame.inbox, version: frame.version });
    if (frame.type === 'directory') {
      client.directories[frame.name] = frame.document;
      client.emit({ type: 'directory', name: frame.name });
    }
  }
}
/** A keydown as the browser gives it for Alt+Shift+<key> (Option+Shift on a Mac), wherever the focus is. */
const chord = (code, extra = {}) =>
  window.dispatchEvent(
    new KeyboardEvent('keydown', { code, key: code.slice(3), altKey: true, shiftKey: true, bubbles: true, cancelable: true, ...extra })
  );
const headerAlert = (element) => element.shadowRoot.querySelector('header [role="alert"]');
/** Derived: the recorded call offer and chat offer on one desk (the chat was offered later, so it is the newest). */
const twoOffers = {
  ...chatOffered,
  snapshot: {
    ...chatOffered.snapshot,
    interactions: [...voiceOffered.snapshot.interactions, ...chatOffered.snapshot.interactions]
  }
};
const tabs = (element) =>
  [...element.shadowRoot.querySelectorAll('[role="tab"]')].map((tab) => ({
    name: tab.dataset.tab,
    label: tab.getAttribute('aria-label'),
    selected: tab.getAttribute('aria-selected'),
    badge: tab.querySelector('lightning-badge')?.label ?? null
  }));

describe('c-softphone', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it('connects to the connector it is configured with, over its WebSocket', () => {
    const { client, session } = mount('https://connector.example.com/');
    expect(client.options.url).toBe('wss://connector.example.com/ws');
    expect(session.options.connectorUrl).toBe('https://connector.example.com');
    expect(client.connected).toBe(true);
  });

  it('A2 hands its connection to the Omni bridge, as the panel beside the Omni relay', async () => {
    const { element, client } = mount();
    await flush();
    expect(client.options.omniRelay).toBe(true);
    expect(element.shadowRoot.querySelector('c-omni-bridge').client).toBe(client);
  });

  it('says what to do when the admin has not set the connector URL', async () => {
    const { element } = mount('');
    await flush();
    expect(element.shadowRoot.querySelector('[role="alert"]').textContent).toContain('ask your admin');
    await expect(element).toBeAccessible();
  });

  it('A4 shows the RONA prompt from the snapshot and sends the agent’s choice', async () => {
    const { element, client } = mount();
    client.emit({ type: 'state', state: 'open' });
    deliver(client, [reasonCodes, rona]);
    await flush();
    const prompt = element.shadowRoot.querySelector('c-rona-prompt');
    expect(prompt.presence.status).toBe('RONA');
    expect(prompt.busyReasons).toEqual(reasonCodes.document.busyReasons);
    prompt.dispatchEvent(new CustomEvent('statuschange', { detail: { command: 'goAvailable' } }));
    await flush();
    expect(client.commands).toEqual([{ command: 'goAvailable' }]);
    await expect(element).toBeAccessible();
  });

  it('A1 a status chosen in the picker goes to the connector; a refusal is said in words', async () => {
    const { element, client } = mount();
    deliver(client, [available]);
    client.answer = () => ({
      type: 'rejected',
      id: 'x',
      duplicate: false,
      error: { code: 'OPEN_WORK', message: 'x', labelKey: 'Reason_OpenWork' }
    });
    element.shadowRoot
      .querySelector('c-status-picker')
      .dispatchEvent(new CustomEvent('statuschange', { detail: { command: 'goOffline' } }));
    await flush();
    await flush();
    expect(client.commands).toEqual([{ command: 'goOffline' }]);
    const alert = element.shadowRoot.querySelector('header [role="alert"]');
    expect(alert.textContent.length).toBeGreaterThan(10);
    expect(alert.textContent).not.toContain('Reason_');
  });

  it('V1 C1 D2 tabs carry badges for work and unread messages; a ringing offer highlights the utility', async () => {
    const { element, client } = mount();
    deliver(client, [voiceOffered, inboxFrame]);
    await flush();
    expect(tabs(element)).toEqual([
      { name: 'voice', label: 'Voice: 1', selected: 'true', badge: 1 },
      { name: 'chat', label: 'Chat: 0', selected: 'false', badge: null },
      { name: 'digital', label: `Digital: ${inboxFrame.inbox.unread}`, selected: 'false', badge: inboxFrame.inbox.unread }
    ]);
    expect(element.shadowRoot.querySelector('c-utility-badge').offers).toBe(1);
    expect(setUtilityHighlighted).toHaveBeenLastCalledWith({ highlighted: true });
    await expect(element).toBeAccessible();
  });

  it('V1 the Voice tab shows the calls, and their commands go to the connector', async () => {
    const { element, client } = mount();
    deliver(client, [voiceOffered]);
    await flush();
    const panel = element.shadowRoot.querySelector('c-voice-panel');
    expect(panel.interactions).toEqual(voiceOffered.snapshot.interactions);
    const id = voiceOffered.snapshot.interactions[0].id;
    panel.dispatchEvent(new CustomEvent('command', { detail: { command: 'accept', interactionId: id } }));
    await flush();
    expect(client.commands).toEqual([{ command: 'accept', interactionId: id }]);
  });

  it('C1 the Chat tab shows the chats with the queues directory', async () => {
    const { element, client } = mount();
    deliver(client, [queuesDirectory, chatOffered]);
    await flush();
    const panel = element.shadowRoot.querySelector('c-chat-panel');
    expect(panel.interactions).toEqual(chatOffered.snapshot.interactions);
    expect(panel.queues).toEqual(queuesDirectory.document.queues);
    expect(tabs(element)[1]).toMatchObject({ name: 'chat', badge: 1 });
  });

  it('D3 D4 the Digital tab shows the inbox; a new window and an opened row go to the connector', async () => {
    const { element, client } = mount();
    deliver(client, [inboxFrame, sendersDirectory, channelSettings]);
    await flush();
    const inbox = element.shadowRoot.querySelector('c-digital-panel');
    expect(inbox.inbox).toEqual(inboxFrame.inbox);
    expect(inbox.senders).toEqual(sendersDirectory.document.senders);
    expect(inbox.channelSettings).toEqual(channelSettings.document.digital);
    const view = { sort: 'priority', tags: [], offset: 0, limit: 40 };
    inbox.dispatchEvent(new CustomEvent('viewchange', { detail: view }));
    expect(client.inboxView).toEqual(view);
    const id = inboxFrame.inbox.items[0].id;
    inbox.dispatchEvent(new CustomEvent('open', { detail: { interactionId: id } }));
    await flush();
    expect(client.commands).toEqual([{ command: 'take', args: { interactionId: id } }]);
  });

  it('D10 D13 a form that shows the answer itself gets it through resolve; the header does not repeat it', async () => {
    const { element, client } = mount();
    deliver(client, [digitalOpen]);
    await flush();
    client.answer = () => rejectedDisposition;
    const panel = element.shadowRoot.querySelector('c-digital-panel');
    const answers = [];
    const id = digitalOpen.snapshot.interactions[0].id;
    panel.dispatchEvent(
      new CustomEvent('command', {
        detail: { command: 'end', interactionId: id, args: {}, resolve: (answer) => answers.push(answer) }
      })
    );
    await flush();
    await flush();
    expect(client.commands).toEqual([{ command: 'end', interactionId: id, args: {} }]);
    expect(answers).toEqual([rejectedDisposition]);
    expect(element.shadowRoot.querySelector('header [role="alert"]')).toBeNull();
    client.answer = () => ackOutboundSms;
    const args = { channel: 'sms', senderId: 'support-sms', to: '+14155550177', text: 'Hi' };
    panel.dispatchEvent(
      new CustomEvent('command', { detail: { command: 'sendOutbound', args, resolve: (a) => answers.push(a) } })
    );
    await flush();
    await flush();
    expect(client.commands[1]).toEqual({ command: 'sendOutbound', args });
    expect(Object.keys(client.commands[1])).not.toContain('interactionId');
    expect(answers[1].created.interactionNumber).toBe(ackOutboundSms.created.interactionNumber);
  });

  it('S6 a screen-pop frame reaches the call it belongs to before the snapshot carries it', async () => {
    const { element, client } = mount();
    const call = voiceOffered.snapshot.interactions[0];
    deliver(client, [voiceOffered]);
    const screenPop = { outcome: 'none', matches: [] };
    client.emit({ type: 'screenPop', interactionId: call.id, screenPop });
    await flush();
    const panel = element.shadowRoot.querySelector('c-voice-panel');
    expect(panel.interactions[0]).toEqual({ ...call, screenPop });
  });

  it('D12 the newest notice shows in the header as a polite status, and the agent dismisses it', async () => {
    const { element, client } = mount();
    deliver(client, [digitalOpen]);
    client.emit({ type: 'notice', notice: noticeReturned.notice });
    await flush();
    const bar = element.shadowRoot.querySelector('header c-notice-bar');
    const status = bar.shadowRoot.querySelector('[role="status"]');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('The conversation came back to you: you are the only member of Instagram.');
    await expect(element).toBeAccessible();
    bar.shadowRoot.querySelector('button[title="Dismiss notice"]').click();
    await flush();
    expect(status.textContent).toBe('');
    await expect(element).toBeAccessible();
  });

  it('tabs work by keyboard: arrows move and select, Home and End jump', async () => {
    const { element } = mount();
    await flush();
    const tab = (name) => element.shadowRoot.querySelector(`[data-tab="${name}"]`);
    tab('voice').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    await flush();
    expect(tab('chat').getAttribute('aria-selected')).toBe('true');
    expect(tab('chat').tabIndex).toBe(0);
    expect(tab('voice').tabIndex).toBe(-1);
    expect(element.shadowRoot.querySelector('#panel-chat, [id^="panel-chat"]').hidden).toBe(false);
    tab('chat').dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
    await flush();
    expect(tab('digital').getAttribute('aria-selected')).toBe('true');
    tab('digital').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    await flush();
    expect(tab('voice').getAttribute('aria-selected')).toBe('true');
  });

  it('signed out: Sign in opens the sign-in, and a sign-in reconnects', async () => {
    const { element, client, session } = mount();
    client.emit({ type: 'state', state: 'signedOut' });
    await flush();
    const banner = element.shadowRoot.querySelector('c-connection-banner');
    expect(banner.state).toBe('signedOut');
    banner.dispatchEvent(new CustomEvent('signin'));
    expect(session.signIn).toHaveBeenCalledTimes(1);
    session.emit({ type: 'signedIn', agent: null, expiresAt: 0 });
    expect(client.reauthenticatedCalls).toBe(1);
  });

  it('a blocked pop-up is explained next to the button', async () => {
    const { element, client, session } = mount();
    client.emit({ type: 'state', state: 'signedOut' });
    session.signIn.mockImplementation(() => Promise.reject(Object.assign(new Error('POPUP_BLOCKED'), { code: 'POPUP_BLOCKED' })));
    element.shadowRoot.querySelector('c-connection-banner').dispatchEvent(new CustomEvent('signin'));
    await flush();
    await flush();
    expect(element.shadowRoot.querySelector('c-connection-banner').signInError).toBe('POPUP_BLOCKED');
  });

  describe('keyboard shortcuts (UI.md)', () => {
    it('V2 C1 Alt+Shift+A accepts the newest offer and Alt+Shift+D declines it, from anywhere in the console', async () => {
      const { element, client } = mount();
      deliver(client, [queuesDirectory, twoOffers]);
      await flush();
      const chat = chatOffered.snapshot.interactions[0];
      chord('KeyA');
      chord('KeyD');
      await flush();
      expect(client.commands).toEqual([
        { command: 'accept', interactionId: chat.id },
        { command: 'decline', interactionId: chat.id }
      ]);
      await expect(element).toBeAccessible();
    });

    it('V2 Alt+Shift+H holds the connected call, Alt+Shift+M mutes it, Alt+Shift+E ends it; on hold H resumes', async () => {
      const { element, client } = mount();
      deliver(client, [voiceConnected]);
      await flush();
      const id = voiceConnected.snapshot.interactions[0].id;
      chord('KeyH');
      chord('KeyM');
      chord('KeyE');
      await flush();
      expect(client.commands).toEqual([
        { command: 'hold', interactionId: id },
        { command: 'mute', interactionId: id },
        { command: 'end', interactionId: id }
      ]);
      deliver(client, [voiceHeld]);
      await flush();
      chord('KeyH');
      await flush();
      expect(client.commands[3]).toEqual({ command: 'resume', interactionId: id });
      expect(headerAlert(element)).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('V3 Alt+Shift+E on a held call sends nothing: the header says why, from the snapshot', async () => {
      const { element, client } = mount();
      deliver(client, [voiceHeld]);
      await flush();
      chord('KeyE');
      await flush();
      expect(client.commands).toEqual([]);
      expect(headerAlert(element).textContent).toBe(reasonText('Reason_CallOnHold'));
      // The next command's answer replaces the sentence.
      chord('KeyH');
      await flush();
      await flush();
      expect(client.commands).toEqual([{ command: 'resume', interactionId: voiceHeld.snapshot.interactions[0].id }]);
      expect(headerAlert(element)).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('V2 with nothing to act on a shortcut sends nothing and says so', async () => {
      const { element, client } = mount();
      deliver(client, [available]);
      await flush();
      chord('KeyA');
      await flush();
      expect(headerAlert(element).textContent).toBe('There is no offer to accept or decline.');
      chord('KeyM');
      await flush();
      expect(headerAlert(element).textContent).toBe('There is no connected call.');
      expect(client.commands).toEqual([]);
      await expect(element).toBeAccessible();
    });

    it('V2 other keys are left alone: no Shift, an extra Ctrl, a held-down key, a key another handler took', async () => {
      const { element, client } = mount();
      deliver(client, [voiceOffered]);
      await flush();
      chord('KeyA', { shiftKey: false });
      chord('KeyA', { ctrlKey: true });
      chord('KeyA', { repeat: true });
      chord('KeyQ');
      const taken = new KeyboardEvent('keydown', { code: 'KeyA', altKey: true, shiftKey: true, cancelable: true });
      taken.preventDefault();
      window.dispatchEvent(taken);
      await flush();
      expect(client.commands).toEqual([]);
      expect(headerAlert(element)).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('V2 C4 the header’s help button lists the shortcuts, send being the message box’s Enter', async () => {
      const { element } = mount();
      await flush();
      const help = element.shadowRoot.querySelector('c-shortcut-help');
      const button = help.shadowRoot.querySelector('button');
      expect(button.getAttribute('aria-expanded')).toBe('false');
      button.click();
      await flush();
      expect(button.getAttribute('aria-expanded')).toBe('true');
      const rows = [...help.shadowRoot.querySelectorAll('li')].map((li) => li.textContent);
      expect(rows).toEqual([
        'Accept the newest offerAlt+Shift+A',
        'Decline the newest offerAlt+Shift+D',
        'Hold or resume the callAlt+Shift+H',
        'Mute or unmute the callAlt+Shift+M',
        'End the callAlt+Shift+E',
        'Send the message (in the message box)Enter'
      ]);
      await expect(element).toBeAccessible();
    });

    it('V2 a removed softphone no longer listens', async () => {
      const { element, client } = mount();
      deliver(client, [voiceOffered]);
      await flush();
      document.body.removeChild(element);
      chord('KeyA');
      await flush();
      expect(client.commands).toEqual([]);
      await expect(document.body).toBeAccessible();
    });
  });

  it('V1 C1 each new offer is announced once, in a live region outside the tabs', async () => {
    const { element, client } = mount();
    const region = element.shadowRoot.querySelector('.offer-announcer');
    expect(region.getAttribute('aria-live')).toBe('assertive');
    expect(region.closest('[role="tabpanel"]')).toBeNull();
    deliver(client, [queuesDirectory, voiceOffered]);
    await flush();
    expect(region.textContent).toBe('Incoming call: +14155550123, Voice Support.');
    // The call still rings and a chat is offered too: only the chat is new (the Chat tab is not the one open).
    deliver(client, [twoOffers]);
    await flush();
    expect(region.textContent).toBe('New chat: Chris Miller, Chat Support.');
    deliver(client, [twoOffers]);
    await flush();
    expect(region.textContent).toBe('New chat: Chris Miller, Chat Support.');
    await expect(element).toBeAccessible();
  });

  it('C10 a customer leaving a chat is announced politely, outside the tabs, whichever tab is open', async () => {
    const { element, client } = mount();
    const region = element.shadowRoot.querySelector('.departure-announcer');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.closest('[role="tabpanel"]')).toBeNull();
    deliver(client, [chatWrapUp]);
    await flush();
    expect(region.textContent).toBe('Chris Miller left the chat. Finish the wrap-up.');
    await expect(element).toBeAccessible();
  });

  describe('click-to-dial from a record (V12, Softphone_Dial__c)', () => {
    const DIAL_CHANNEL = 'Softphone_Dial__c'; // sfdx-lwc-jest resolves a message channel import to its name
    const CASE_ID = '5008d00000000001AAA';
    const DIAL_SUBSCRIPTION = { subscription: DIAL_CHANNEL };
    let fromRecordPage;
    beforeEach(() => {
      fromRecordPage = null;
      subscribe.mockImplementation((context, channel, listener) => {
        if (channel !== DIAL_CHANNEL) return { subscription: channel };
        fromRecordPage = listener;
        return DIAL_SUBSCRIPTION;
      });
    });
    afterEach(() => subscribe.mockReset());
    /** c/clickToDial publishes; LMS hands the message to the softphone's listener. */
    const clicked = async (number, recordId = CASE_ID) => {
      fromRecordPage({ number, recordId, source: 'clickToDial' });
      await flush();
      await flush();
    };

    it('V12 a number clicked on a record becomes dial with source clickToDial and the recordId, on the Voice tab', async () => {
      const { element, client } = mount();
      expect(subscribe).toHaveBeenCalledWith(undefined, DIAL_CHANNEL, expect.any(Function), { scope: APPLICATION_SCOPE });
      deliver(client, [available]);
      expect(available.snapshot.commands.dial.enabled).toBe(true);
      element.shadowRoot.querySelector('[data-tab="chat"]').click();
      await flush();
      await clicked('+1 415 555 0134');
      expect(client.commands).toEqual([
        {
          command: 'dial',
          args: { interactionId: expect.stringMatching(/^voice-[0-9a-f-]{32,36}$/), number: '+1 415 555 0134', source: 'clickToDial', recordId: CASE_ID }
        }
      ]);
      expect(tabs(element).find((tab) => tab.selected === 'true').name).toBe('voice');
      expect(headerAlert(element)).toBeNull();
      // Each request is its own call, and anything else on the channel is not a request.
      await clicked('4155550199', null); // a list or a page without a record
      fromRecordPage({ number: '', source: 'clickToDial' });
      fromRecordPage('text');
      await flush();
      expect(client.commands).toHaveLength(2);
      expect(client.commands[1].args).toEqual({ interactionId: expect.stringMatching(/^voice-/), number: '4155550199', source: 'clickToDial' });
      expect(client.commands[1].args.interactionId).not.toBe(client.commands[0].args.interactionId);
      await expect(element).toBeAccessible();
    });

    it('V12 with dial disabled (Offline) nothing is sent and the header says why, from the snapshot', async () => {
      const { element, client } = mount();
      deliver(client, [offline]);
      const { dial } = offline.snapshot.commands;
      expect(dial.enabled).toBe(false);
      await clicked('+1 415 555 0134');
      expect(client.commands).toEqual([]);
      expect(headerAlert(element).textContent).toBe(reasonText(dial.labelKey));
      await expect(element).toBeAccessible();
    });

    it('V11 during a live call the click is not a hold: no holdActiveCall, and the refusal says to hold first', async () => {
      const { element, client } = mount();
      deliver(client, [voiceConnected]);
      client.answer = () => ({
        type: 'rejected',
        id: 'x',
        duplicate: false,
        error: { code: 'HOLD_ACTIVE_CALL_FIRST', message: 'x', labelKey: 'Reason_HoldActiveCallFirst' }
      });
      await clicked('+1 415 555 0134');
      expect(client.commands).toHaveLength(1);
      expect(client.commands[0].args).not.toHaveProperty('holdActiveCall');
      expect(headerAlert(element).textContent).toBe(reasonText('Reason_HoldActiveCallFirst'));
      await expect(element).toBeAccessible();
    });

    it('V12 a removed softphone no longer listens for click-to-dial', () => {
      const { element } = mount();
      document.body.removeChild(element);
      expect(unsubscribe).toHaveBeenCalledWith(DIAL_SUBSCRIPTION);
    });
  });
});
