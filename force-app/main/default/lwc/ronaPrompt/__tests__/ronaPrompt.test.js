import { createElement } from 'lwc';
import RonaPrompt from 'c/ronaPrompt';
import rona from 'fixtures/panels/presence-rona.json';
import available from 'fixtures/panels/presence-available.json';
import reasonCodes from 'fixtures/panels/directory-reason-codes.json';

function mount(frame) {
  const element = createElement('c-rona-prompt', { is: RonaPrompt });
  element.presence = frame.snapshot.presence;
  element.busyReasons = reasonCodes.document.busyReasons;
  document.body.appendChild(element);
  return element;
}

describe('c-rona-prompt', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('A4 after a missed offer: announced, with Available and Busy with a reason', async () => {
    const element = mount(rona);
    const changes = [];
    element.addEventListener('statuschange', (event) => changes.push(event.detail));
    await Promise.resolve();
    const alert = element.shadowRoot.querySelector('[role="alert"]');
    expect(alert.textContent).toContain('You missed an offer');
    expect(alert.textContent).toContain('No new offers reach you until you choose a status.');
    const button = element.shadowRoot.querySelector('lightning-button');
    expect(button).toMatchObject({ label: 'Available', variant: 'brand' });
    button.click();
    const menu = element.shadowRoot.querySelector('lightning-button-menu');
    expect([...menu.querySelectorAll('lightning-menu-item')].map((i) => i.label)).toEqual([
      'Busy: Break',
      'Busy: Lunch',
      'Busy: Meeting',
      'Busy: Training'
    ]);
    menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'Training' } }));
    expect(changes).toEqual([{ command: 'goAvailable' }, { command: 'goBusy', args: { reasonCode: 'Training' } }]);
    await expect(element).toBeAccessible();
  });

  it('A4 shows nothing outside RONA', async () => {
    const element = mount(available);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('[role="alert"]')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
