// The shared command button over the recorded snapshots' commands.
import { createElement } from 'lwc';
import CommandButton, { repeatedReasons } from 'c/commandButton';
import { reasonText } from 'c/reasonLabels';
import voiceHeld from 'fixtures/panels/voice-held.json';

const commandOf = (name) => voiceHeld.snapshot.interactions[0].commands.find((c) => c.command === name);

function mount(props) {
  const element = createElement('c-command-button', { is: CommandButton });
  Object.assign(element, { label: 'End call', ...props });
  const presses = [];
  element.addEventListener('press', () => presses.push(true));
  document.body.appendChild(element);
  return { element, presses, button: () => element.shadowRoot.querySelector('button') };
}
const flush = () => Promise.resolve();

describe('c-command-button', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V2 an enabled command: the button with its variant and icon fires press; nothing else is said', async () => {
    const { element, presses, button } = mount({
      availability: commandOf('resume'),
      variant: 'brand',
      iconName: 'utility:play'
    });
    await flush();
    expect(button().className).toBe('slds-button slds-button_brand');
    expect(button().textContent.trim()).toBe('End call');
    expect(button().disabled).toBe(false);
    expect(button().hasAttribute('aria-describedby')).toBe(false);
    expect(element.shadowRoot.querySelector('lightning-icon').iconName).toBe('utility:play');
    button().click();
    expect(presses).toHaveLength(1);
    await expect(element).toBeAccessible();
  });

  it('V3 a disabled command says why in visible text the button is described by, and fires nothing', async () => {
    const { element, presses, button } = mount({ availability: commandOf('end'), variant: 'destructive' });
    await flush();
    expect(button().disabled).toBe(true);
    const reason = element.shadowRoot.querySelector(`[id="${button().getAttribute('aria-describedby')}"]`);
    expect(reason.textContent).toBe(reasonText('Reason_CallOnHold'));
    expect(reason.classList.contains('slds-assistive-text')).toBe(false);
    button().click();
    expect(presses).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('V2 the parent’s own disabled holds an enabled command back, silently; no availability is disabled', async () => {
    const held = mount({ availability: commandOf('resume'), disabled: true });
    const none = mount({ availability: null });
    await flush();
    for (const { element, button, presses } of [held, none]) {
      expect(button().disabled).toBe(true);
      expect(element.shadowRoot.querySelector('p')).toBeNull();
      button().click();
      expect(presses).toEqual([]);
    }
    await expect(held.element).toBeAccessible();
  });

  it('V2 a toggle says whether it is expanded; stretch takes the width', async () => {
    const { element, button } = mount({ availability: commandOf('resume'), expanded: 'false', stretch: true });
    await flush();
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(button().classList.contains('slds-button_stretch')).toBe(true);
    element.expanded = true;
    await flush();
    expect(button().getAttribute('aria-expanded')).toBe('true');
    await expect(element).toBeAccessible();
  });

  it('V3 a quiet reason (a sibling shows it) is still what the button is described by', async () => {
    const { element, button } = mount({ availability: commandOf('end'), quietReason: true });
    await flush();
    const reason = element.shadowRoot.querySelector(`[id="${button().getAttribute('aria-describedby')}"]`);
    expect(reason.className).toBe('slds-assistive-text');
    expect(reason.textContent).toBe(reasonText('Reason_CallOnHold'));
    await expect(element).toBeAccessible();
  });

  it('V2 repeatedReasons marks the buttons whose reason an earlier one shows', () => {
    const refused = (labelKey) => ({ command: 'x', enabled: false, labelKey });
    expect(
      repeatedReasons([refused('Reason_A'), { command: 'y', enabled: true }, refused('Reason_A'), refused('Reason_B'), null])
    ).toEqual([false, false, true, false, false]);
  });
});
