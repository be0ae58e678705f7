import { createElement } from 'lwc';
import PushPage from 'c/pushPage';
import active from 'fixtures/panels/chat-active.json';
import wrapUp from 'fixtures/panels/chat-wrap-up.json';
import refused from 'fixtures/panels/rejected-page-url-not-http.json';
import ack from 'fixtures/panels/ack.json';

const chatOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'chat');
function mount(frame) {
  const element = createElement('c-push-page', { is: PushPage });
  element.chat = chatOf(frame);
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const type = (element, value) => {
  const input = $(element, 'input');
  input.value = value;
  input.dispatchEvent(new CustomEvent('input'));
};

describe('c-push-page', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C11 an http(s) address is pushed as pushPage {url} (button or Enter); the box empties once sent', async () => {
    const { element, sent } = mount(active);
    await Promise.resolve();
    expect($(element, 'button.push').disabled).toBe(true);
    type(element, ' https://example.org/returns ');
    await Promise.resolve();
    $(element, 'button.push').click();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ command: 'pushPage', interactionId: chatOf(active).id, args: { url: 'https://example.org/returns' } });
    sent[0].resolve(ack);
    expect($(element, 'input').value).toBe('');
    type(element, 'http://example.org/help');
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    $(element, 'input').dispatchEvent(enter);
    expect(enter.defaultPrevented).toBe(true);
    expect(sent[1].args).toEqual({ url: 'http://example.org/help' });
    await expect(element).toBeAccessible();
  });

  it('C11 another address is refused with the connector’s sentence before it is sent', async () => {
    const { element, sent } = mount(active);
    await Promise.resolve();
    const refusal = async (url) => {
      type(element, url);
      await Promise.resolve();
      $(element, 'button.push').click();
      await Promise.resolve();
      return $(element, '.reason').textContent;
    };
    const sentence = 'Only web pages can be pushed: use an address that starts with http:// or https://.';
    expect(await refusal(['javascript', 'alert(1)'].join(':'))).toBe(sentence);
    expect(await refusal('ftp://example.org')).toBe(sentence);
    expect(await refusal('example.org')).toBe(sentence);
    expect(sent).toEqual([]);
    expect($(element, 'input').getAttribute('aria-describedby')).toMatch(/^reason/);
    await expect(element).toBeAccessible();
  });

  it('C11 the connector’s refusal (CHAT_PAGE_URL_NOT_HTTP, recorded) is shown beside the box', async () => {
    expect(refused.error.code).toBe('CHAT_PAGE_URL_NOT_HTTP');
    const { element, sent } = mount(active);
    await Promise.resolve();
    type(element, 'https://example.org/returns');
    await Promise.resolve();
    $(element, 'button.push').click();
    sent[0].resolve(refused);
    await Promise.resolve();
    expect($(element, '.reason').textContent).toBe(
      'Only web pages can be pushed: use an address that starts with http:// or https://.'
    );
    expect($(element, 'input').value).toBe('https://example.org/returns');
  });

  it('C10 after the chat ended the box is off and says why', async () => {
    const { element } = mount(wrapUp);
    await Promise.resolve();
    expect($(element, 'input').disabled).toBe(true);
    expect($(element, '.reason').textContent).toBe('The chat has ended; finish the wrap-up.');
    await expect(element).toBeAccessible();
  });
});
