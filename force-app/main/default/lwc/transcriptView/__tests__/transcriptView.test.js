import { createElement } from 'lwc';
import TranscriptView from 'c/transcriptView';
import wrapUp from 'fixtures/panels/chat-wrap-up.json';
import returning from 'fixtures/panels/chat-returning.json';
import offline from 'fixtures/panels/presence-offline.json';

const entries = wrapUp.snapshot.interactions.find((i) => i.channel === 'chat').transcript;
function mount(list) {
  const element = createElement('c-transcript-view', { is: TranscriptView });
  element.entries = list;
  document.body.appendChild(element);
  return element;
}
const lines = (element) =>
  [...element.shadowRoot.querySelectorAll('li')].map((li) => ({
    side: li.className.match(/slds-chat-listitem_(\w+)/)[1],
    text: li.querySelector('.text').textContent,
    author: li.querySelector('.author')?.textContent ?? null
  }));

describe('c-transcript-view', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C2 C4 C6 C9 C10 a recorded chat: bot and customer left, agents right with names, notices centred, card data redacted', async () => {
    const element = mount(entries);
    await Promise.resolve();
    expect(lines(element)).toEqual([
      { side: 'inbound', text: 'Hi! What can I do for you?', author: 'Bot' },
      { side: 'inbound', text: 'My order is late', author: 'Chris Miller' },
      { side: 'inbound', text: 'Let me find an agent for you.', author: 'Bot' },
      { side: 'event', text: 'Emma Clarke joined', author: null },
      { side: 'inbound', text: 'My card is **** **** **** 1111', author: 'Chris Miller' },
      { side: 'outbound', text: 'Thanks Chris, please never send card numbers here.', author: 'Emma Clarke' },
      { side: 'event', text: 'Oliver Bennett joined', author: null },
      { side: 'outbound', text: 'Oliver from the support team here.', author: 'Oliver Bennett' },
      { side: 'event', text: 'Oliver Bennett left', author: null },
      { side: 'event', text: 'The customer left', author: null }
    ]);
    const times = [...element.shadowRoot.querySelectorAll('lightning-formatted-date-time')].map((t) => t.value);
    expect(times).toEqual(entries.map((e) => e.at));
    expect(element.shadowRoot.querySelector('[role="log"]').getAttribute('aria-label')).toBe('Conversation');
    await expect(element).toBeAccessible();
  });

  it('customer text is text, never markup; only http(s) pushed pages become links', async () => {
    const element = mount([
      { id: 'a', at: 1, from: 'customer', author: '<b>Eve</b>', text: '<img src=x onerror=alert(1)>', attachments: [] },
      { id: 'b', at: 2, from: 'agent', author: 'Emma', text: '', attachments: [], pushedUrl: ['javascript', 'alert(1)'].join(':') },
      { id: 'c', at: 3, from: 'agent', author: 'Emma', text: '', attachments: [], pushedUrl: 'https://example.org/help' }
    ]);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('img')).toBeNull();
    expect(lines(element)[0]).toEqual({ side: 'inbound', text: '<img src=x onerror=alert(1)>', author: '<b>Eve</b>' });
    expect([...element.shadowRoot.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/help'
    ]);
  });

  const returned = returning.snapshot.interactions.find((i) => i.channel === 'chat');

  it('C5 C11 C12 a recorded chat: files as chips, a refused file named, a pushed page marked, the number a button', async () => {
    const element = mount(returned.transcript);
    const calls = [];
    element.addEventListener('dialnumber', (event) => calls.push(event.detail));
    await Promise.resolve();
    expect(lines(element).map((l) => l.text)).toEqual([
      'Emma Clarke joined',
      'Here is the label. Or call me on +1 415 555 0177',
      'tracker.exe is a blocked file type and was not delivered.',
      'Thanks, here is the returns form.',
      'Page opened for the customer:https://example.org/returns'
    ]);
    expect(element.shadowRoot.querySelector('.pushed span').textContent).toBe('Page opened for the customer:');
    const chips = [...element.shadowRoot.querySelectorAll('c-attachment-chip')].map((c) => c.attachment.name);
    expect(chips).toEqual(['parcel-label.jpg', 'returns-form.pdf']);
    const link = element.shadowRoot.querySelector('.pushed a');
    expect(link.getAttribute('href')).toBe('https://example.org/returns');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    const number = element.shadowRoot.querySelector('button.number');
    expect(number.getAttribute('aria-label')).toBe('Call +1 415 555 0177');
    number.click();
    expect(calls).toEqual([{ number: '+1 415 555 0177' }]);
    await expect(element).toBeAccessible();
  });

  it('C12 numbers stay text while the snapshot says dialling is not possible; agent lines are never buttons', async () => {
    const element = mount(returned.transcript);
    element.dial = offline.snapshot.commands.dial;
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('button.number')).toBeNull();
    expect(lines(element)[1].text).toBe('Here is the label. Or call me on +1 415 555 0177');
    element.dial = returning.snapshot.commands.dial;
    await Promise.resolve();
    expect(element.shadowRoot.querySelectorAll('button.number')).toHaveLength(1);
  });

  it('C12 order numbers and dates are not numbers to call; C6 a redaction is never made a number', async () => {
    const element = mount([
      { id: 'a', at: 1, from: 'customer', author: 'Chris', text: 'Order 12345678 of 2026-01-05', attachments: [] },
      { id: 'b', at: 2, from: 'customer', author: 'Chris', text: 'My card is **** **** **** 1111', attachments: [] },
      { id: 'c', at: 3, from: 'customer', author: 'Chris', text: 'Ring 0049 30 1234567 or (415) 555-0123 please', attachments: [] }
    ]);
    await Promise.resolve();
    const numbers = [...element.shadowRoot.querySelectorAll('button.number')].map((b) => b.dataset.number);
    expect(numbers).toEqual(['0049 30 1234567', '(415) 555-0123']);
    expect(lines(element).map((l) => l.text)).toEqual([
      'Order 12345678 of 2026-01-05',
      'My card is **** **** **** 1111',
      'Ring 0049 30 1234567 or (415) 555-0123 please'
    ]);
  });
});
