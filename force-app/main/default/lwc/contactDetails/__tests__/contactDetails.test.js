import { createElement } from 'lwc';
import ContactDetails from 'c/contactDetails';
import returning from 'fixtures/panels/chat-returning.json';
import followUp from 'fixtures/panels/chat-follow-up.json';
import digitalOpen from 'fixtures/panels/digital-open.json';
import earlierNotes from 'fixtures/panels/digital-earlier-notes.json';
import voiceWrapUp from 'fixtures/panels/voice-wrap-up.json';
import offline from 'fixtures/panels/presence-offline.json';
import agents from 'fixtures/panels/directory-agents.json';

const first = (frame, channel) => frame.snapshot.interactions.find((i) => i.channel === channel);
function mount(interaction, extra = {}) {
  const element = createElement('c-contact-details', { is: ContactDetails });
  element.interaction = interaction;
  element.agents = agents.document.agents;
  Object.assign(element, extra);
  const events = [];
  element.addEventListener('details', (event) => events.push(['details', event.detail]));
  element.addEventListener('dialnumber', (event) => events.push(['dialnumber', event.detail]));
  document.body.appendChild(element);
  return { element, events };
}
const text = (element, selector) => element.shadowRoot.querySelector(selector)?.textContent ?? null;
const keydown = (target, key) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
};

