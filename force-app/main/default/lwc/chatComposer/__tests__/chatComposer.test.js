import { createElement } from 'lwc';
import ChatComposer from 'c/chatComposer';
import chatActive from 'fixtures/panels/chat-active.json';
import chatWrapUp from 'fixtures/panels/chat-wrap-up.json';

const sendOf = (frame) => frame.snapshot.interactions[0].commands.find((c) => c.command === 'send');
function mount(frame) {
  const element = createElement('c-chat-composer', { is: ChatComposer });
  element.availability = sendOf(frame);
  const sent = [];
  element.addEventListener('send', (event) => sent.push(event.detail.text));
  document.body.appendChild(element);
  return { element, sent };
}
const type = (box, value) => {
  box.value = value;
  box.dispatchEvent(new CustomEvent('input'));
};
const key = (box, init) => {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  box.dispatchEvent(event);
  return event;
};

describe('c-chat-composer', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C4 Enter sends, Shift+Enter does not; the box empties after sending', async () => {
    const { element, sent } = mount(chatActive);
    await Promise.resolve();
    const box = element.shadowRoot.querySelector('textarea');
    type(box, 'Hello Chris,');
    expect(key(box, { key: 'Enter', shiftKey: true }).defaultPrevented).toBe(false);
    expect(sent).toEqual([]);
    type(box, 'Hello Chris,\nyour parcel left today.  ');
    expect(key(box, { key: 'Enter' }).defaultPrevented).toBe(true);
    expect(sent).toEqual(['Hello Chris,\nyour parcel left today.']);
    expect(box.value).toBe('');
    key(box, { key: 'Enter' });
    expect(sent).toHaveLength(1);
    await expect(element).toBeAccessible();
  });

  it('C4 the Send button sends too, and is off while the box is empty', async () => {
    const { element, sent } = mount(chatActive);
    await Promise.resolve();
    const button = element.shadowRoot.querySelector('lightning-button');
    expect(button.disabled).toBe(true);
    type(element.shadowRoot.querySelector('textarea'), 'On its way');
    await Promise.resolve();
    expect(button.disabled).toBe(false);
    button.click();
    expect(sent).toEqual(['On its way']);
  });

  it('C10 after the chat ended the box is off and says why', async () => {
    const { element, sent } = mount(chatWrapUp);
    await Promise.resolve();
    const box = element.shadowRoot.querySelector('textarea');
    expect(box.disabled).toBe(true);
    expect(element.shadowRoot.querySelector('[id^="reason"]').textContent.length).toBeGreaterThan(5);
    type(box, 'late');
    key(box, { key: 'Enter' });
    expect(sent).toEqual([]);
    await expect(element).toBeAccessible();
  });
});
