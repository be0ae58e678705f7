import { createElement } from 'lwc';
import TargetPicker from 'c/targetPicker';
import agentsDirectory from 'fixtures/panels/directory-agents.json';
import agentsDelta from 'fixtures/panels/agents-delta.json';
import queuesDirectory from 'fixtures/panels/directory-queues.json';
import addressBook from 'fixtures/panels/directory-address-book.json';
import welcome from 'fixtures/panels/welcome.json';
import reasonCodes from 'fixtures/panels/directory-reason-codes.json';

const selfId = welcome.agent.agentId;
/** The agents directory as the client keeps it after a delta (connectorClient applies agentsDelta the same way). */
const liveAgents = agentsDirectory.document.agents.map(
  (agent) => agentsDelta.upserts.find((u) => u.agentId === agent.agentId) ?? agent
);

function mount(props = {}) {
  const element = createElement('c-target-picker', { is: TargetPicker });
  Object.assign(element, {
    agents: liveAgents,
    queues: queuesDirectory.document.queues,
    addressBook: addressBook.document.entries,
    selfId,
    ...props
  });
  const picked = [];
  element.addEventListener('select', (event) => picked.push(event.detail.target));
  document.body.appendChild(element);
  return { element, picked };
}
const flush = () => Promise.resolve();
const kindButton = (element, name) =>
  [...element.shadowRoot.querySelectorAll('button[data-kind]')].find((b) => b.textContent.trim() === name);
const options = (element) => [...element.shadowRoot.querySelectorAll('[role="option"]')];
const names = (element) => options(element).map((o) => o.querySelector('.slds-truncate').textContent.trim());
const filter = (element) => element.shadowRoot.querySelector('input[role="combobox"]');
const keydown = (input, key) => input.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));

