import { createElement } from 'lwc';
import DigitalInbox, { ROW_HEIGHT } from 'c/digitalInbox';
import inboxFrame from 'fixtures/panels/inbox.json';
import resolvedFrame from 'fixtures/panels/inbox-resolved.json';

function mount(inbox) {
  const element = createElement('c-digital-inbox', { is: DigitalInbox });
  element.inbox = inbox;
  const events = [];
  element.addEventListener('viewchange', (event) => events.push(['view', event.detail]));
  element.addEventListener('open', (event) => events.push(['open', event.detail]));
  document.body.appendChild(element);
  return { element, events };
}
const rows = (element) =>
  [...element.shadowRoot.querySelectorAll('li')].map((li) => ({
    name: li.querySelector('.inbox-name').textContent,
    unread: li.className.includes('inbox-row_unread'),
    status: li.querySelector('.inbox-chips .slds-badge').textContent
  }));

/** A window of a big inbox, as the connector sends it (the same shape as the recorded one). */
function bigInbox(total, offset, count) {
  const template = inboxFrame.inbox.items[0];
  const items = Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `x-${offset + i}`,
    customerName: `Customer ${offset + i}`,
    unread: 0,
    status: 'Open'
  }));
  return { ...inboxFrame.inbox, total, offset, items };
}

describe('c-digital-inbox', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('D1 D2 D8 the recorded inbox: a row per conversation, unread bold with its count, status New', async () => {
    const { element } = mount(inboxFrame.inbox);
    await Promise.resolve();
    expect(rows(element)).toEqual(
      inboxFrame.inbox.items.map((item) => ({ name: item.customerName, unread: true, status: 'New' }))
    );
    const icons = [...element.shadowRoot.querySelectorAll('li lightning-icon')].map((i) => i.iconName);
    expect(new Set(icons).size).toBeGreaterThan(3);
    const first = element.shadowRoot.querySelector('li .inbox-open');
    expect(first.getAttribute('aria-label')).toBe(
      `${inboxFrame.inbox.items[0].customerName}, New, 1 unread. Open to take it.`
    );
    await expect(element).toBeAccessible();
  });

  it('D8 a replied conversation shows Resolved and is no longer bold', async () => {
    const { element } = mount(resolvedFrame.inbox);
    await Promise.resolve();
    const whatsapp = resolvedFrame.inbox.items.find((i) => i.channel === 'whatsapp');
    expect(rows(element).find((r) => r.name === whatsapp.customerName)).toEqual({
      name: whatsapp.customerName,
      unread: false,
      status: 'Resolved'
    });
  });

  it('D3 choosing a sort asks the connector for that window, from the top', async () => {
    const { element, events } = mount(inboxFrame.inbox);
    await Promise.resolve();
    const combobox = element.shadowRoot.querySelector('lightning-combobox');
    expect(combobox.options.map((o) => o.value)).toEqual(['received', 'priority', 'channel', 'waitingSince']);
    combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'waitingSince' } }));
    expect(events).toEqual([['view', { sort: 'waitingSince', tags: [], offset: 0, limit: 40 }]]);
  });

  it('D3 tags filter: pressing a tag adds it, pressing again removes it', async () => {
    const { element, events } = mount({ ...inboxFrame.inbox, tagChoices: ['vip', 'billing'], tags: ['vip'] });
    await Promise.resolve();
    const [vip, billing] = element.shadowRoot.querySelectorAll('[data-tag]');
    expect(vip.getAttribute('aria-pressed')).toBe('true');
    billing.click();
    vip.click();
    expect(events.map((e) => e[1].tags)).toEqual([['vip', 'billing'], []]);
  });

  it('D4 opening a row takes it', async () => {
    const { element, events } = mount(inboxFrame.inbox);
    await Promise.resolve();
    element.shadowRoot.querySelector('li .inbox-open').click();
    expect(events).toEqual([['open', { interactionId: inboxFrame.inbox.items[0].id }]]);
  });

  it('D2 10,000 conversations: only the window is rendered, the list is as tall as all, scrolling asks for the rows in sight', async () => {
    const { element, events } = mount(bigInbox(10_000, 0, 40));
    await Promise.resolve();
    expect(element.shadowRoot.querySelectorAll('li')).toHaveLength(40);
    expect(element.shadowRoot.querySelector('ul').style.height).toBe(`${10_000 * ROW_HEIGHT}px`);
    const viewport = element.shadowRoot.querySelector('.inbox-viewport');
    Object.defineProperty(viewport, 'clientHeight', { value: 6 * ROW_HEIGHT });
    viewport.scrollTop = 10 * ROW_HEIGHT; // still inside the window the panel has
    viewport.dispatchEvent(new CustomEvent('scroll'));
    expect(events).toEqual([]);
    viewport.scrollTop = 5_000 * ROW_HEIGHT;
    viewport.dispatchEvent(new CustomEvent('scroll'));
    expect(events).toEqual([['view', { sort: 'received', tags: [], offset: 4_990, limit: 40 }]]);
    element.inbox = bigInbox(10_000, 4_990, 40);
    await Promise.resolve();
    const first = element.shadowRoot.querySelector('li');
    expect(first.style.top).toBe(`${4_990 * ROW_HEIGHT}px`);
    expect(first.getAttribute('aria-posinset')).toBe('4991');
  });

  it('a customer name is text, never markup', async () => {
    const hostile = {
      ...inboxFrame.inbox,
      items: [{ ...inboxFrame.inbox.items[0], customerName: '<img src=x onerror=alert(1)>' }]
    };
    const { element } = mount(hostile);
    await Promise.resolve();
    expect(rows(element)[0].name).toBe('<img src=x onerror=alert(1)>');
    expect(element.shadowRoot.querySelector('img')).toBeNull();
  });
});
