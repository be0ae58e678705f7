import { createElement } from 'lwc';
import CallTransfer from 'c/callTransfer';
import connected from 'fixtures/panels/voice-connected.json';
import consult from 'fixtures/panels/voice-consult.json';
import conference from 'fixtures/panels/voice-conference.json';
import dialing from 'fixtures/panels/voice-outbound-dialing.json';
import agentsDelta from 'fixtures/panels/agents-delta.json';
import queues from 'fixtures/panels/directory-queues.json';
import addressBook from 'fixtures/panels/directory-address-book.json';
import welcome from 'fixtures/panels/welcome.json';
import { reasonText } from 'c/reasonLabels';

const callOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'voice');

function mount(frame) {
  const element = createElement('c-call-transfer', { is: CallTransfer });
  Object.assign(element, {
    call: callOf(frame),
    agents: agentsDelta.upserts,
    queues: queues.document.queues,
    addressBook: addressBook.document.entries,
    selfId: welcome.agent.agentId
  });
  const sent = [];
  element.addEventListener('callcommand', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const flush = () => Promise.resolve();
/** Every real button: the component's own and those inside its c-command-buttons. */
const button = (element, name) =>
  [
    ...element.shadowRoot.querySelectorAll('button'),
    ...[...element.shadowRoot.querySelectorAll('c-command-button')].map((c) => c.shadowRoot.querySelector('button'))
  ].find((b) => b.textContent.trim() === name);
/** The text a button is described by, in the shadow tree the button is in. */
const describedBy = (element, b) => {
  const id = b.getAttribute('aria-describedby');
  return id ? b.getRootNode().querySelector(`[id="${id}"]`)?.textContent.trim() : null;
};
const pick = async (element, target) => {
  element.shadowRoot.querySelector('c-target-picker').dispatchEvent(new CustomEvent('select', { detail: { target } }));
  await flush();
};

describe('c-call-transfer', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V4 opens the target picker with the directories; Consult sends consult {target} (V5 holds the customer)', async () => {
    const { element, sent } = mount(connected);
    await flush();
    const toggle = button(element, 'Transfer or consult');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const picker = element.shadowRoot.querySelector('c-target-picker');
    expect(picker.agents).toEqual(agentsDelta.upserts);
    expect(picker.selfId).toBe(welcome.agent.agentId);
    expect(picker.channel).toBe('voice');
    await pick(element, { kind: 'agent', agentId: '0058d0000000003AAA' });
    expect(element.shadowRoot.textContent).toContain('Target: Oliver Bennett');
    button(element, 'Consult').click();
    expect(sent).toEqual([
      {
        command: 'consult',
        interactionId: callOf(connected).id,
        args: { target: { kind: 'agent', agentId: '0058d0000000003AAA' } }
      }
    ]);
    await flush();
    expect(element.shadowRoot.querySelector('c-target-picker')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('V4 Transfer now sends blindTransfer {target}; Choose another goes back to the list', async () => {
    const { element, sent } = mount(connected);
    await flush();
    button(element, 'Transfer or consult').click();
    await flush();
    await pick(element, { kind: 'contact', contactId: 'billing', number: '+14155550150' });
    expect(element.shadowRoot.textContent).toContain('Target: Billing department');
    button(element, 'Choose another').click();
    await flush();
    await pick(element, { kind: 'queue', queueId: 'Voice_Sales' });
    expect(element.shadowRoot.textContent).toContain('Target: Voice Sales');
    button(element, 'Transfer now').click();
    expect(sent).toEqual([
      {
        command: 'blindTransfer',
        interactionId: callOf(connected).id,
        args: { target: { kind: 'queue', queueId: 'Voice_Sales' } }
      }
    ]);
  });

  it('V6 V7 in a conference Consult adds a party; Transfer now is disabled and says why', async () => {
    const { element, sent } = mount(conference);
    await flush();
    button(element, 'Transfer or consult').click();
    await flush();
    await pick(element, { kind: 'number', number: '+14155550199' });
    const blind = button(element, 'Transfer now');
    expect(blind.disabled).toBe(true);
    expect(describedBy(element, blind)).toBe('Not possible in a conference: this works on two-party calls only.');
    blind.click();
    button(element, 'Consult').click();
    expect(sent).toEqual([
      { command: 'consult', interactionId: callOf(conference).id, args: { target: { kind: 'number', number: '+14155550199' } } }
    ]);
    await expect(element).toBeAccessible();
  });

  it.each([
    ['a consult is up', consult],
    ['the call still rings out', dialing]
  ])('V4 while %s, the toggle is disabled and says why', async (_, frame) => {
    const { element } = mount(frame);
    await flush();
    const toggle = button(element, 'Transfer or consult');
    expect(toggle.disabled).toBe(true);
    const key = callOf(frame).commands.find((c) => c.command === 'consult').labelKey;
    expect(describedBy(element, toggle)).toBe(reasonText(key));
    await expect(element).toBeAccessible();
  });
});
