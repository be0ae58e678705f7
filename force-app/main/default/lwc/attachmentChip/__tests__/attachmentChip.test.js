import { createElement } from 'lwc';
import AttachmentChip from 'c/attachmentChip';
import returning from 'fixtures/panels/chat-returning.json';

const chat = returning.snapshot.interactions.find((i) => i.channel === 'chat');
const fileOf = (name) => chat.transcript.flatMap((t) => t.attachments).find((a) => a.name === name);
function mount(props) {
  const element = createElement('c-attachment-chip', { is: AttachmentChip });
  Object.assign(element, props);
  const removed = [];
  element.addEventListener('remove', (event) => removed.push(event.detail));
  document.body.appendChild(element);
  return { element, removed };
}

describe('c-attachment-chip', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C5 a recorded customer file: its name (full in the title) and size, no remove button', async () => {
    const { element } = mount({ attachment: fileOf('parcel-label.jpg') });
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('.name').textContent).toBe('parcel-label.jpg');
    expect(element.shadowRoot.querySelector('.size').textContent).toContain('47.1 KB');
    expect(element.shadowRoot.querySelector('.slds-pill__label').title).toBe('parcel-label.jpg (47.1 KB)');
    expect(element.shadowRoot.querySelector('lightning-button-icon')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('C5 D7 a file waiting to be sent can be removed', async () => {
    const { element, removed } = mount({ attachment: fileOf('returns-form.pdf'), removable: true });
    await Promise.resolve();
    const remove = element.shadowRoot.querySelector('lightning-button-icon');
    expect(remove.alternativeText).toBe('Remove returns-form.pdf');
    remove.click();
    expect(removed).toEqual([{ id: fileOf('returns-form.pdf').id }]);
    await expect(element).toBeAccessible();
  });

  it('C5 a refused file shows its reason as an error; a name with markup stays text', async () => {
    const { element } = mount({
      attachment: { id: 'x', name: '<img src=x onerror=alert(1)>.exe', contentType: 'application/x-msdownload', sizeBytes: 12 },
      reason: 'This file cannot be sent.'
    });
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('img')).toBeNull();
    expect(element.shadowRoot.querySelector('.name').textContent).toBe('<img src=x onerror=alert(1)>.exe');
    expect(element.shadowRoot.querySelector('.slds-pill').classList).toContain('slds-has-error');
    expect(element.shadowRoot.querySelector('.reason').textContent).toBe('This file cannot be sent.');
    expect(element.shadowRoot.querySelector('.size').textContent).toContain('12 B');
    await expect(element).toBeAccessible();
  });
});