describe('c-target-picker', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V4 lists agents with their live presence, supervisors marked, never the agent themself', async () => {
    const { element } = mount();
    await flush();
    expect(kindButton(element, 'Agents').getAttribute('aria-pressed')).toBe('true');
    expect(names(element)).toEqual(['Lukas Weber', 'Oliver Bennett']);
    const [lukas, oliver] = options(element);
    expect(lukas.textContent).toContain('Offline');
    expect(lukas.querySelector('.status-dot_offline')).not.toBeNull();
    expect(oliver.textContent).toContain('Available');
    expect(oliver.querySelector('.status-dot_available')).not.toBeNull();
    expect(oliver.textContent).toContain('Supervisor');
    await expect(element).toBeAccessible();
  });

  it('V4 presence follows the directory: a new agents document re-renders the dot and label', async () => {
    const { element } = mount({ agents: agentsDirectory.document.agents });
    await flush();
    expect(options(element)[1].textContent).toContain('Offline');
    const busy = { status: 'Busy', reasonCode: reasonCodes.document.busyReasons[0].code };
    element.agents = liveAgents.map((a) => ({ ...a, ...(a.agentId === agentsDelta.upserts[1].agentId ? busy : {}) }));
    element.busyReasons = reasonCodes.document.busyReasons;
    await flush();
    expect(options(element)[1].textContent).toContain(`Busy: ${reasonCodes.document.busyReasons[0].label}`);
    expect(options(element)[1].querySelector('.status-dot_busy')).not.toBeNull();
  });

  it('V4 arrow keys move through the list and Enter chooses: a voice agent target', async () => {
    const { element, picked } = mount();
    await flush();
    const input = filter(element);
    expect(input.getAttribute('aria-activedescendant')).toBe(options(element)[0].id);
    keydown(input, 'ArrowDown');
    await flush();
    expect(options(element)[1].getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options(element)[1].id);
    keydown(input, 'ArrowDown');
    keydown(input, 'ArrowUp');
    keydown(input, 'ArrowUp');
    await flush();
    expect(options(element)[0].getAttribute('aria-selected')).toBe('true');
    keydown(input, 'End');
    keydown(input, 'Enter');
    expect(picked).toEqual([{ kind: 'agent', agentId: agentsDelta.upserts[1].agentId }]);
  });

  it('V4 typing filters; nothing matching says what to do', async () => {
    const { element, picked } = mount();
    await flush();
    const input = filter(element);
    input.value = 'luk';
    input.dispatchEvent(new CustomEvent('input'));
    await flush();
    expect(names(element)).toEqual(['Lukas Weber']);
    keydown(input, 'Enter');
    expect(picked).toEqual([{ kind: 'agent', agentId: '0058d0000000004AAA' }]);
    input.value = 'zzz';
    input.dispatchEvent(new CustomEvent('input'));
    await flush();
    expect(options(element)).toEqual([]);
    expect(element.shadowRoot.textContent).toContain('Nothing matches. Change the filter.');
    await expect(element).toBeAccessible();
  });

  it('V4 queues of the voice channel become queue targets', async () => {
    const { element, picked } = mount();
    await flush();
    kindButton(element, 'Queues').click();
    await flush();
    expect(names(element)).toEqual(['Voice Support', 'Voice Sales']);
    options(element)[1].click();
    expect(picked).toEqual([{ kind: 'queue', queueId: 'Voice_Sales' }]);
    await expect(element).toBeAccessible();
  });

  it('V4 address-book contacts are listed once per number and become contact targets', async () => {
    const { element, picked } = mount();
    await flush();
    kindButton(element, 'Address book').click();
    await flush();
    expect(names(element)).toEqual([
      'Billing department',
      'Field service dispatch',
      'Field service dispatch',
      'Head office reception'
    ]);
    expect(options(element)[2].textContent).toContain('Out of hours · +14155550161');
    const input = filter(element);
    input.value = 'refund';
    input.dispatchEvent(new CustomEvent('input'));
    await flush();
    keydown(input, 'Enter');
    expect(picked).toEqual([{ kind: 'contact', contactId: 'billing', number: '+14155550150' }]);
    await expect(element).toBeAccessible();
  });

  it('V4 a number typed on the keypad becomes a number target in E.164', async () => {
    const { element, picked } = mount({ actionLabel: 'Consult' });
    await flush();
    kindButton(element, 'Number').click();
    await flush();
    const keypad = element.shadowRoot.querySelector('c-keypad');
    expect(keypad.mode).toBe('dial');
    expect(keypad.actionLabel).toBe('Consult');
    keypad.dispatchEvent(new CustomEvent('dial', { detail: { number: '+14155550199' } }));
    expect(picked).toEqual([{ kind: 'number', number: '+14155550199' }]);
    await expect(element).toBeAccessible();
  });

  it('C8 for a chat, queues of the chat channel and supervisors as supervisor targets; only the kinds asked for', async () => {
    const { element, picked } = mount({ channel: 'chat', kinds: ['agent', 'queue'] });
    await flush();
    expect([...element.shadowRoot.querySelectorAll('button[data-kind]')].map((b) => b.textContent.trim())).toEqual([
      'Agents',
      'Queues'
    ]);
    options(element)[1].click();
    kindButton(element, 'Queues').click();
    await flush();
    expect(names(element)).toEqual(['Chat Support']);
    options(element)[0].click();
    expect(picked).toEqual([
      { kind: 'supervisor', agentId: '0058d0000000003AAA' },
      { kind: 'queue', queueId: 'Chat_Support' }
    ]);
  });

  it('D12 digital transfers list only queues that take them and give {queueId}; one kind shows no kind row', async () => {
    const { element, picked } = mount({ channel: 'whatsapp', kinds: ['queue'], digitalOnly: true });
    await flush();
    expect(element.shadowRoot.querySelector('button[data-kind]')).toBeNull();
    expect(names(element)).toEqual(['Email Support', 'SMS', 'WhatsApp', 'Facebook Messenger', 'Instagram', 'X Direct Messages']);
    options(element)[2].click();
    expect(picked).toEqual([{ queueId: 'WhatsApp' }]);
    await expect(element).toBeAccessible();
  });

  it('shows customer-given text as text', async () => {
    const { element } = mount({ agents: [{ ...liveAgents[1], name: '<img src=x onerror=alert(1)>' }] });
    await flush();
    expect(names(element)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(element.shadowRoot.querySelector('img')).toBeNull();
  });
});
