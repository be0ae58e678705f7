import { createElement } from 'lwc';
import ChatTransfer from 'c/chatTransfer';
import active from 'fixtures/panels/chat-active.json';
import conference from 'fixtures/panels/chat-conference.json';
import guest from 'fixtures/panels/chat-conference-guest.json';
import agents from 'fixtures/panels/directory-agents.json';
import queues from 'fixtures/panels/directory-queues.json';

const chatOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'chat');
function mount(frame) {
  const element = createElement('c-chat-transfer', { is: ChatTransfer });
  element.chat = chatOf(frame);
  element.agents = agents.document.agents;
  element.queues = queues.document.queues;
  element.selfId = frame.snapshot.agent.agentId;
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
/** Transfer is a c-command-button: its real button and reason are in its own shadow tree. */
const toggleOf = (element) => $(element, 'c-command-button.toggle')?.shadowRoot.querySelector('button') ?? null;

describe('c-chat-transfer', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C8 Transfer opens the target picker (agents with presence, queues); the choice is sent as transfer {target}', async () => {
    const { element, sent } = mount(active);
    await Promise.resolve();
    const toggle = toggleOf(element);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($(element, 'c-target-picker')).toBeNull();
    toggle.click();
    await Promise.resolve();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const picker = $(element, 'c-target-picker');
    expect(picker.kinds).toEqual(['agent', 'queue']);
    expect(picker.channel).toBe('chat');
    expect(picker.selfId).toBe(active.snapshot.agent.agentId);
    expect(picker.agents).toEqual(agents.document.agents);
    const target = { kind: 'supervisor', agentId: agents.document.agents.find((a) => a.role === 'supervisor').agentId };
    picker.dispatchEvent(new CustomEvent('select', { detail: { target } }));
    await Promise.resolve();
    expect(sent).toEqual([{ command: 'transfer', interactionId: chatOf(active).id, args: { target } }]);
    expect($(element, 'c-target-picker')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('C8 C9 while a conference runs Transfer is disabled and says why', async () => {
    const { element, sent } = mount(conference);
    await Promise.resolve();
    const toggle = toggleOf(element);
    expect(toggle.disabled).toBe(true);
    expect(toggle.getRootNode().querySelector('[id^="reason"]').textContent.length).toBeGreaterThan(10);
    expect(toggle.getAttribute('aria-describedby')).toMatch(/^reason/);
    toggle.click();
    await Promise.resolve();
    expect($(element, 'c-target-picker')).toBeNull();
    expect(sent).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('C9 the invited agent has no Transfer: it is the owner’s', async () => {
    const { element } = mount(guest);
    await Promise.resolve();
    expect(toggleOf(element)).toBeNull();
    await expect(element).toBeAccessible();
  });
});
