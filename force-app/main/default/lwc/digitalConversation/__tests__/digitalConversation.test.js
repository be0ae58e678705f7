import { createElement } from 'lwc';
import DigitalConversation from 'c/digitalConversation';
import emailOpen from 'fixtures/panels/digital-email-open.json';
import resolvedFrame from 'fixtures/panels/digital-resolved.json';
import switcherFrame from 'fixtures/panels/digital-switcher.json';
import transferredFrame from 'fixtures/panels/digital-transferred.json';
import earlierNotesFrame from 'fixtures/panels/digital-earlier-notes.json';
import queuesDirectory from 'fixtures/panels/directory-queues.json';
import wrapUpCodes from 'fixtures/panels/directory-wrap-up-codes.json';
import channelSettings from 'fixtures/panels/directory-channel-settings.json';

const find = (frame, channel) => frame.snapshot.interactions.find((i) => i.channel === channel);

function mount(interaction) {
  const element = createElement('c-digital-conversation', { is: DigitalConversation });
  element.interaction = interaction;
  element.queues = queuesDirectory.document.queues;
  element.wrapUpCodes = wrapUpCodes.document.codes;
  element.channelSettings = channelSettings.document.digital[interaction.channel];
  const commands = [];
  element.addEventListener('command', (event) => commands.push(event.detail));
  document.body.appendChild(element);
  return { element, commands };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
/** Resolve, Transfer and End are c-command-buttons: the real button is in each one's shadow tree. */
const button = (element, name) => $(element, `c-command-button.${name}`).shadowRoot.querySelector('button');
const flush = () => Promise.resolve().then(() => Promise.resolve());

describe('c-digital-conversation', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('D5 D8 an open e-mail: who, channel, status chip New, subject, transcript and the contact details', async () => {
    const email = find(emailOpen, 'email');
    const { element } = mount(email);
    await flush();
    expect($(element, 'h2').textContent).toBe(email.customer.name);
    expect($(element, '.slds-badge').textContent).toBe('New');
    expect($(element, '.subject').textContent).toContain(email.subject);
    expect($(element, 'c-transcript-view').entries).toEqual(email.transcript);
    // D5: interaction number, e-mail address, Name / Related To and notes are the contact details' (chat helper).
    expect($(element, 'c-contact-details').interaction).toEqual(email);
    expect($(element, 'section').getAttribute('aria-label')).toBe(`Conversation with ${email.customer.name} on E-mail`);
    await expect(element).toBeAccessible();
  });

  it('D7 the reply box gets the channel settings (e-mail: files and emoji) and a reply goes up as reply', async () => {
    const email = find(emailOpen, 'email');
    const { element, commands } = mount(email);
    await flush();
    const composer = $(element, 'c-chat-composer');
    expect(composer.availability).toEqual({ command: 'reply', enabled: true });
    expect(composer.channelSettings.attachments.allowed).toBe(true);
    expect(composer.channelSettings.emoji).toBe(true);
    const attachments = [{ id: 'file-1', name: 'label.pdf', contentType: 'application/pdf', sizeBytes: 2048 }];
    composer.dispatchEvent(new CustomEvent('send', { detail: { text: 'Here is the label.', attachments } }));
    expect(commands).toEqual([
      { command: 'reply', interactionId: email.id, args: { text: 'Here is the label.', attachments } }
    ]);
  });

  it('D7 SMS: the reply box is told no files and no emoji', async () => {
    const { element } = mount(find(switcherFrame, 'sms'));
    await flush();
    const settings = $(element, 'c-chat-composer').channelSettings;
    expect(settings.attachments.allowed).toBe(false);
    expect(settings.emoji).toBe(false);
  });

  it('D9 Set as resolved sends resolve; once Resolved it is disabled and says why', async () => {
    const email = find(emailOpen, 'email');
    const { element, commands } = mount(email);
    await flush();
    button(element, 'resolve').click();
    expect(commands).toEqual([{ command: 'resolve', interactionId: email.id }]);
    element.interaction = find(resolvedFrame, 'email');
    await flush();
    expect($(element, '.slds-badge').textContent).toBe('Resolved');
    const resolve = button(element, 'resolve');
    expect(resolve.disabled).toBe(true);
    const reason = resolve.getRootNode().querySelector(`[id="${resolve.getAttribute('aria-describedby')}"]`);
    expect(reason.textContent.length).toBeGreaterThan(5);
    expect(reason.textContent).not.toContain('Reason_');
    await expect(element).toBeAccessible();
  });

  it('D2 shown with unread customer messages, it marks them read once', async () => {
    const whatsapp = find(switcherFrame, 'whatsapp');
    expect(whatsapp.unread).toBeGreaterThan(0);
    const { element, commands } = mount(whatsapp);
    await flush();
    element.interaction = { ...whatsapp };
    await flush();
    expect(commands).toEqual([{ command: 'markRead', interactionId: whatsapp.id }]);
  });

  it('D12 Transfer opens the queue picker (digital queues only); choosing one sends transfer {queueId}', async () => {
    const messenger = find(switcherFrame, 'messenger');
    const { element, commands } = mount(messenger);
    await flush();
    const toggle = button(element, 'transfer');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flush();
    const picker = $(element, 'c-target-picker');
    expect(picker.kinds).toEqual(['queue']);
    expect(picker.digitalOnly).toBe(true);
    expect(picker.channel).toBe('messenger');
    picker.dispatchEvent(new CustomEvent('select', { detail: { target: { queueId: 'Instagram' } } }));
    await flush();
    expect(commands).toEqual([{ command: 'transfer', interactionId: messenger.id, args: { queueId: 'Instagram' } }]);
    expect($(element, 'c-target-picker')).toBeNull();
  });

  it('D12 after three transfers the details show the new master contact id and the count', async () => {
    const messenger = find(transferredFrame, 'messenger');
    const { element } = mount(messenger);
    await flush();
    expect($(element, '.master').textContent.trim()).toBe(messenger.masterContactId);
    expect(messenger.masterContactId).toMatch(/\/mc3$/);
    expect($(element, '.transfers').textContent).toBe('3');
    await expect(element).toBeAccessible();
  });

  it('D10 End opens the End form with the codes; the form replaces the details until Cancel', async () => {
    const sms = find(switcherFrame, 'sms');
    const { element, commands } = mount(sms);
    await flush();
    button(element, 'end').click();
    await flush();
    const form = $(element, 'c-digital-end-form');
    expect(form.interaction).toEqual(sms);
    expect(form.codes).toEqual(wrapUpCodes.document.codes);
    expect(form.dispositionRequired).toBe(true);
    expect($(element, 'c-contact-details')).toBeNull();
    const resolve = () => {};
    form.dispatchEvent(
      new CustomEvent('command', { detail: { command: 'end', interactionId: sms.id, args: {}, resolve } })
    );
    expect(commands).toEqual([{ command: 'end', interactionId: sms.id, args: {}, resolve }]);
    form.dispatchEvent(new CustomEvent('cancel'));
    await flush();
    expect($(element, 'c-digital-end-form')).toBeNull();
    expect($(element, 'c-contact-details')).not.toBeNull();
  });

  it('D5 D6 the contact details get the earlier notes and send their changes as setDetails', async () => {
    const sms = earlierNotesFrame.snapshot.interactions.find((i) => i.myEarlierNotes.length > 0);
    const { element, commands } = mount(sms);
    await flush();
    const details = $(element, 'c-contact-details');
    expect(details.interaction.myEarlierNotes[0].body).toBe('Prefers morning visits');
    expect(details.shadowRoot.textContent).toContain('Prefers morning visits');
    details.dispatchEvent(new CustomEvent('details', { detail: { interactionId: sms.id, notes: 'Tuesday 9:00' } }));
    expect(commands).toEqual([{ command: 'setDetails', interactionId: sms.id, args: { notes: 'Tuesday 9:00' } }]);
  });

  it('customer text is text: <img src=x onerror=alert(1)> shows literally', async () => {
    const sms = earlierNotesFrame.snapshot.interactions.find((i) => i.myEarlierNotes.length > 0);
    const { element } = mount(sms);
    await flush();
    const transcript = $(element, 'c-transcript-view');
    expect(transcript.shadowRoot.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(transcript.shadowRoot.querySelector('img')).toBeNull();
    expect(element.shadowRoot.querySelector('img')).toBeNull();
    await expect(element).toBeAccessible();
  });
});
