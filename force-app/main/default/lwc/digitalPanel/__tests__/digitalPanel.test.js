import { createElement } from 'lwc';
import DigitalPanel from 'c/digitalPanel';
import inboxFrame from 'fixtures/panels/inbox.json';
import switcherFrame from 'fixtures/panels/digital-switcher.json';
import voiceConnected from 'fixtures/panels/voice-connected.json';
import senders from 'fixtures/panels/directory-senders.json';
import nonMemberSenders from 'fixtures/panels/directory-senders-non-member.json';
import channelSettings from 'fixtures/panels/directory-channel-settings.json';
import queuesDirectory from 'fixtures/panels/directory-queues.json';
import wrapUpCodes from 'fixtures/panels/directory-wrap-up-codes.json';

const open = switcherFrame.snapshot.interactions;

function mount(props = {}) {
  const element = createElement('c-digital-panel', { is: DigitalPanel });
  Object.assign(
    element,
    {
      inbox: inboxFrame.inbox,
      interactions: [...voiceConnected.snapshot.interactions, ...open],
      queues: queuesDirectory.document.queues,
      wrapUpCodes: wrapUpCodes.document.codes,
      senders: senders.document.senders,
      channelSettings: channelSettings.document.digital
    },
    props
  );
  const events = [];
  for (const type of ['open', 'viewchange', 'command']) {
    element.addEventListener(type, (event) => events.push([type, event.detail]));
  }
  document.body.appendChild(element);
  return { element, events };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const flush = () => Promise.resolve().then(() => Promise.resolve());
const listShown = (element) => !$(element, 'c-digital-inbox').parentElement.hidden;

describe('c-digital-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('D2 D11 Home is the inbox list; the switcher lists the open digital conversations (no calls)', async () => {
    const { element } = mount();
    await flush();
    expect(listShown(element)).toBe(true);
    expect($(element, 'c-digital-inbox').inbox).toEqual(inboxFrame.inbox);
    const switcher = $(element, 'c-digital-switcher');
    expect(switcher.conversations.map((c) => c.id)).toEqual(open.map((i) => i.id));
    expect(switcher.conversations.find((c) => c.channel === 'whatsapp').unread).toBeGreaterThan(0);
    expect(switcher.selectedId).toBeNull();
    expect($(element, 'c-digital-conversation')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('D4 opening a row nobody has takes it and shows it once the snapshot has it on the desk', async () => {
    const x = inboxFrame.inbox.items.find((i) => i.channel === 'x');
    const { element, events } = mount();
    await flush();
    $(element, 'c-digital-inbox').dispatchEvent(new CustomEvent('open', { detail: { interactionId: x.id } }));
    await flush();
    expect(events).toEqual([['open', { interactionId: x.id }]]);
    expect(listShown(element)).toBe(true);
  });

  it('D4 D11 opening a row already assigned to the agent shows it without taking it again', async () => {
    const email = open.find((i) => i.channel === 'email');
    const { element, events } = mount();
    await flush();
    $(element, 'c-digital-inbox').dispatchEvent(new CustomEvent('open', { detail: { interactionId: email.id } }));
    await flush();
    expect(events).toEqual([]);
    expect($(element, 'c-digital-conversation').interaction).toEqual(email);
    expect($(element, 'c-digital-conversation').channelSettings).toEqual(channelSettings.document.digital.email);
    expect(listShown(element)).toBe(false);
    expect($(element, 'c-digital-switcher').selectedId).toBe(email.id);
  });

  it('D11 the switcher jumps between conversations and Home goes back to the list (kept, with its window)', async () => {
    const [first, second] = open;
    const { element } = mount();
    await flush();
    const inbox = $(element, 'c-digital-inbox');
    const switcher = $(element, 'c-digital-switcher');
    switcher.dispatchEvent(new CustomEvent('select', { detail: { interactionId: first.id } }));
    await flush();
    expect($(element, 'c-digital-conversation').interaction.id).toBe(first.id);
    switcher.dispatchEvent(new CustomEvent('select', { detail: { interactionId: second.id } }));
    await flush();
    expect(element.shadowRoot.querySelectorAll('c-digital-conversation')).toHaveLength(1);
    expect($(element, 'c-digital-conversation').interaction.id).toBe(second.id);
    switcher.dispatchEvent(new CustomEvent('select', { detail: { interactionId: null } }));
    await flush();
    expect($(element, 'c-digital-conversation')).toBeNull();
    expect(listShown(element)).toBe(true);
    expect($(element, 'c-digital-inbox')).toBe(inbox);
  });

  it('D10 D12 a conversation that leaves the desk (ended, transferred away) falls back to the list', async () => {
    const { element } = mount();
    await flush();
    $(element, 'c-digital-switcher').dispatchEvent(new CustomEvent('select', { detail: { interactionId: open[0].id } }));
    await flush();
    element.interactions = open.slice(1);
    await flush();
    expect($(element, 'c-digital-conversation')).toBeNull();
    expect(listShown(element)).toBe(true);
  });

  it('commands of the conversation and the inbox window go up to the softphone as they are', async () => {
    const { element, events } = mount();
    await flush();
    $(element, 'c-digital-switcher').dispatchEvent(new CustomEvent('select', { detail: { interactionId: open[0].id } }));
    await flush();
    const detail = { command: 'resolve', interactionId: open[0].id };
    $(element, 'c-digital-conversation').dispatchEvent(new CustomEvent('command', { detail }));
    const view = { sort: 'priority', tags: [], offset: 0, limit: 40 };
    $(element, 'c-digital-inbox').dispatchEvent(new CustomEvent('viewchange', { detail: view }));
    expect(events).toEqual([
      ['command', detail],
      ['viewchange', view]
    ]);
  });

  it('D13 D14 an outbound e-mail queue member may start an e-mail or an SMS from Home', async () => {
    const { element, events } = mount();
    await flush();
    $(element, 'button.new-email').click();
    await flush();
    const form = $(element, 'c-digital-outbound');
    expect(form.channel).toBe('email');
    expect(form.senders).toEqual(senders.document.senders);
    expect(form.channelSettings).toEqual(channelSettings.document.digital.email);
    expect(listShown(element)).toBe(false);
    const detail = { command: 'sendOutbound', args: { channel: 'email' }, resolve: () => {} };
    form.dispatchEvent(new CustomEvent('command', { detail }));
    expect(events).toEqual([['command', detail]]);
    form.dispatchEvent(new CustomEvent('cancel'));
    await flush();
    expect(listShown(element)).toBe(true);
    $(element, 'button.new-sms').click();
    await flush();
    expect($(element, 'c-digital-outbound').channel).toBe('sms');
    await expect(element).toBeAccessible();
  });

  it('D13 an agent in no outbound e-mail queue gets no e-mail sender, so only New SMS is offered', async () => {
    const { element } = mount({ senders: nonMemberSenders.document.senders });
    await flush();
    expect($(element, 'button.new-email')).toBeNull();
    expect($(element, 'button.new-sms')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('D11 keyboard: Enter on a switcher button (a real button) opens the conversation; focus stays in the switcher', async () => {
    const { element } = mount();
    await flush();
    const switcher = $(element, 'c-digital-switcher');
    const button = switcher.shadowRoot.querySelector(`button[data-id="${open[2].id}"]`);
    button.focus();
    button.click(); // what Enter or Space on a focused button does
    await flush();
    expect($(element, 'c-digital-conversation').interaction.id).toBe(open[2].id);
    expect(switcher.shadowRoot.activeElement).toBe(button);
  });
});
