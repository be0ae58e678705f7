import { createElement } from 'lwc';
import DigitalSwitcher from 'c/digitalSwitcher';
import switcherFrame from 'fixtures/panels/digital-switcher.json';

/** The agent's open conversations as the panel hands them over, from the recorded snapshot. */
const conversations = switcherFrame.snapshot.interactions.map((i) => ({
  id: i.id,
  name: i.customer.name ?? i.customer.address,
  channel: i.channel,
  unread: i.unread
}));

function mount(props = {}) {
  const element = createElement('c-digital-switcher', { is: DigitalSwitcher });
  Object.assign(element, { conversations, selectedId: null }, props);
  const events = [];
  element.addEventListener('select', (event) => events.push(event.detail));
  document.body.appendChild(element);
  return { element, events };
}
const buttons = (element) => [...element.shadowRoot.querySelectorAll('button')];

describe('c-digital-switcher', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('D11 lists Home and every open conversation with its unread count; Home is current on the list', async () => {
    const { element } = mount();
    await Promise.resolve();
    const [home, ...rest] = buttons(element);
    expect(home.textContent).toContain('Home');
    expect(home.getAttribute('aria-current')).toBe('page');
    expect(rest).toHaveLength(5);
    const whatsapp = switcherFrame.snapshot.interactions.find((i) => i.channel === 'whatsapp');
    const button = rest.find((b) => b.dataset.id === whatsapp.id);
    expect(whatsapp.unread).toBeGreaterThan(0);
    expect(button.getAttribute('aria-label')).toBe(`${whatsapp.customer.name}, WhatsApp, ${whatsapp.unread} unread`);
    expect(button.querySelector('.slds-badge').textContent).toBe(String(whatsapp.unread));
    const read = rest.find((b) => b.dataset.id !== whatsapp.id);
    expect(read.querySelector('.slds-badge')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('D11 pressing a conversation jumps to it; Home goes back to the list', async () => {
    const { element, events } = mount({ selectedId: conversations[1].id });
    await Promise.resolve();
    const [home, first, second] = buttons(element);
    expect(second.getAttribute('aria-current')).toBe('page');
    expect(home.getAttribute('aria-current')).toBeNull();
    first.click();
    home.click();
    expect(events).toEqual([{ interactionId: conversations[0].id }, { interactionId: null }]);
  });

  it('D11 keyboard: one tab stop; arrows move between the buttons, Home and End jump to the ends', async () => {
    const { element } = mount();
    await Promise.resolve();
    const all = buttons(element);
    expect(all.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    all[0].focus();
    all[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(element.shadowRoot.activeElement).toBe(all[1]);
    expect(all[1].tabIndex).toBe(0);
    all[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    expect(element.shadowRoot.activeElement).toBe(all[5]);
    all[5].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(element.shadowRoot.activeElement).toBe(all[0]);
    all[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    expect(element.shadowRoot.activeElement).toBe(all[5]);
    all[5].dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect(element.shadowRoot.activeElement).toBe(all[0]);
  });

  it('D11 a customer name is text, never markup', async () => {
    const hostile = [{ ...conversations[0], name: '<img src=x onerror=alert(1)>' }];
    const { element } = mount({ conversations: hostile });
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('.switcher-name').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(element.shadowRoot.querySelector('img')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
