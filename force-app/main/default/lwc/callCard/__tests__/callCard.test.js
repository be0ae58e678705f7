import { createElement } from 'lwc';
import CallCard from 'c/callCard';
import connected from 'fixtures/panels/voice-connected.json';
import dialing from 'fixtures/panels/voice-outbound-dialing.json';
import wrapUp from 'fixtures/panels/voice-wrap-up.json';
import emergency from 'fixtures/panels/voice-emergency.json';
import secondCall from 'fixtures/panels/voice-second-call.json';

const callOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'voice');
function mount(call) {
  const element = createElement('c-call-card', { is: CallCard });
  element.call = call;
  document.body.appendChild(element);
  return element;
}
const lines = (element) => [...element.shadowRoot.querySelectorAll('h2, p')].map((p) => p.textContent.trim());

describe('c-call-card', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V1 S6 a connected call: the matched contact, the number, direction and queue, the talk time', async () => {
    const call = callOf(connected);
    const element = mount(call);
    await Promise.resolve();
    const name = call.screenPop?.matches[0]?.name;
    expect(lines(element)).toEqual(name ? [name, call.number, 'Inbound call · Voice Support'] : [call.number, 'Inbound call · Voice Support']);
    expect(element.shadowRoot.querySelector('c-elapsed-timer').since).toBe(call.connectedAt);
    await expect(element).toBeAccessible();
  });

  it('V1 V9 an outbound call while it rings', async () => {
    const element = mount(callOf(dialing));
    await Promise.resolve();
    expect(lines(element)).toEqual(['+14155550160', 'Calling… · Voice Support']);
  });

  it('V10 an emergency call says so, with the short code as dialled', async () => {
    const call = emergency.snapshot.interactions.find((i) => i.emergency);
    const element = mount(call);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('lightning-badge').label).toBe('Emergency');
    expect(lines(element)[0]).toBe('911');
    await expect(element).toBeAccessible();
  });

  it('V1 V9 V11 the second call, dialled with its outbound skill while the first is held', async () => {
    const call = secondCall.snapshot.interactions.find((i) => i.direction === 'outbound');
    const element = mount(call);
    await Promise.resolve();
    expect(lines(element)).toEqual(['+14155550170', 'Outbound call · Voice Sales']);
  });

  it('V1 an ended call in wrap-up: no running talk time', async () => {
    const element = mount(callOf(wrapUp));
    await Promise.resolve();
    expect(lines(element).at(-1)).toBe('Call ended · Voice Support');
    expect(element.shadowRoot.querySelector('c-elapsed-timer').since).toBeNull();
  });
});
