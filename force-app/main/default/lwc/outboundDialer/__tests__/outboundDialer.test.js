import { createElement } from 'lwc';
import OutboundDialer from 'c/outboundDialer';
import outboundSkills from 'fixtures/panels/directory-outbound-skills.json';
import emergencyNumbers from 'fixtures/panels/directory-emergency-numbers.json';
import available from 'fixtures/panels/presence-available.json';
import offline from 'fixtures/panels/presence-offline.json';

function mount(props = {}) {
  const element = createElement('c-outbound-dialer', { is: OutboundDialer });
  Object.assign(element, {
    outboundSkills: outboundSkills.document,
    emergencyNumbers: emergencyNumbers.document,
    dial: available.snapshot.commands.dial,
    ...props
  });
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const flush = () => Promise.resolve();
const keypad = (element) => element.shadowRoot.querySelector('c-keypad');
const callButton = (element) => keypad(element).shadowRoot.querySelector('button.slds-button_success');
const type = async (element, value) => {
  const input = keypad(element).shadowRoot.querySelector('input');
  input.value = value;
  input.dispatchEvent(new CustomEvent('input'));
  await flush();
};
const describedText = (element) => {
  const button = callButton(element);
  const id = button.getAttribute('aria-describedby');
  return id ? keypad(element).shadowRoot.querySelector(`[id="${id}"]`)?.textContent : null;
};

describe('c-outbound-dialer', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V9 several outbound skills: the choice is required before Call works, then dial carries it', async () => {
    const { element, sent } = mount();
    await flush();
    const combobox = element.shadowRoot.querySelector('lightning-combobox');
    expect(combobox.required).toBe(true);
    expect(combobox.options).toEqual([
      { label: 'Voice Support', value: 'Voice_Support' },
      { label: 'Voice Sales', value: 'Voice_Sales' }
    ]);
    await type(element, '415 555 0170');
    expect(keypad(element).defaultCountry).toBe('US');
    expect(keypad(element).shadowRoot.textContent).toContain('Dials +14155550170');
    expect(callButton(element).disabled).toBe(true);
    expect(describedText(element)).toBe('Choose an outbound skill to call.');
    combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'Voice_Sales' } }));
    await flush();
    expect(callButton(element).disabled).toBe(false);
    callButton(element).click();
    expect(sent).toHaveLength(1);
    expect(sent[0].command).toBe('dial');
    expect(sent[0].interactionId).toBeUndefined();
    expect(sent[0].args).toEqual({ interactionId: expect.stringMatching(/^voice-[0-9a-f-]{32,36}$/), number: '+14155550170', skillId: 'Voice_Sales' });
    await expect(element).toBeAccessible();
  });

  it('V9 exactly one outbound skill is chosen automatically and said', async () => {
    // Derived: the recorded agent has two outbound skills; the directory with one is the same document, shortened.
    const one = { skills: [outboundSkills.document.skills[0]], choiceRequired: false };
    const { element, sent } = mount({ outboundSkills: one });
    await flush();
    expect(element.shadowRoot.querySelector('lightning-combobox')).toBeNull();
    expect(element.shadowRoot.textContent).toContain('Calls go out as Voice Support.');
    await type(element, '(415) 555-0123');
    callButton(element).click();
    expect(sent[0].args).toMatchObject({ number: '+14155550123', skillId: 'Voice_Support' });
    expect(sent[0].args.holdActiveCall).toBeUndefined();
  });

  it('V9 dial unavailable (Offline): Call is disabled with the snapshot reason; V10 an emergency number still dials', async () => {
    const { element, sent } = mount({ dial: offline.snapshot.commands.dial });
    await flush();
    await type(element, '+1 415 555 0123');
    expect(callButton(element).disabled).toBe(true);
    expect(describedText(element)).toBe('You are offline: set a status first.');
    await type(element, '911');
    expect(callButton(element).disabled).toBe(false);
    callButton(element).click();
    expect(sent[0].args).toEqual({ interactionId: expect.stringMatching(/^voice-/), number: '911' });
    await expect(element).toBeAccessible();
  });

  it('V11 while a call is live, the dialer says so and offers to hold it: Hold and call sends holdActiveCall', async () => {
    const { element, sent } = mount({ liveCall: true });
    await flush();
    expect(element.shadowRoot.textContent).toContain('Your current call is not on hold. Calling puts it on hold first.');
    element
      .shadowRoot.querySelector('lightning-combobox')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'Voice_Support' } }));
    await type(element, '4155550170');
    expect(callButton(element).textContent.trim()).toBe('Hold and call');
    callButton(element).click();
    expect(sent[0].args).toMatchObject({ number: '+14155550170', skillId: 'Voice_Support', holdActiveCall: true });
    await expect(element).toBeAccessible();
  });
});
