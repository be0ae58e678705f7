import { createElement } from 'lwc';
import Keypad from 'c/keypad';
import emergencyNumbers from 'fixtures/panels/directory-emergency-numbers.json';

function mount(props = {}) {
  const element = createElement('c-keypad', { is: Keypad });
  Object.assign(element, props);
  const events = [];
  element.addEventListener('dial', (event) => events.push({ dial: event.detail }));
  element.addEventListener('digits', (event) => events.push({ digits: event.detail }));
  document.body.appendChild(element);
  return { element, events };
}
const flush = () => Promise.resolve();
const keys = (element) => [...element.shadowRoot.querySelectorAll('button[data-key]')];
const key = (element, k) => element.shadowRoot.querySelector(`button[data-key="${k}"]`);
const field = (element) => element.shadowRoot.querySelector('input');
const action = (element) => element.shadowRoot.querySelector('button.slds-button_success');
const type = (input, value) => {
  input.value = value;
  input.dispatchEvent(new CustomEvent('input'));
};
const keydown = (input, k) => {
  const event = new KeyboardEvent('keydown', { key: k, cancelable: true });
  input.dispatchEvent(event);
  return event;
};

describe('c-keypad', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V9 is a 3 x 4 grid of real buttons 1-9, *, 0, # with spoken names for * and #', async () => {
    const { element } = mount();
    await flush();
    expect(keys(element).map((b) => b.textContent.trim())).toEqual([
      '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'
    ]);
    expect(key(element, '*').getAttribute('aria-label')).toBe('Star');
    expect(key(element, '#').getAttribute('aria-label')).toBe('Hash');
    expect(element.shadowRoot.querySelector('[role="group"]').getAttribute('aria-label')).toBe('Keypad');
    await expect(element).toBeAccessible();
  });

  it('V9 V4 a typed national number shows its E.164 form; Call enables only once it is valid and dials that form', async () => {
    const { element, events } = mount();
    await flush();
    const input = field(element);
    type(input, '(415) 555-01');
    await flush();
    expect(action(element).disabled).toBe(true);
    expect(element.shadowRoot.textContent).toContain('Not a valid number yet. Type it with its area code.');
    type(input, '(415) 555-0123');
    await flush();
    expect(element.shadowRoot.textContent).toContain('Dials +14155550123');
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
    expect(action(element).disabled).toBe(false);
    expect(action(element).textContent.trim()).toBe('Call');
    action(element).click();
    expect(events).toEqual([{ dial: { number: '+14155550123' } }]);
    await expect(element).toBeAccessible();
  });

  it('V9 keys pressed on the grid type the number; Delete removes the last one; Enter in the field dials', async () => {
    const { element, events } = mount({ defaultCountry: 'GB' });
    await flush();
    for (const k of '02079460018') key(element, k).click();
    key(element, '9').click();
    await flush();
    expect(field(element).value).toBe('020794600189');
    element.shadowRoot.querySelector('lightning-button-icon').click();
    await flush();
    expect(field(element).value).toBe('02079460018');
    expect(element.shadowRoot.textContent).toContain('Dials +442079460018');
    expect(keydown(field(element), 'a').defaultPrevented).toBe(true);
    expect(keydown(field(element), '5').defaultPrevented).toBe(false);
    keydown(field(element), 'Enter');
    expect(events).toEqual([{ dial: { number: '+442079460018' } }]);
  });

  it('V10 an emergency number from the directory is dialled as typed', async () => {
    const { element, events } = mount({ emergencyNumbers: emergencyNumbers.document.numbers, value: '911' });
    await flush();
    expect(element.shadowRoot.textContent).toContain('Dials 911');
    action(element).click();
    expect(events).toEqual([{ dial: { number: '911' } }]);
  });

  it('V10 an emergency number is never blocked by a reason (status, skill choice)', async () => {
    const { element, events } = mount({
      emergencyNumbers: emergencyNumbers.document.numbers,
      value: '933',
      unavailableReason: 'Choose an outbound skill to call.'
    });
    await flush();
    expect(action(element).disabled).toBe(false);
    action(element).click();
    expect(events).toEqual([{ dial: { number: '933' } }]);
  });

  it('V4 the action carries its own label; a reason from the snapshot disables it and describes it', async () => {
    const { element, events } = mount({
      actionLabel: 'Consult',
      value: '+1 415 555 0150',
      unavailableReason: 'You are offline.'
    });
    await flush();
    const button = action(element);
    expect(button.textContent.trim()).toBe('Consult');
    expect(button.disabled).toBe(true);
    const id = button.getAttribute('aria-describedby');
    expect(element.shadowRoot.querySelector(`[id="${id}"]`).textContent).toBe('You are offline.');
    button.click();
    expect(events).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('V2 in digits mode each key pressed or typed sends its tone at once and shows the tones sent', async () => {
    const { element, events } = mount({ mode: 'digits' });
    await flush();
    expect(action(element)).toBeNull();
    key(element, '1').click();
    key(element, '#').click();
    const input = field(element);
    expect(keydown(input, '4').defaultPrevented).toBe(true);
    keydown(input, 'x');
    keydown(input, '*');
    await flush();
    expect(events).toEqual([
      { digits: { digits: '1' } },
      { digits: { digits: '#' } },
      { digits: { digits: '4' } },
      { digits: { digits: '*' } }
    ]);
    expect(input.value).toBe('1#4*');
    await expect(element).toBeAccessible();
  });

  it('V7 in digits mode a reason disables every key, visibly', async () => {
    const reason = 'Not possible in a conference: this works on two-party calls only.';
    const { element, events } = mount({ mode: 'digits', unavailableReason: reason });
    await flush();
    expect(keys(element).every((b) => b.disabled)).toBe(true);
    keydown(field(element), '5');
    expect(events).toEqual([]);
    expect(element.shadowRoot.textContent).toContain(reason);
    await expect(element).toBeAccessible();
  });
});
