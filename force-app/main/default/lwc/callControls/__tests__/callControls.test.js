import { createElement } from 'lwc';
import CallControls from 'c/callControls';
import connected from 'fixtures/panels/voice-connected.json';
import held from 'fixtures/panels/voice-held.json';
import conference from 'fixtures/panels/voice-conference.json';
import offered from 'fixtures/panels/voice-offered.json';
import wrapUp from 'fixtures/panels/voice-wrap-up.json';

const callOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'voice');

function mount(frame) {
  const element = createElement('c-call-controls', { is: CallControls });
  element.call = callOf(frame);
  const sent = [];
  element.addEventListener('callcommand', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const button = (element, name) =>
  [...element.shadowRoot.querySelectorAll('button')].find(
    (b) => (b.querySelector('.slds-assistive-text')?.textContent ?? b.textContent).trim() === name
  );
const describedBy = (element, b) => {
  const id = b.getAttribute('aria-describedby');
  return id ? element.shadowRoot.querySelector(`[id="${id}"]`)?.textContent.trim() : null;
};

describe('c-call-controls', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V2 a connected call: toggles not pressed, each press sends its command; End ends', async () => {
    const { element, sent } = mount(connected);
    await Promise.resolve();
    for (const name of ['Hold', 'Mute', 'Record', 'Mask recording']) {
      expect(button(element, name).getAttribute('aria-pressed')).toBe('false');
    }
    button(element, 'Hold').click();
    button(element, 'Mute').click();
    button(element, 'End call').click();
    const id = callOf(connected).id;
    expect(sent).toEqual([
      { command: 'hold', interactionId: id },
      { command: 'mute', interactionId: id },
      { command: 'end', interactionId: id }
    ]);
    await expect(element).toBeAccessible();
  });

  it('V2 V3 V5 a held call: Hold is pressed and pressing it resumes; End is refused and says why; the hold time runs', async () => {
    const { element, sent } = mount(held);
    await Promise.resolve();
    const hold = button(element, 'Hold');
    expect(hold.getAttribute('aria-pressed')).toBe('true');
    const end = button(element, 'End call');
    expect(end.disabled).toBe(true);
    expect(describedBy(element, end)).toBe('The call is on hold: resume it first.');
    expect(element.shadowRoot.textContent).toContain('The call is on hold: resume it first.');
    expect(element.shadowRoot.querySelector('c-elapsed-timer').since).toBe(callOf(held).heldSince);
    end.click();
    hold.click();
    expect(sent).toEqual([{ command: 'resume', interactionId: callOf(held).id }]);
    await expect(element).toBeAccessible();
  });

  it('V7 in a conference hold and mask are refused, the reason said once', async () => {
    const { element } = mount(conference);
    await Promise.resolve();
    expect(button(element, 'Hold').disabled).toBe(true);
    expect(button(element, 'Mask recording').disabled).toBe(true);
    expect(button(element, 'Mute').disabled).toBe(false);
    expect(describedBy(element, button(element, 'Hold'))).toBe(
      'Not possible in a conference: this works on two-party calls only.'
    );
    const reasons = [...element.shadowRoot.querySelectorAll('p')].map((p) => p.textContent.trim());
    expect(reasons).toEqual(['Not possible in a conference: this works on two-party calls only.']);
    await expect(element).toBeAccessible();
  });

  it('V2 the Keypad button opens the keypad in digits mode; each key sends sendDigits {digits}', async () => {
    const { element, sent } = mount(connected);
    await Promise.resolve();
    const toggle = button(element, 'Keypad');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await Promise.resolve();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const keypad = element.shadowRoot.querySelector('c-keypad');
    expect(keypad.mode).toBe('digits');
    keypad.dispatchEvent(new CustomEvent('digits', { detail: { digits: '5' } }));
    keypad.shadowRoot.querySelector('button[data-key="#"]').click();
    expect(sent).toEqual([
      { command: 'sendDigits', interactionId: callOf(connected).id, args: { digits: '5' } },
      { command: 'sendDigits', interactionId: callOf(connected).id, args: { digits: '#' } }
    ]);
    await expect(element).toBeAccessible();
  });

  it('V7 V2 in a conference the Keypad is disabled with the snapshot reason', async () => {
    const { element } = mount(conference);
    await Promise.resolve();
    const keypad = button(element, 'Keypad');
    expect(keypad.disabled).toBe(true);
    expect(describedBy(element, keypad)).toBe('Not possible in a conference: this works on two-party calls only.');
    keypad.click();
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('c-keypad')).toBeNull();
  });

  it('V3 V2 a held call cannot send tones: the Keypad says why', async () => {
    const { element } = mount(held);
    await Promise.resolve();
    const keypad = button(element, 'Keypad');
    expect(keypad.disabled).toBe(true);
    expect(describedBy(element, keypad)).toBe('The call is on hold: resume it first.');
  });

  it('shows no call controls for an offer or in wrap-up', async () => {
    const elements = [offered, wrapUp].map((frame) => mount(frame).element);
    await Promise.resolve();
    for (const element of elements) expect(element.shadowRoot.querySelector('button')).toBeNull();
  });
});
