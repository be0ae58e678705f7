import { createElement } from 'lwc';
import TranscriptView from 'c/transcriptView';
import wrapUp from 'fixtures/panels/chat-wrap-up.json';

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
});
