import { createElement } from 'lwc';
import CallSwap from 'c/callSwap';
import secondCall from 'fixtures/panels/voice-second-call.json';
import connected from 'fixtures/panels/voice-connected.json';

function mount(frame) {
  const element = createElement('c-call-swap', { is: CallSwap });
  element.interactions = frame.snapshot.interactions;
  const sent = [];
  element.addEventListener('callcommand', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}

/** Swap is a c-command-button: its real button and reason are in its own shadow tree. */
const swapHost = (element) => element.shadowRoot.querySelector('c-command-button');
const swapButton = (element) => swapHost(element)?.shadowRoot.querySelector('button') ?? null;

describe('c-call-swap', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V11 two calls, one held: Swap holds the live one and resumes the held one', async () => {
    const { element, sent } = mount(secondCall);
    await Promise.resolve();
    const [held, live] = [true, false].map((h) => secondCall.snapshot.interactions.find((i) => i.held === h));
    // The connector refuses resume alone while the other call is live; Swap's first step, hold, is what changes that.
    expect(held.commands.find((c) => c.command === 'resume')).toMatchObject({
      enabled: false,
      reason: 'CALL_HOLD_OTHER_FIRST'
    });
    const swap = swapButton(element);
    expect(swap.textContent.trim()).toBe('Swap calls');
    expect(swap.disabled).toBe(false);
    swap.click();
    expect(sent).toEqual([
      { command: 'hold', interactionId: live.id },
      { command: 'resume', interactionId: held.id }
    ]);
    await expect(element).toBeAccessible();
  });

  it('V11 a step the snapshot refuses disables Swap with its reason', async () => {
    // Derived: the recorded pair with the held call's resume refused as during a consult (CONSULT_IN_PROGRESS).
    const interactions = secondCall.snapshot.interactions.map((i) =>
      (i.held
        ? {
            ...i,
            commands: i.commands.map((c) =>
              (c.command === 'resume'
                ? { command: 'resume', enabled: false, reason: 'CONSULT_IN_PROGRESS', labelKey: 'Reason_ConsultInProgress' }
                : c)
            )
          }
        : i)
    );
    const { element, sent } = mount({ snapshot: { interactions } });
    await Promise.resolve();
    const swap = swapButton(element);
    expect(swap.disabled).toBe(true);
    const id = swap.getAttribute('aria-describedby');
    expect(swapHost(element).shadowRoot.querySelector(`[id="${id}"]`).textContent.trim()).toBeTruthy();
    swap.click();
    expect(sent).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('V11 one call: no swap', async () => {
    const { element } = mount(connected);
    await Promise.resolve();
    expect(swapButton(element)).toBeNull();
  });
});
