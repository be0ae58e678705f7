import { createElement } from 'lwc';
import CallTranscript from 'c/callTranscript';
import connected from 'fixtures/panels/voice-connected.json';
import held from 'fixtures/panels/voice-held.json';
import wrapUp from 'fixtures/panels/voice-wrap-up.json';
import channelSettings from 'fixtures/panels/directory-channel-settings.json';

const callOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'voice');
// Derived: the live transcript cannot be recorded through the customer API (it has no speech endpoint; only timed
// scripted callers speak), so recorded calls get segments in the LiveSegment shape of the snapshot schema.
const at = callOf(connected).connectedAt;
const SEGMENTS = [
  { id: 's1', at: at + 1000, side: 'customer', text: 'Hi, my parcel is late.', final: true },
  { id: 's2', at: at + 3000, side: 'agent', text: 'Let me check that for you.', final: true },
  { id: 's3', at: at + 5000, side: 'customer', text: '<img src=x onerror=alert(1)> it was due', final: false }
];
const withSegments = (frame, liveTranscript = SEGMENTS) => ({ ...callOf(frame), liveTranscript });

function mount(call, sides = channelSettings.document.voice.transcriptSides) {
  const element = createElement('c-call-transcript', { is: CallTranscript });
  Object.assign(element, { call, sides });
  document.body.appendChild(element);
  return element;
}
const live = (element) => element.shadowRoot.querySelector('[aria-live="polite"]');

describe('c-call-transcript', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V14 shows both sides during the call, customer text as text; only the latest final segment is announced', async () => {
    const element = mount(withSegments(connected));
    await Promise.resolve();
    const items = [...element.shadowRoot.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('span').textContent)).toEqual(['Customer', 'You', 'Customer']);
    expect(items[2].querySelector('p').textContent).toBe('<img src=x onerror=alert(1)> it was due');
    expect(element.shadowRoot.querySelector('img')).toBeNull();
    expect(items[2].className).toContain('slds-text-color_weak');
    expect(live(element).textContent).toBe('You: Let me check that for you.');
    expect(element.shadowRoot.querySelectorAll('[aria-live]')).toHaveLength(1);
    expect(element.shadowRoot.querySelector('ol').getAttribute('aria-live')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('V14 a one-sided setting is said', async () => {
    const element = mount(withSegments(connected, SEGMENTS.filter((s) => s.side === 'customer')), 'customer');
    await Promise.resolve();
    expect(element.shadowRoot.textContent).toContain('Customer side only');
  });

  it('V14 pauses on hold and says so', async () => {
    const element = mount(withSegments(held));
    await Promise.resolve();
    expect(element.shadowRoot.textContent).toContain('Transcript paused while the call is on hold.');
    await expect(element).toBeAccessible();
  });

  it('V14 is shown only during the call', async () => {
    const element = mount(withSegments(wrapUp));
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('section')).toBeNull();
    const none = mount(callOf(connected));
    await Promise.resolve();
    expect(none.shadowRoot.querySelector('section')).toBeNull();
  });
});
