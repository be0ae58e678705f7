import { createElement } from 'lwc';
import ChatPanel from 'c/chatPanel';
import offered from 'fixtures/panels/chat-offered.json';
import active from 'fixtures/panels/chat-active.json';
import wrapUp from 'fixtures/panels/chat-wrap-up.json';
import voiceOffered from 'fixtures/panels/voice-offered.json';
import queues from 'fixtures/panels/directory-queues.json';

function mount(frame) {
  const element = createElement('c-chat-panel', { is: ChatPanel });
  element.interactions = frame.snapshot.interactions;
  element.queues = queues.document.queues;
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const chatOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'chat');

describe('c-chat-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C1 C2 an offered chat: its offer card with the queue’s name, and the bot transcript', async () => {
    const { element, sent } = mount(offered);
    await Promise.resolve();
    const card = element.shadowRoot.querySelector('c-offer-card');
    expect(card.queueName).toBe('Chat Support');
    const transcript = element.shadowRoot.querySelector('c-transcript-view').entries;
    expect(transcript.map((t) => t.from)).toEqual(['bot', 'customer', 'bot']);
    const id = chatOf(offered).id;
    card.dispatchEvent(new CustomEvent('offercommand', { detail: { command: 'accept', interactionId: id } }));
    expect(sent).toEqual([{ command: 'accept', interactionId: id }]);
    await expect(element).toBeAccessible();
  });

  it('C4 C10 a live chat: the conversation, the message box sending text, and End', async () => {
    const { element, sent } = mount(active);
    await Promise.resolve();
    const id = chatOf(active).id;
    expect(element.shadowRoot.querySelector('h2').textContent).toBe('Chris Miller');
    const composer = element.shadowRoot.querySelector('c-chat-composer');
    expect(composer.availability).toMatchObject({ command: 'send', enabled: true });
    composer.dispatchEvent(new CustomEvent('send', { detail: { text: 'Checking now.' } }));
    element.shadowRoot.querySelector('lightning-button').click();
    expect(sent).toEqual([
      { command: 'send', interactionId: id, args: { text: 'Checking now.' } },
      { command: 'end', interactionId: id }
    ]);
    await expect(element).toBeAccessible();
  });

  it('C10 after the customer left: no message box, Done', async () => {
    const { element, sent } = mount(wrapUp);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('c-chat-composer')).toBeNull();
    const done = element.shadowRoot.querySelector('lightning-button');
    expect(done.label).toBe('Done');
    done.click();
    expect(sent).toEqual([{ command: 'done', interactionId: chatOf(wrapUp).id }]);
  });

  it('shows only chats', async () => {
    const { element } = mount(voiceOffered);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('c-offer-card')).toBeNull();
  });
});
