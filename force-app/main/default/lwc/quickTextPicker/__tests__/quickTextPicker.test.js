import { createElement } from 'lwc';
import QuickTextPicker from 'c/quickTextPicker';
import quickTexts from 'fixtures/panels/directory-quick-texts.json';
import quickTextsDe from 'fixtures/panels/directory-quick-texts-de.json';

function mount(texts = quickTexts.document.texts) {
  const element = createElement('c-quick-text-picker', { is: QuickTextPicker });
  element.texts = texts;
  element.channel = 'chat';
  const events = [];
  element.addEventListener('insert', (event) => events.push(event.detail.message));
  element.addEventListener('close', () => events.push('close'));
  document.body.appendChild(element);
  return { element, events };
}
const input = (element) => element.shadowRoot.querySelector('input');
const names = (element) => [...element.shadowRoot.querySelectorAll('[role="option"] .slds-listbox__option-text')].map((n) => n.textContent);
const key = (element, k) => {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  input(element).dispatchEvent(event);
  return event;
};
const type = (element, value) => {
  input(element).value = value;
  input(element).dispatchEvent(new CustomEvent('input'));
};

describe('c-quick-text-picker', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C7 lists the Quick Texts, typing filters by name, text or category', async () => {
    const { element } = mount();
    await Promise.resolve();
    expect(names(element)).toEqual(['Apology (en)', 'Closing (en)', 'Hold (en)', 'Greeting (en)']);
    type(element, 'moment');
    await Promise.resolve();
    expect(names(element)).toEqual(['Hold (en)']);
    type(element, 'greetings');
    await Promise.resolve();
    expect(names(element)).toEqual(['Greeting (en)']);
    type(element, 'zzz');
    await Promise.resolve();
    expect(names(element)).toEqual([]);
    expect(element.shadowRoot.textContent).toContain('No Quick Text matches');
    await expect(element).toBeAccessible();
  });

  it('C7 arrow keys move the highlight (wrapping), Enter inserts it, Escape closes', async () => {
    const { element, events } = mount();
    await Promise.resolve();
    const selected = () => element.shadowRoot.querySelector('[aria-selected="true"] .slds-listbox__option-text').textContent;
    expect(selected()).toBe('Apology (en)');
    expect(key(element, 'ArrowDown').defaultPrevented).toBe(true);
    key(element, 'ArrowDown');
    await Promise.resolve();
    expect(selected()).toBe('Hold (en)');
    expect(input(element).getAttribute('aria-activedescendant')).toBe(element.shadowRoot.querySelector('[aria-selected="true"]').id);
    key(element, 'ArrowUp');
    key(element, 'ArrowUp');
    key(element, 'ArrowUp');
    await Promise.resolve();
    expect(selected()).toBe('Greeting (en)');
    key(element, 'Enter');
    expect(events).toEqual(['Hello {!Contact.FirstName}, thank you for contacting us. How can I help you today?']);
    key(element, 'Escape');
    expect(events[1]).toBe('close');
    await expect(element).toBeAccessible();
  });

  it('C7 a click picks too; the German agent gets the German texts', async () => {
    const { element, events } = mount(quickTextsDe.document.texts);
    await Promise.resolve();
    element.shadowRoot.querySelectorAll('[role="option"]')[1].click();
    expect(events).toEqual([quickTextsDe.document.texts[1].message]);
  });
});
