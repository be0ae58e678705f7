import { createElement } from 'lwc';
import ConferenceRoster from 'c/conferenceRoster';
import conference from 'fixtures/panels/voice-conference.json';
import connected from 'fixtures/panels/voice-connected.json';
import addressBook from 'fixtures/panels/directory-address-book.json';
import channelSettings from 'fixtures/panels/directory-channel-settings.json';

const callOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'voice');

function mount(call) {
  const element = createElement('c-conference-roster', { is: ConferenceRoster });
  Object.assign(element, {
    call,
    addressBook: addressBook.document.entries,
    maxParties: channelSettings.document.voice.maxConferenceParties
  });
  document.body.appendChild(element);
  return element;
}

describe('c-conference-roster', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V7 lists the agent, the customer and each added party with its time, and the party limit', async () => {
    const call = callOf(conference);
    const element = mount(call);
    await Promise.resolve();
    const items = [...element.shadowRoot.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(items).toEqual(['You', 'Customer · +14155550123', 'Billing department']);
    expect(element.shadowRoot.textContent).toContain('Added parties: 1 of 5');
    expect(element.shadowRoot.querySelector('c-elapsed-timer').since).toBe(call.conference[0].joinedAt);
    await expect(element).toBeAccessible();
  });

  it('V7 shows nothing for a two-party call', async () => {
    const element = mount(callOf(connected));
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('section')).toBeNull();
  });
});