describe('c-contact-details', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('D5 a WhatsApp conversation: its number, the WhatsApp number, Name / Related To from the screen pop', async () => {
    const interaction = first(digitalOpen, 'whatsapp');
    const { element, events } = mount(interaction);
    await Promise.resolve();
    expect(text(element, '.number')).toBe('D-000003');
    const labels = [...element.shadowRoot.querySelectorAll('dt')].map((d) => d.textContent);
    expect(labels).toEqual(['Number', 'WhatsApp number']);
    expect(text(element, '.address')).toBe('+14155550199');
    const pop = element.shadowRoot.querySelector('c-screen-pop');
    expect(pop.interaction).toEqual(interaction);
    pop.dispatchEvent(new CustomEvent('details', { detail: { interactionId: interaction.id, whoId: '003000000000001AAA' } }));
    expect(events).toEqual([['details', { interactionId: interaction.id, whoId: '003000000000001AAA' }]]);
    await expect(element).toBeAccessible();
  });

  it('D5 a chat: the chat id and the e-mail; an e-mail conversation does not repeat its address', async () => {
    const { element } = mount(first(returning, 'chat'));
    await Promise.resolve();
    expect([...element.shadowRoot.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['Chat id', 'E-mail']);
    expect(text(element, '.address')).toBe('visitor-42');
    expect(text(element, '.email')).toBe('chris.miller@example.org');
    const email = mount(first(earlierNotes, 'email')).element;
    await Promise.resolve();
    expect([...email.shadowRoot.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['Number', 'E-mail address']);
  });

  it('V13 tags: shown as chips, Enter adds one, the chip’s button removes it', async () => {
    const call = first(voiceWrapUp, 'voice');
    const { element, events } = mount(call);
    await Promise.resolve();
    expect([...element.shadowRoot.querySelectorAll('.tags .slds-pill__label')].map((t) => t.textContent)).toEqual(['billing']);
    const input = element.shadowRoot.querySelector('input#tag, input[id^="tag"]');
    input.value = '  refund ';
    input.dispatchEvent(new CustomEvent('input'));
    expect(keydown(input, 'Enter').defaultPrevented).toBe(true);
    expect(input.value).toBe('');
    input.value = 'billing';
    keydown(input, 'Enter');
    const remove = element.shadowRoot.querySelector('.tags lightning-button-icon');
    expect(remove.alternativeText).toBe('Remove tag billing');
    remove.click();
    expect(events).toEqual([
      ['details', { interactionId: call.id, tags: ['billing', 'refund'] }],
      ['details', { interactionId: call.id, tags: [] }]
    ]);
    await expect(element).toBeAccessible();
  });

  it('V13 notes: the saved notes shown, saved when the agent leaves the box or presses Save', async () => {
    const interaction = first(digitalOpen, 'whatsapp');
    const { element, events } = mount(interaction);
    await Promise.resolve();
    const box = element.shadowRoot.querySelector('textarea');
    expect(box.value).toBe('Asks about opening hours');
    box.value = 'Asks about opening hours on Sunday';
    box.dispatchEvent(new CustomEvent('change'));
    box.value = 'Asks about Sunday';
    element.shadowRoot.querySelector('lightning-button.save').click();
    expect(events).toEqual([
      ['details', { interactionId: interaction.id, notes: 'Asks about opening hours on Sunday' }],
      ['details', { interactionId: interaction.id, notes: 'Asks about Sunday' }]
    ]);
    const hidden = mount(interaction, { hideNotes: true }).element;
    await Promise.resolve();
    expect(hidden.shadowRoot.querySelector('textarea')).toBeNull();
  });

  it('D6 C16 a returning customer: my earlier notes, and the contact history newest first with agent and disposition', async () => {
    const chat = first(returning, 'chat');
    const { element } = mount(chat);
    await Promise.resolve();
    expect([...element.shadowRoot.querySelectorAll('.earlier .body')].map((n) => n.textContent)).toEqual([
      'Order delayed by the carrier'
    ]);
    const history = element.shadowRoot.querySelector('c-contact-history');
    expect(history.history).toEqual(chat.history);
    expect(history.agents).toEqual(agents.document.agents);
    await expect(element).toBeAccessible();
  });

  it('D6 other agents’ notes are never there: the SMS customer’s earlier notes are the recorded agent’s own', async () => {
    const sms = first(earlierNotes, 'sms');
    const { element } = mount(sms);
    await Promise.resolve();
    expect([...element.shadowRoot.querySelectorAll('.earlier .body')].map((n) => n.textContent)).toEqual(
      sms.myEarlierNotes.map((n) => n.body)
    );
  });

  it('C12 call the customer: the number prefilled where the channel has one, typed for a chat; Call sends it', async () => {
    const whatsapp = mount(first(digitalOpen, 'whatsapp'), { dial: digitalOpen.snapshot.commands.dial });
    await Promise.resolve();
    expect(whatsapp.element.shadowRoot.querySelector('input[type="tel"]').value).toBe('+14155550199');
    whatsapp.element.shadowRoot.querySelector('lightning-button.call').click();
    expect(whatsapp.events).toEqual([['dialnumber', { number: '+14155550199' }]]);

    const chat = mount(first(returning, 'chat'), { dial: returning.snapshot.commands.dial });
    await Promise.resolve();
    const field = chat.element.shadowRoot.querySelector('input[type="tel"]');
    const call = chat.element.shadowRoot.querySelector('lightning-button.call');
    expect(field.value).toBe('');
    expect(call.disabled).toBe(true);
    field.value = '+1 415 555 0177';
    field.dispatchEvent(new CustomEvent('input'));
    await Promise.resolve();
    expect(call.disabled).toBe(false);
    keydown(field, 'Enter');
    expect(chat.events).toEqual([['dialnumber', { number: '+1 415 555 0177' }]]);
    await expect(chat.element).toBeAccessible();
  });

  it('C12 no Call row without the dial command; a disabled dial says why', async () => {
    const none = mount(first(returning, 'chat')).element;
    await Promise.resolve();
    expect(none.shadowRoot.querySelector('input[type="tel"]')).toBeNull();
    const { element, events } = mount(first(digitalOpen, 'whatsapp'), { dial: offline.snapshot.commands.dial });
    await Promise.resolve();
    const call = element.shadowRoot.querySelector('lightning-button.call');
    expect(call.disabled).toBe(true);
    expect(text(element, '[id^="call-reason"]')).toBe('You are offline: set a status first.');
    call.click();
    expect(events).toEqual([]);
  });

  it('C17 while the follow-up question is open tags and notes are off and say why', async () => {
    const chat = first(followUp, 'chat');
    const { element, events } = mount(chat);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('textarea').disabled).toBe(true);
    expect(element.shadowRoot.querySelector('input[id^="tag"]').disabled).toBe(true);
    expect(text(element, '[id^="edit-reason"]')).toBe('Choose a follow-up queue, or press Stop or Cancel first.');
    element.shadowRoot.querySelector('lightning-button.save').click();
    expect(events).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('customer text is text: notes with markup stay literal', async () => {
    const chat = first(returning, 'chat');
    const { element } = mount({
      ...chat,
      myEarlierNotes: [{ interactionId: 'x', at: 1, body: '<img src=x onerror=alert(1)>' }]
    });
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('img')).toBeNull();
    expect(text(element, '.earlier .body')).toBe('<img src=x onerror=alert(1)>');
  });
});
