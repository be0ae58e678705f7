import { createElement } from 'lwc';
import NoticeBar from 'c/noticeBar';
import returned from 'fixtures/panels/notice-digital-transfer-returned.json';

/** A stand-in for the connector client: the bar only listens to its events. */
function fakeClient() {
  const listeners = new Set();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    get listening() {
      return listeners.size;
    }
  };
}

function mount(client) {
  const element = createElement('c-notice-bar', { is: NoticeBar });
  element.client = client;
  document.body.appendChild(element);
  return element;
}
const status = (element) => element.shadowRoot.querySelector('[role="status"]');

describe('c-notice-bar', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('D12 shows the recorded notice from its label with the queue name, politely, as text', async () => {
    const client = fakeClient();
    const element = mount(client);
    await Promise.resolve();
    expect(status(element).textContent).toBe('');
    expect(status(element).getAttribute('aria-live')).toBe('polite');
    client.emit({ type: 'notice', notice: returned.notice });
    await Promise.resolve();
    expect(status(element).textContent).toContain(
      'The conversation came back to you: you are the only member of Instagram.'
    );
    await expect(element).toBeAccessible();
  });

  it('C9 shows only the newest notice, renders params as text, and is dismissed with its labelled button', async () => {
    const client = fakeClient();
    const element = mount(client);
    client.emit({ type: 'notice', notice: returned.notice });
    const declined = {
      ...returned.notice,
      id: 'n-2',
      kind: 'chatConferenceDeclined',
      labelKey: 'Notice_ChatConferenceDeclined',
      params: ['<b>Sue</b>']
    };
    client.emit({ type: 'notice', notice: declined });
    await Promise.resolve();
    expect(status(element).textContent).toContain('<b>Sue</b> declined the invitation to the chat.');
    expect(status(element).querySelector('b')).toBeNull();
    expect(status(element).textContent).not.toContain('Instagram');
    const dismiss = element.shadowRoot.querySelector('button');
    expect(dismiss.textContent).toContain('Dismiss notice');
    dismiss.click();
    await Promise.resolve();
    expect(status(element).textContent).toBe('');
    await expect(element).toBeAccessible();
  });

  it('ignores a label key it does not know and stops listening when removed', async () => {
    const client = fakeClient();
    const element = mount(client);
    client.emit({ type: 'notice', notice: { ...returned.notice, labelKey: 'Notice_FromANewerConnector' } });
    await Promise.resolve();
    expect(status(element).textContent).toBe('');
    await expect(element).toBeAccessible();
    document.body.removeChild(element);
    expect(client.listening).toBe(0);
  });
});
