import { createElement } from 'lwc';
import OfferCard, { offerAnnouncement } from 'c/offerCard';
import voiceOffered from 'fixtures/panels/voice-offered.json';
import chatOffered from 'fixtures/panels/chat-offered.json';
import chatActive from 'fixtures/panels/chat-active.json';

const offerOf = (frame, channel) => frame.snapshot.interactions.find((i) => i.channel === channel);

function mount(interaction, queueName) {
  const element = createElement('c-offer-card', { is: OfferCard });
  element.interaction = interaction;
  element.queueName = queueName;
  const sent = [];
  element.addEventListener('offercommand', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
/** Accept and Decline are c-command-buttons (label and variant on the host, the real button in its shadow tree). */
const hosts = (element) => [...element.shadowRoot.querySelectorAll('c-command-button')];
const buttons = (element) => hosts(element).map((host) => host.shadowRoot.querySelector('button'));

describe('c-offer-card', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V1 an offered call: the number, the queue, waited and time left, Accept (brand) and Decline', async () => {
    const call = offerOf(voiceOffered, 'voice');
    const { element, sent } = mount(call, call.queueName);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('h2').textContent).toBe('+14155550123');
    expect(element.shadowRoot.textContent).toContain('Voice Support');
    const timers = [...element.shadowRoot.querySelectorAll('c-elapsed-timer')];
    expect(timers.map((t) => [t.since ?? null, t.until ?? null])).toEqual([
      [call.timers.waitingSince, null],
      [null, call.timers.offerExpiresAt]
    ]);
    expect(hosts(element).map((b) => [b.label, b.variant ?? 'neutral'])).toEqual([
      ['Accept', 'brand'],
      ['Decline', 'neutral']
    ]);
    // Announced by the softphone's own live region (see its test), in these words.
    expect(offerAnnouncement(call, call.queueName)).toBe('Incoming call: +14155550123, Voice Support.');
    buttons(element)[0].click();
    expect(sent).toEqual([{ command: 'accept', interactionId: call.id }]);
    await expect(element).toBeAccessible();
  });

  it('C1 an offered chat: the customer’s name above their id; Decline sends decline', async () => {
    const chat = offerOf(chatOffered, 'chat');
    const { element, sent } = mount(chat, 'Chat Support');
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('h2').textContent).toBe('Chris Miller');
    expect(element.shadowRoot.textContent).toContain('visitor-42');
    expect(element.shadowRoot.querySelector('lightning-icon').iconName).toBe('standard:live_chat');
    buttons(element)[1].click();
    expect(sent).toEqual([{ command: 'decline', interactionId: chat.id }]);
    await expect(element).toBeAccessible();
  });

  it('a customer name is text, never markup', async () => {
    const chat = offerOf(chatOffered, 'chat');
    const hostile = { ...chat, customer: { ...chat.customer, name: '<img src=x onerror=alert(1)>' } };
    const { element } = mount(hostile, 'Chat Support');
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('h2').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(element.shadowRoot.querySelector('img')).toBeNull();
  });

  it('once accepted, Accept is refused and says why', async () => {
    const chat = offerOf(chatActive, 'chat');
    const { element, sent } = mount(chat, 'Chat Support');
    await Promise.resolve();
    expect(buttons(element)[0].disabled).toBe(true);
    buttons(element)[0].click();
    expect(sent).toEqual([]);
    const [accept, decline] = buttons(element);
    const reasonOf = (b) => b.getRootNode().querySelector(`[id="${b.getAttribute('aria-describedby')}"]`);
    expect(reasonOf(accept).textContent.length).toBeGreaterThan(5);
    // Both say the same: shown once, under Accept; Decline is described by it too.
    expect(reasonOf(decline).textContent).toBe(reasonOf(accept).textContent);
    expect(reasonOf(decline).classList.contains('slds-assistive-text')).toBe(true);
    await expect(element).toBeAccessible();
  });
});
