import { createElement } from 'lwc';
import StatusPicker from 'c/statusPicker';
import offline from 'fixtures/panels/presence-offline.json';
import available from 'fixtures/panels/presence-available.json';
import busy from 'fixtures/panels/presence-busy.json';
import chatActive from 'fixtures/panels/chat-active.json';
import reasonCodes from 'fixtures/panels/directory-reason-codes.json';

const REASONS = reasonCodes.document.busyReasons;

function mount(frame) {
  const element = createElement('c-status-picker', { is: StatusPicker });
  element.presence = frame.snapshot.presence;
  element.commands = frame.snapshot.commands.presence;
  element.busyReasons = REASONS;
  document.body.appendChild(element);
  return element;
}
const items = (element) =>
  [...element.shadowRoot.querySelectorAll('lightning-menu-item')].map((item) => ({
    value: item.value,
    label: item.label,
    disabled: Boolean(item.disabled),
    checked: Boolean(item.checked)
  }));
const shown = (element) => element.shadowRoot.querySelector('.slds-text-title_bold').textContent;

describe('c-status-picker', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('A1 shows Busy with its reason, and offers Available, every Busy reason and Offline', async () => {
    const element = mount(busy);
    await Promise.resolve();
    expect(shown(element)).toBe('Busy: Lunch');
    expect(element.shadowRoot.querySelector('.status-dot').className).toContain('status-dot_busy');
    expect(items(element)).toEqual([
      { value: 'goAvailable', label: 'Available', disabled: false, checked: false },
      ...REASONS.map((r) => ({
        value: `goBusy:${r.code}`,
        label: `Busy: ${r.label}`,
        disabled: false,
        checked: r.code === 'Lunch'
      })),
      { value: 'goOffline', label: 'Offline', disabled: false, checked: false }
    ]);
    expect(element.shadowRoot.querySelector('lightning-button-menu').alternativeText).toBe(
      'Status: Busy: Lunch. Change status'
    );
    await expect(element).toBeAccessible();
  });

  it('A1 choosing a Busy reason asks for goBusy with that reason', async () => {
    const element = mount(available);
    const changes = [];
    element.addEventListener('statuschange', (event) => changes.push(event.detail));
    await Promise.resolve();
    element.shadowRoot
      .querySelector('lightning-button-menu')
      .dispatchEvent(new CustomEvent('select', { detail: { value: 'goBusy:Break' } }));
    expect(changes).toEqual([{ command: 'goBusy', args: { reasonCode: 'Break' } }]);
  });

  it('A1 choosing the status the agent already has sends nothing', async () => {
    const element = mount(available);
    const changes = [];
    element.addEventListener('statuschange', (event) => changes.push(event.detail));
    await Promise.resolve();
    expect(shown(element)).toBe('Available');
    element.shadowRoot
      .querySelector('lightning-button-menu')
      .dispatchEvent(new CustomEvent('select', { detail: { value: 'goAvailable' } }));
    expect(changes).toEqual([]);
  });

  it('A1 Offline is refused with its reason in its own text while work is open, and Working shows', async () => {
    const element = mount(chatActive);
    await Promise.resolve();
    const refused = chatActive.snapshot.commands.presence.find((c) => c.command === 'goOffline');
    expect(refused).toMatchObject({ enabled: false, labelKey: expect.any(String) });
    const offlineItem = items(element).find((i) => i.value === 'goOffline');
    expect(offlineItem.disabled).toBe(true);
    expect(offlineItem.label).toMatch(/^Offline \(.+\)$/);
    expect(offlineItem.label).not.toContain(refused.labelKey);
    expect(element.shadowRoot.querySelector('.slds-badge').textContent).toBe('Working');
    await expect(element).toBeAccessible();
  });

  it('A1 right after sign-in the agent is Offline, grey', async () => {
    const element = mount(offline);
    await Promise.resolve();
    expect(shown(element)).toBe('Offline');
    expect(element.shadowRoot.querySelector('.status-dot').className).toContain('status-dot_offline');
    expect(items(element).find((i) => i.value === 'goOffline')).toMatchObject({ checked: true, disabled: false });
  });
});
