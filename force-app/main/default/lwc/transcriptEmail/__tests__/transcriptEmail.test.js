import { createElement } from 'lwc';
import TranscriptEmail from 'c/transcriptEmail';
import wrapUp from 'fixtures/panels/chat-wrap-up.json';
import followUp from 'fixtures/panels/chat-follow-up.json';

const chatOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'chat');
function mount(chat) {
  const element = createElement('c-transcript-email', { is: TranscriptEmail });
  element.chat = chat;
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}

describe('c-transcript-email', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C13 at wrap-up the agent may have the transcript e-mailed to the customer: setTranscriptEmail', async () => {
    const chat = chatOf(wrapUp);
    const { element, sent } = mount(chat);
    await Promise.resolve();
    const box = element.shadowRoot.querySelector('input');
    expect(box.checked).toBe(false);
    expect(element.shadowRoot.querySelector('label').textContent).toBe('E-mail the transcript to chris.miller@example.org');
    box.checked = true;
    box.dispatchEvent(new CustomEvent('change'));
    expect(sent).toEqual([{ command: 'setTranscriptEmail', interactionId: chat.id, args: { enabled: true } }]);
    await expect(element).toBeAccessible();
  });

  it('C13 C17 while the follow-up question is open the choice is off and says why', async () => {
    const { element, sent } = mount(chatOf(followUp));
    await Promise.resolve();
    const box = element.shadowRoot.querySelector('input');
    expect(box.disabled).toBe(true);
    expect(element.shadowRoot.querySelector('[id^="reason"]').textContent).toBe(
      'Choose a follow-up queue, or press Stop or Cancel first.'
    );
    box.dispatchEvent(new CustomEvent('change'));
    expect(sent).toEqual([]);
    await expect(element).toBeAccessible();
  });
});
