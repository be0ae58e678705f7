import { createElement } from 'lwc';
import DigitalOutbound from 'c/digitalOutbound';
import senders from 'fixtures/panels/directory-senders.json';
import channelSettings from 'fixtures/panels/directory-channel-settings.json';
import ackEmail from 'fixtures/panels/ack-outbound-email.json';
import ackSms from 'fixtures/panels/ack-outbound-sms.json';
import rejectedSender from 'fixtures/panels/rejected-outbound-unknown-sender.json';

function mount(channel) {
  const element = createElement('c-digital-outbound', { is: DigitalOutbound });
  element.channel = channel;
  element.senders = senders.document.senders;
  element.channelSettings = channelSettings.document.digital[channel];
  const events = [];
  element.addEventListener('command', (event) => events.push(event.detail));
  element.addEventListener('cancel', () => events.push('cancel'));
  document.body.appendChild(element);
  return { element, events };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const flush = () => Promise.resolve().then(() => Promise.resolve());
function type(element, selector, value) {
  const field = $(element, selector);
  field.value = value;
  field.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}
function choose(input, files) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new CustomEvent('change'));
}

describe('c-digital-outbound', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('D13 the e-mail form: sender channel (e-mail ones only, the only one chosen), recipient, subject, body, files, notes', async () => {
    const { element } = mount('email');
    await flush();
    const sender = $(element, 'lightning-combobox.sender');
    expect(sender.options).toEqual([
      { label: 'Customer Support (support@open-softphone.example)', value: 'support-email' }
    ]);
    expect(sender.value).toBe('support-email');
    expect($(element, 'lightning-input.to').type).toBe('email');
    expect($(element, 'lightning-input.subject')).not.toBeNull();
    expect($(element, 'lightning-input-rich-text.body')).not.toBeNull();
    expect($(element, 'input[type="file"]')).not.toBeNull();
    expect($(element, 'h2').textContent).toBe('Outbound e-mail');
    await expect(element).toBeAccessible();
  });

  it('D13 Save and send sends sendOutbound e-mail with the files and notes; the new interaction number is shown', async () => {
    const { element, events } = mount('email');
    await flush();
    type(element, 'lightning-input.to', 'pat.customer@example.org');
    type(element, 'lightning-input.subject', 'Your replacement order');
    type(element, 'lightning-input-rich-text.body', '<p>Hello Pat, it ships <b>today</b>.</p>');
    type(element, 'lightning-textarea.notes', 'Promised today');
    choose($(element, 'input[type="file"]'), [{ name: 'label.pdf', type: 'application/pdf', size: 2048 }]);
    await flush();
    expect(element.shadowRoot.querySelectorAll('.files c-attachment-chip')).toHaveLength(1);
    $(element, 'button.send').click();
    const [detail] = events;
    expect(detail.command).toBe('sendOutbound');
    expect(detail.interactionId).toBeUndefined();
    expect(detail.args).toEqual({
      channel: 'email',
      senderId: 'support-email',
      to: 'pat.customer@example.org',
      subject: 'Your replacement order',
      body: '<p>Hello Pat, it ships <b>today</b>.</p>',
      attachments: [expect.objectContaining({ name: 'label.pdf', contentType: 'application/pdf', sizeBytes: 2048 })],
      details: { notes: 'Promised today' }
    });
    detail.resolve(ackEmail);
    await flush();
    expect($(element, '.sent').textContent).toBe(`Sent and logged as ${ackEmail.created.interactionNumber}.`);
    expect($(element, '.sent').getAttribute('role')).toBe('status');
    expect($(element, 'lightning-input.to').value).toBe('');
  });

  it('D13 a file over 10 MB or of a blocked type is refused with its reason before sending', async () => {
    const { element, events } = mount('email');
    await flush();
    choose($(element, 'input[type="file"]'), [
      { name: 'scan.tiff', type: 'image/tiff', size: 11 * 1024 * 1024 },
      { name: 'tool.exe', type: 'application/octet-stream', size: 10 }
    ]);
    await flush();
    const refused = [...element.shadowRoot.querySelectorAll('.refused c-attachment-chip')];
    expect(refused.map((chip) => chip.attachment.name)).toEqual(['scan.tiff', 'tool.exe']);
    expect(refused.every((chip) => chip.reason.length > 10)).toBe(true);
    type(element, 'lightning-input.to', 'pat.customer@example.org');
    $(element, 'button.send').click();
    expect(events[0].args.attachments).toBeUndefined();
    await expect(element).toBeAccessible();
  });

  it('D13 a refusal is said in words (its labelKey), and the form keeps what was typed', async () => {
    const { element, events } = mount('email');
    await flush();
    type(element, 'lightning-input.to', 'pat.customer@example.org');
    $(element, 'button.send').click();
    await flush();
    expect($(element, 'button.send').disabled).toBe(true);
    events[0].resolve(rejectedSender);
    await flush();
    expect($(element, 'button.send').disabled).toBe(false);
    const error = $(element, '.outbound-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(rejectedSender.error.labelKey).toBe('Reason_DigitalUnknownSender');
    expect(error.textContent).toBe('This sender is not available for this kind of message; pick one from the list.');
    expect($(element, 'lightning-input.to').value).toBe('pat.customer@example.org');
  });

  it('D13 an invalid field is named by its label', async () => {
    const { element, events } = mount('sms');
    await flush();
    $(element, 'button.send').click();
    events[0].resolve({
      type: 'rejected',
      error: { code: 'INVALID_INPUT', message: 'x', labelKey: 'Reason_InvalidInput', issues: [{ path: 'to', message: 'x' }] }
    });
    await flush();
    expect($(element, '.outbound-error').textContent).toContain('Check: Destination number.');
  });

  it('D14 the SMS form: destination number, SMS sender, text (with the channel limit), notes; Save and send', async () => {
    const { element, events } = mount('sms');
    await flush();
    expect($(element, 'h2').textContent).toBe('Outbound SMS');
    expect($(element, 'lightning-combobox.sender').options.map((o) => o.value)).toEqual(['support-sms']);
    expect($(element, 'lightning-input.to').type).toBe('tel');
    expect($(element, 'lightning-textarea.text').maxLength).toBe(1600);
    expect($(element, 'input[type="file"]')).toBeNull();
    type(element, 'lightning-input.to', '+1 (415) 555-0177');
    type(element, 'lightning-textarea.text', 'Your visit is confirmed for Tuesday at 9.');
    $(element, 'button.send').click();
    expect(events[0].args).toEqual({
      channel: 'sms',
      senderId: 'support-sms',
      to: '+1 (415) 555-0177',
      text: 'Your visit is confirmed for Tuesday at 9.'
    });
    events[0].resolve(ackSms);
    await flush();
    expect($(element, '.sent').textContent).toContain(ackSms.created.interactionNumber);
    await expect(element).toBeAccessible();
  });

  it('D13 D14 keyboard: Escape and Cancel leave the form', async () => {
    const { element, events } = mount('sms');
    await flush();
    $(element, 'section').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    $(element, 'button.cancel').click();
    expect(events).toEqual(['cancel', 'cancel']);
  });
});
