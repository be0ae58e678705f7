import { createElement } from 'lwc';
import ChatConference from 'c/chatConference';
import active from 'fixtures/panels/chat-active.json';
import requested from 'fixtures/panels/chat-conference-requested.json';
import conference from 'fixtures/panels/chat-conference.json';
import guest from 'fixtures/panels/chat-conference-guest.json';
import agents from 'fixtures/panels/directory-agents.json';

const chatOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'chat');
function mount(frame) {
  const element = createElement('c-chat-conference', { is: ChatConference });
  element.chat = chatOf(frame);
  element.agents = agents.document.agents;
  element.selfId = frame.snapshot.agent.agentId;
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
/** Invite is a c-command-button: its real button is in its own shadow tree. */
const inner = (host) => host.shadowRoot.querySelector('button');
const members = (element) =>
  [...element.shadowRoot.querySelectorAll('.members li')].map((li) => [
    li.querySelector('.name').textContent,
    li.querySelector('.state').textContent
  ]);

describe('c-chat-conference', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C9 Invite agent opens the picker (agents only); the choice is sent as conferenceInvite {agentId}', async () => {
    const { element, sent } = mount(active);
    await Promise.resolve();
    expect(members(element)).toEqual([]);
    expect($(element, 'button.end')).toBeNull();
    expect($(element, 'button.leave')).toBeNull();
    inner($(element, 'c-command-button.invite')).click();
    await Promise.resolve();
    const picker = $(element, 'c-target-picker');
    expect(picker.kinds).toEqual(['agent']);
    expect(picker.channel).toBe('chat');
    const agentId = agents.document.agents.find((a) => a.name === 'Oliver Bennett').agentId;
    picker.dispatchEvent(new CustomEvent('select', { detail: { target: { kind: 'supervisor', agentId } } }));
    expect(sent).toEqual([{ command: 'conferenceInvite', interactionId: chatOf(active).id, args: { agentId } }]);
    await expect(element).toBeAccessible();
  });

  it('C9 Requested, named from the directory until the agent joins; then Active, and the owner may end it', async () => {
    const first = mount(requested).element;
    await Promise.resolve();
    expect(members(first)).toEqual([['Oliver Bennett', 'Requested']]);
    const { element, sent } = mount(conference);
    await Promise.resolve();
    expect(members(element)).toEqual([['Oliver Bennett', 'Active']]);
    $(element, 'button.end').click();
    expect(sent).toEqual([{ command: 'conferenceEnd', interactionId: chatOf(conference).id }]);
    await expect(element).toBeAccessible();
  });

  it('C9 the invited supervisor may leave; invites and ending are the owner’s', async () => {
    const { element, sent } = mount(guest);
    await Promise.resolve();
    expect($(element, 'c-command-button.invite')).toBeNull();
    expect($(element, 'button.end')).toBeNull();
    $(element, 'button.leave').click();
    expect(sent).toEqual([{ command: 'conferenceLeave', interactionId: chatOf(guest).id }]);
    await expect(element).toBeAccessible();
  });
});
