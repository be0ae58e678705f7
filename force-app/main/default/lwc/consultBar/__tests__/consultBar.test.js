import { createElement } from 'lwc';
import ConsultBar from 'c/consultBar';
import connected from 'fixtures/panels/voice-connected.json';
import consult from 'fixtures/panels/voice-consult.json';
import addressBook from 'fixtures/panels/directory-address-book.json';

const callOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'voice');

function mount(call) {
  const element = createElement('c-consult-bar', { is: ConsultBar });
  Object.assign(element, { call, addressBook: addressBook.document.entries });
  const sent = [];
  element.addEventListener('callcommand', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const flush = () => Promise.resolve();
/** The actions are c-command-buttons: their real buttons and reasons are in their own shadow trees. */
const buttons = (element) =>
  [...element.shadowRoot.querySelectorAll('c-command-button')].map((c) => c.shadowRoot.querySelector('button'));
const button = (element, name) => buttons(element).find((b) => b.textContent.trim() === name);
const describedBy = (b) => b.getRootNode().querySelector(`[id="${b.getAttribute('aria-describedby')}"]`);

describe('c-consult-bar', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V6 a connected consult: who, its state and timer; Merge, Complete transfer and Cancel consult send their commands', async () => {
    const call = callOf(consult);
    const { element, sent } = mount(call);
    await flush();
    expect(element.shadowRoot.textContent).toContain('Consulting Billing department');
    expect(element.shadowRoot.textContent).toContain('Connected');
    expect(element.shadowRoot.textContent).toContain('+14155550150');
    expect(element.shadowRoot.querySelector('c-elapsed-timer').since).toBe(call.consult.connectedAt);
    button(element, 'Merge').click();
    button(element, 'Complete transfer').click();
    button(element, 'Cancel consult').click();
    expect(sent).toEqual([
      { command: 'merge', interactionId: call.id },
      { command: 'completeTransfer', interactionId: call.id },
      { command: 'cancelConsult', interactionId: call.id }
    ]);
    await expect(element).toBeAccessible();
  });

  it('V6 Merge refused by the snapshot is disabled and says why', async () => {
    // Derived: the recorded consult with merge refused as the connector refuses it while masked (CALL_MASKED).
    const call = callOf(consult);
    const masked = {
      ...call,
      commands: call.commands.map((c) =>
        (c.command === 'merge' ? { command: 'merge', enabled: false, reason: 'CALL_MASKED', labelKey: 'Reason_CallMasked' } : c)
      )
    };
    const { element, sent } = mount(masked);
    await flush();
    const merge = button(element, 'Merge');
    expect(merge.disabled).toBe(true);
    expect(describedBy(merge).textContent.trim()).toBeTruthy();
    merge.click();
    expect(sent).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('V6 two actions refused for the same reason: both are described by it, it is shown once', async () => {
    // Derived: the recorded consult with Merge and Complete transfer refused alike while masked (CALL_MASKED).
    const call = callOf(consult);
    const refused = { enabled: false, reason: 'CALL_MASKED', labelKey: 'Reason_CallMasked' };
    const masked = {
      ...call,
      commands: call.commands.map((c) =>
        (['merge', 'completeTransfer'].includes(c.command) ? { command: c.command, ...refused } : c)
      )
    };
    const { element } = mount(masked);
    await flush();
    const [merge, complete] = [button(element, 'Merge'), button(element, 'Complete transfer')];
    expect(describedBy(merge).textContent).toBe(describedBy(complete).textContent);
    expect(describedBy(merge).className).not.toContain('slds-assistive-text');
    expect(describedBy(complete).className).toContain('slds-assistive-text');
    await expect(element).toBeAccessible();
  });

  it('shows nothing without a consult', async () => {
    const { element } = mount(callOf(connected));
    await flush();
    expect(element.shadowRoot.querySelector('c-command-button')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
