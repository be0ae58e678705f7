import { createElement } from 'lwc';
import ShortcutHelp from 'c/shortcutHelp';

function mount() {
  const element = createElement('c-shortcut-help', { is: ShortcutHelp });
  document.body.appendChild(element);
  return element;
}
const flush = () => Promise.resolve();

describe('c-shortcut-help', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V2 C4 a button opens the list of shortcuts: what each does and its keys; pressed again it closes', async () => {
    const element = mount();
    await flush();
    const button = element.shadowRoot.querySelector('button');
    expect(button.title).toBe('Keyboard shortcuts');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(element.shadowRoot.querySelector('li')).toBeNull();
    button.click();
    await flush();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(element.shadowRoot.querySelector('h2').textContent).toBe('Keyboard shortcuts');
    const rows = [...element.shadowRoot.querySelectorAll('li')].map((li) => [
      li.querySelector('.action').textContent,
      li.querySelector('kbd').textContent
    ]);
    expect(rows).toEqual([
      ['Accept the newest offer', 'Alt+Shift+A'],
      ['Decline the newest offer', 'Alt+Shift+D'],
      ['Hold or resume the call', 'Alt+Shift+H'],
      ['Mute or unmute the call', 'Alt+Shift+M'],
      ['End the call', 'Alt+Shift+E'],
      ['Send the message (in the message box)', 'Enter']
    ]);
    await expect(element).toBeAccessible();
    button.click();
    await flush();
    expect(element.shadowRoot.querySelector('li')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('V2 Escape closes the list and gives the focus back to the button', async () => {
    const element = mount();
    await flush();
    const button = element.shadowRoot.querySelector('button');
    button.click();
    await flush();
    element.shadowRoot
      .querySelector('li')
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await flush();
    expect(element.shadowRoot.querySelector('li')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(element.shadowRoot.activeElement).toBe(button);
    await expect(element).toBeAccessible();
  });
});
