import { createElement } from 'lwc';
import FollowUpForm from 'c/followUpForm';
import followUp from 'fixtures/panels/chat-follow-up.json';
import wrapUp from 'fixtures/panels/chat-wrap-up.json';
import queues from 'fixtures/panels/directory-queues.json';

const chatOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'chat');
function mount(frame, queueIds = []) {
  const element = createElement('c-follow-up-form', { is: FollowUpForm });
  element.chat = chatOf(frame);
  element.queues = queues.document.queues;
  element.queueIds = queueIds;
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
/** Confirm, Stop and Cancel are c-command-buttons: the real button is in each one's shadow tree. */
const button = (element, name) => $(element, `c-command-button.${name}`).shadowRoot.querySelector('button');
const chatQueues = queues.document.queues.filter((q) => q.channels.includes('chat'));

describe('c-follow-up-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C17 Done asked for a follow-up: choose the queue (the chat’s own first) and park it there', async () => {
    const { element, sent } = mount(followUp);
    await Promise.resolve();
    const chat = chatOf(followUp);
    const options = [...element.shadowRoot.querySelectorAll('option')];
    expect(options.map((o) => o.value)).toEqual(chatQueues.map((q) => q.id));
    expect(options.find((o) => o.selected).value).toBe(chat.queueId);
    button(element, 'confirm').click();
    expect(sent).toEqual([{ command: 'followUpConfirm', interactionId: chat.id, args: { queueId: chat.queueId } }]);
    await expect(element).toBeAccessible();
  });

  it('C17 only the configured follow-up queues are offered', async () => {
    const other = queues.document.queues.find((q) => q.id !== chatOf(followUp).queueId);
    const { element, sent } = mount(followUp, [other.id]);
    await Promise.resolve();
    const select = $(element, 'select');
    expect([...select.querySelectorAll('option')].map((o) => o.value)).toEqual([other.id]);
    select.value = other.id;
    select.dispatchEvent(new CustomEvent('change'));
    await Promise.resolve();
    button(element, 'confirm').click();
    expect(sent).toEqual([{ command: 'followUpConfirm', interactionId: chatOf(followUp).id, args: { queueId: other.id } }]);
  });

  it('C17 Stop ends it without follow-up; Cancel goes back to the wrap-up', async () => {
    const { element, sent } = mount(followUp);
    await Promise.resolve();
    const id = chatOf(followUp).id;
    button(element, 'stop').click();
    button(element, 'cancel').click();
    expect(sent).toEqual([
      { command: 'followUpStop', interactionId: id },
      { command: 'followUpCancel', interactionId: id }
    ]);
  });

  it('C17 when no follow-up was asked the buttons are off and say why', async () => {
    const { element, sent } = mount(wrapUp);
    await Promise.resolve();
    const all = ['confirm', 'stop', 'cancel'].map((name) => button(element, name));
    for (const b of all) expect(b.disabled).toBe(true);
    // One sentence for all three: shown once, and each button is described by it.
    const reasons = all.map((b) => b.getRootNode().querySelector(`[id="${b.getAttribute('aria-describedby')}"]`));
    expect(reasons[0].textContent.length).toBeGreaterThan(10);
    expect(new Set(reasons.map((r) => r.textContent)).size).toBe(1);
    expect(reasons.map((r) => r.classList.contains('slds-assistive-text'))).toEqual([false, true, true]);
    button(element, 'stop').click();
    expect(sent).toEqual([]);
    await expect(element).toBeAccessible();
  });
});
