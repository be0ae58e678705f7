import { createElement } from 'lwc';
import ChatComposer from 'c/chatComposer';
import chatActive from 'fixtures/panels/chat-active.json';
import chatWrapUp from 'fixtures/panels/chat-wrap-up.json';
import channelSettings from 'fixtures/panels/directory-channel-settings.json';
import quickTexts from 'fixtures/panels/directory-quick-texts.json';

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


function mountWith(frame, settings, extra = {}) {
  const element = createElement('c-chat-composer', { is: ChatComposer });
  element.availability = sendOf(frame);
  element.channelSettings = settings;
  element.quickTexts = quickTexts.document.texts;
  element.channel = 'chat';
  Object.assign(element, extra);
  const sent = [];
  element.addEventListener('send', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const choose = (element, files) => {
  const input = element.shadowRoot.querySelector('input[type="file"]');
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new CustomEvent('change'));
};
const file = (name, mediaType, size) => {
  const f = new File(['x'], name, { type: mediaType });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};
const flush = async () => {
  await Promise.resolve();
  await Promise.resolve();
  await Promise.resolve();
};

describe('c-chat-composer files, Quick Text, emoji', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C5 files are checked before upload against the chat settings: over 10 MB and blocked types get a reason', async () => {
    const { element, sent } = mountWith(chatActive, channelSettings.document.chat);
    await Promise.resolve();
    choose(element, [
      file('label.jpg', 'image/jpeg', 48213),
      file('video.mp4', 'video/mp4', 11 * 1024 * 1024),
      file('setup.EXE', 'application/octet-stream', 1000),
      file('run', 'application/x-sh', 200)
    ]);
    await Promise.resolve();
    const waiting = [...element.shadowRoot.querySelectorAll('.files c-attachment-chip')];
    expect(waiting.map((c) => c.attachment.name)).toEqual(['label.jpg']);
    expect(waiting[0].removable).toBe(true);
    const refused = [...element.shadowRoot.querySelectorAll('.refused c-attachment-chip')];
    expect(refused.map((c) => [c.attachment.name, c.reason])).toEqual([
      ['video.mp4', 'video.mp4 is larger than 10 MB. Attach a smaller file.'],
      ['setup.EXE', 'setup.EXE is a file type that cannot be sent for security reasons. Send a different file.'],
      ['run', 'run is a file type that cannot be sent for security reasons. Send a different file.']
    ]);
    expect(element.shadowRoot.querySelector('.refused').getAttribute('aria-live')).toBe('polite');
    // A file alone may be sent: the message carries the protocol's attachment shape.
    element.shadowRoot.querySelector('lightning-button').click();
    expect(sent).toEqual([
      { text: '', attachments: [{ id: expect.stringMatching(/^file-/), name: 'label.jpg', contentType: 'image/jpeg', sizeBytes: 48213 }] }
    ]);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('.files')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('C5 a waiting file can be removed; refused ones dismissed; at most 10 files per message', async () => {
    const { element, sent } = mountWith(chatActive, channelSettings.document.chat);
    await Promise.resolve();
    choose(element, Array.from({ length: 11 }, (_, n) => file(`page-${n}.png`, 'image/png', 100)));
    await Promise.resolve();
    expect(element.shadowRoot.querySelectorAll('.files c-attachment-chip')).toHaveLength(10);
    expect(element.shadowRoot.querySelector('.refused c-attachment-chip').reason).toBe(
      'page-10.png was not added: a message takes at most 10 files. Send these first.'
    );
    element.shadowRoot.querySelector('.dismiss').click();
    const first = element.shadowRoot.querySelector('.files c-attachment-chip');
    first.dispatchEvent(new CustomEvent('remove', { detail: { id: first.attachment.id } }));
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('.refused c-attachment-chip')).toBeNull();
    expect(element.shadowRoot.querySelectorAll('.files c-attachment-chip')).toHaveLength(9);
    type(element.shadowRoot.querySelector('textarea'), 'The pages');
    key(element.shadowRoot.querySelector('textarea'), { key: 'Enter' });
    expect(sent[0].text).toBe('The pages');
    expect(sent[0].attachments.map((a) => a.name)).toEqual(Array.from({ length: 9 }, (_, n) => `page-${n + 1}.png`));
  });

  it('C5 D7 no Attach where the channel takes no files; emoji only where the channel allows them', async () => {
    const chat = mountWith(chatActive, channelSettings.document.chat).element;
    const sms = mountWith(chatActive, channelSettings.document.digital.sms).element;
    const whatsapp = mountWith(chatActive, channelSettings.document.digital.whatsapp).element;
    await Promise.resolve();
    expect(chat.shadowRoot.querySelector('input[type="file"]')).not.toBeNull();
    expect(chat.shadowRoot.querySelector('.emoji-toggle')).toBeNull();
    expect(sms.shadowRoot.querySelector('input[type="file"]')).toBeNull();
    expect(sms.shadowRoot.querySelector('.emoji-toggle')).toBeNull();
    expect(sms.shadowRoot.querySelector('textarea').getAttribute('maxlength')).toBe('1600');
    const toggle = whatsapp.shadowRoot.querySelector('.emoji-toggle');
    toggle.click();
    await Promise.resolve();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const box = whatsapp.shadowRoot.querySelector('textarea');
    type(box, 'Thanks ');
    box.setSelectionRange(7, 7);
    whatsapp.shadowRoot.querySelector('[data-emoji="👍"]').click();
    expect(box.value).toBe('Thanks 👍');
    await expect(whatsapp).toBeAccessible();
  });

  it('C7 Quick Text: the list opens with the focus in its filter, Enter inserts the text for editing, then Enter sends', async () => {
    const { element, sent } = mountWith(chatActive, channelSettings.document.chat);
    await Promise.resolve();
    const box = element.shadowRoot.querySelector('textarea');
    type(box, 'Hi Chris. ');
    box.setSelectionRange(10, 10);
    const toggle = element.shadowRoot.querySelector('.quick-text');
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const picker = element.shadowRoot.querySelector('c-quick-text-picker');
    expect(picker.texts).toEqual(quickTexts.document.texts);
    expect(picker.channel).toBe('chat');
    const filter = picker.shadowRoot.querySelector('input');
    expect(picker.shadowRoot.activeElement).toBe(filter);
    filter.value = 'moment';
    filter.dispatchEvent(new CustomEvent('input'));
    await Promise.resolve();
    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('c-quick-text-picker')).toBeNull();
    expect(box.value).toBe('Hi Chris. Please allow me a moment while I look into this for you.');
    expect(sent).toEqual([]);
    type(box, `${box.value} One minute.`);
    key(box, { key: 'Enter' });
    expect(sent).toEqual([
      { text: 'Hi Chris. Please allow me a moment while I look into this for you. One minute.', attachments: [] }
    ]);
    await expect(element).toBeAccessible();
  });

  it('C7 Escape closes the Quick Text list and returns to the message box', async () => {
    const { element } = mountWith(chatActive, channelSettings.document.chat);
    await Promise.resolve();
    element.shadowRoot.querySelector('.quick-text').click();
    await flush();
    const picker = element.shadowRoot.querySelector('c-quick-text-picker');
    picker.dispatchEvent(new CustomEvent('close'));
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('c-quick-text-picker')).toBeNull();
    expect(element.shadowRoot.activeElement).toBe(element.shadowRoot.querySelector('textarea'));
  });

  it('C10 after the chat ended Quick Text and Attach are off too, with the reason', async () => {
    const { element } = mountWith(chatWrapUp, channelSettings.document.chat);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('.quick-text').disabled).toBe(true);
    expect(element.shadowRoot.querySelector('input[type="file"]').disabled).toBe(true);
    expect(element.shadowRoot.querySelector('[id^="reason"]').textContent).toBe('The chat has ended; finish the wrap-up.');
    await expect(element).toBeAccessible();
  });
});
