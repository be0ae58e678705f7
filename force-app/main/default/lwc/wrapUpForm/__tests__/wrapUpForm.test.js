import { createElement } from 'lwc';
import WrapUpForm from 'c/wrapUpForm';
import chatWrapUp from 'fixtures/panels/chat-wrap-up.json';
import voiceWrapUp from 'fixtures/panels/voice-wrap-up.json';
import chatActive from 'fixtures/panels/chat-active.json';
import wrapUpCodes from 'fixtures/panels/directory-wrap-up-codes.json';

const CODES = wrapUpCodes.document.codes;
function mount(interaction) {
  const element = createElement('c-wrap-up-form', { is: WrapUpForm });
  element.interaction = interaction;
  element.codes = CODES;
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const boxes = (element) =>
  [...element.shadowRoot.querySelectorAll('input[type="checkbox"]')].map((b) => ({ code: b.dataset.code, checked: b.checked }));

describe('c-wrap-up-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C10 a chat’s wrap-up: the chat codes of its queue, the two chosen checked, the notes', async () => {
    const chat = chatWrapUp.snapshot.interactions[0];
    const { element } = mount(chat);
    await Promise.resolve();
    const expected = CODES.filter(
      (c) => c.channels.includes('chat') && (c.queueIds.length === 0 || c.queueIds.includes('Chat_Support'))
    );
    expect(boxes(element)).toEqual(expected.map((c) => ({ code: c.code, checked: chat.details.dispositions.includes(c.code) })));
    expect(boxes(element).filter((b) => b.checked).map((b) => b.code)).toEqual(['Information_Provided', 'Complaint']);
    expect(element.shadowRoot.querySelector('textarea').value).toBe('Order delayed by the carrier');
    await expect(element).toBeAccessible();
  });

  it('C10 typing filters the reasons', async () => {
    const { element } = mount(chatWrapUp.snapshot.interactions[0]);
    await Promise.resolve();
    const filter = element.shadowRoot.querySelector('input[type="search"]');
    filter.value = 'compl';
    filter.dispatchEvent(new CustomEvent('input'));
    await Promise.resolve();
    expect(boxes(element).map((b) => b.code)).toEqual(['Complaint']);
    filter.value = 'zzz';
    filter.dispatchEvent(new CustomEvent('input'));
    await Promise.resolve();
    expect(element.shadowRoot.textContent).toContain('No reason matches.');
  });

  it('C10 V13 ticking a reason and writing notes are saved as setDetails; a reason needing a note says so', async () => {
    const call = voiceWrapUp.snapshot.interactions[0];
    const { element, sent } = mount(call);
    await Promise.resolve();
    expect(boxes(element).map((b) => b.code)).toContain('Wrong_Number');
    expect(boxes(element).map((b) => b.code)).not.toContain('Spam');
    const escalated = element.shadowRoot.querySelector('input[data-code="Escalated"]');
    escalated.checked = true;
    escalated.dispatchEvent(new CustomEvent('change'));
    expect(sent).toEqual([
      { command: 'setDetails', interactionId: call.id, args: { dispositions: [...call.details.dispositions, 'Escalated'] } }
    ]);
    element.interaction = { ...call, details: { ...call.details, dispositions: ['Escalated'], notes: '' } };
    await Promise.resolve();
    expect(element.shadowRoot.textContent).toContain('Add a note: Escalated needs one.');
    const notes = element.shadowRoot.querySelector('textarea');
    notes.value = 'Passed to the billing team';
    notes.dispatchEvent(new CustomEvent('change'));
    expect(sent.at(-1)).toEqual({ command: 'setDetails', interactionId: call.id, args: { notes: 'Passed to the billing team' } });
  });

  it('C9 a conference guest may not change the details: the form is off and says why', async () => {
    const chat = chatActive.snapshot.interactions[0];
    const guestView = {
      ...chat,
      commands: chat.commands.map((c) =>
        (c.command === 'setDetails' ? { command: 'setDetails', enabled: false, reason: 'NOT_OWNER', labelKey: 'Reason_NotOwner' } : c)
      )
    };
    const { element, sent } = mount(guestView);
    await Promise.resolve();
    const box = element.shadowRoot.querySelector('input[type="checkbox"]');
    expect(box.disabled).toBe(true);
    box.checked = true;
    box.dispatchEvent(new CustomEvent('change'));
    expect(sent).toEqual([]);
    expect(element.shadowRoot.querySelector('[id^="reason"]').textContent.length).toBeGreaterThan(5);
  });
});
