import { createElement } from 'lwc';
import ChatPanel from 'c/chatPanel';
import offered from 'fixtures/panels/chat-offered.json';
import active from 'fixtures/panels/chat-active.json';
import wrapUp from 'fixtures/panels/chat-wrap-up.json';
import returning from 'fixtures/panels/chat-returning.json';
import followUp from 'fixtures/panels/chat-follow-up.json';
import conference from 'fixtures/panels/chat-conference.json';
import guest from 'fixtures/panels/chat-conference-guest.json';
import voiceOffered from 'fixtures/panels/voice-offered.json';
import offline from 'fixtures/panels/presence-offline.json';
import queues from 'fixtures/panels/directory-queues.json';
import agents from 'fixtures/panels/directory-agents.json';
import quickTexts from 'fixtures/panels/directory-quick-texts.json';
import channelSettings from 'fixtures/panels/directory-channel-settings.json';
import wrapUpCodes from 'fixtures/panels/directory-wrap-up-codes.json';

function mount(frame) {
  const element = createElement('c-chat-panel', { is: ChatPanel });
  element.interactions = frame.snapshot.interactions;
  element.queues = queues.document.queues;
  element.agents = agents.document.agents;
  element.quickTexts = quickTexts.document.texts;
  element.channelSettings = channelSettings.document.chat;
  element.wrapUpCodes = wrapUpCodes.document.codes;
  element.selfId = frame.snapshot.agent.agentId;
  element.dialCommand = frame.snapshot.commands.dial;
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}
const chatOf = (frame) => frame.snapshot.interactions.find((i) => i.channel === 'chat');
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
/** The real button inside a c-command-button. */
const press = (host) => host.shadowRoot.querySelector('button').click();
const fire = (target, name, detail) => target.dispatchEvent(new CustomEvent(name, { detail }));

describe('c-chat-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('C1 C2 an offered chat: its offer card with the queue’s name, and the bot transcript', async () => {
    const { element, sent } = mount(offered);
    await Promise.resolve();
    const card = $(element, 'c-offer-card');
    expect(card.queueName).toBe('Chat Support');
    const transcript = $(element, 'c-transcript-view').entries;
    expect(transcript.map((t) => t.from)).toEqual(['bot', 'customer', 'bot']);
    const id = chatOf(offered).id;
    fire(card, 'offercommand', { command: 'accept', interactionId: id });
    expect(sent).toEqual([{ command: 'accept', interactionId: id }]);
    expect($(element, 'c-contact-details')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('C3 C4 C5 C7 a live chat: conversation, the message box with files and Quick Texts, details, End', async () => {
    const { element, sent } = mount(active);
    await Promise.resolve();
    const id = chatOf(active).id;
    expect($(element, 'h2').textContent).toBe('Chris Miller');
    const composer = $(element, 'c-chat-composer');
    expect(composer.availability).toMatchObject({ command: 'send', enabled: true });
    expect(composer.channelSettings).toEqual(channelSettings.document.chat);
    expect(composer.quickTexts).toEqual(quickTexts.document.texts);
    expect(composer.channel).toBe('chat');
    const file = { id: 'file-1', name: 'label.jpg', contentType: 'image/jpeg', sizeBytes: 48213 };
    fire(composer, 'send', { text: 'Checking now.', attachments: [file] });
    press($(element, 'c-command-button.end'));
    expect(sent).toEqual([
      { command: 'send', interactionId: id, args: { text: 'Checking now.', attachments: [file] } },
      { command: 'end', interactionId: id }
    ]);
    expect($(element, 'c-contact-details').interaction.id).toBe(id);
    await expect(element).toBeAccessible();
  });

  it('C3 V13 the details: Name, Related To, tags and notes go as setDetails; the details fold away and back', async () => {
    const { element, sent } = mount(active);
    await Promise.resolve();
    const id = chatOf(active).id;
    fire($(element, 'c-contact-details'), 'details', { interactionId: id, tags: ['late'] });
    expect(sent).toEqual([{ command: 'setDetails', interactionId: id, args: { tags: ['late'] } }]);
    const toggle = $(element, '.details-toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    toggle.click();
    await Promise.resolve();
    expect($(element, 'c-contact-details')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await Promise.resolve();
    expect($(element, 'c-contact-details')).not.toBeNull();
  });

  it('C8 C9 C11 Transfer, the conference and Open page get the chat and the directories; their commands go up', async () => {
    const { element, sent } = mount(conference);
    await Promise.resolve();
    const chat = chatOf(conference);
    const transfer = $(element, 'c-chat-transfer');
    expect(transfer.chat).toEqual(chat);
    expect(transfer.agents).toEqual(agents.document.agents);
    expect(transfer.queues).toEqual(queues.document.queues);
    expect(transfer.selfId).toBe(conference.snapshot.agent.agentId);
    const meeting = $(element, 'c-chat-conference');
    expect(meeting.chat.conference[0].state).toBe('Active');
    fire(meeting, 'command', { command: 'conferenceEnd', interactionId: chat.id });
    // Transfer is disabled while the conference runs (CHAT_CONFERENCE_IN_PROGRESS): nothing is sent.
    fire(transfer, 'command', { command: 'transfer', interactionId: chat.id, args: { target: { kind: 'queue', queueId: 'Chat_Support' } } });
    const resolve = () => {};
    fire($(element, 'c-push-page'), 'command', { command: 'pushPage', interactionId: chat.id, args: { url: 'https://example.org' }, resolve });
    expect(sent).toEqual([
      { command: 'conferenceEnd', interactionId: chat.id },
      { command: 'pushPage', interactionId: chat.id, args: { url: 'https://example.org' }, resolve }
    ]);
    await expect(element).toBeAccessible();
  });

  it('C9 the invited supervisor’s own desk: may write and leave; no End, the owner ends the chat', async () => {
    const { element, sent } = mount(guest);
    await Promise.resolve();
    expect($(element, 'c-command-button.end')).toBeNull();
    expect($(element, 'c-chat-composer').availability.enabled).toBe(true);
    const chat = chatOf(guest);
    fire($(element, 'c-chat-conference'), 'command', { command: 'conferenceLeave', interactionId: chat.id });
    expect(sent).toEqual([{ command: 'conferenceLeave', interactionId: chat.id }]);
    await expect(element).toBeAccessible();
  });

  it('C5 C11 C12 C16 D6 a returning customer: files and the pushed page, history and earlier notes, numbers dial', async () => {
    const { element, sent } = mount(returning);
    await Promise.resolve();
    const chat = chatOf(returning);
    const transcript = $(element, 'c-transcript-view');
    expect(transcript.entries).toEqual(chat.transcript);
    expect(transcript.dial).toEqual(returning.snapshot.commands.dial);
    const details = $(element, 'c-contact-details');
    expect(details.interaction.history).toHaveLength(1);
    expect(details.interaction.myEarlierNotes[0].body).toBe('Order delayed by the carrier');
    expect(details.dial).toEqual(returning.snapshot.commands.dial);
    fire(transcript, 'dialnumber', { number: '+1 415 555 0177' });
    fire(details, 'dialnumber', { number: '+14155550177' });
    expect(sent).toEqual([
      {
        command: 'dial',
        args: { interactionId: expect.stringMatching(/^voice-/), number: '+1 415 555 0177', source: 'clickToDial' }
      },
      { command: 'dial', args: { interactionId: expect.stringMatching(/^voice-/), number: '+14155550177', source: 'keypad' } }
    ]);
    expect(sent[0].args.interactionId).not.toBe(sent[1].args.interactionId);
    expect(sent[0]).not.toHaveProperty('interactionId');
    await Promise.resolve();
    expect($(element, '[role="status"]').textContent).toBe('Calling +14155550177. The call is in the Voice tab.');
    await expect(element).toBeAccessible();
  });

  it('C12 no call while the snapshot says dialling is not possible', async () => {
    const { element, sent } = mount(returning);
    element.dialCommand = offline.snapshot.commands.dial;
    await Promise.resolve();
    fire($(element, 'c-transcript-view'), 'dialnumber', { number: '+1 415 555 0177' });
    expect(sent).toEqual([]);
  });

  it('C10 C13 C14 after the customer left: no message box; reasons, the transcript e-mail, Done', async () => {
    const { element, sent } = mount(wrapUp);
    await Promise.resolve();
    const chat = chatOf(wrapUp);
    // The customer's leaving is announced by the softphone, outside the tabs (softphone.test.js, C10).
    expect($(element, '[role="status"]').textContent).toBe('');
    expect($(element, 'c-chat-composer')).toBeNull();
    expect($(element, 'c-wrap-up-form').codes).toEqual(wrapUpCodes.document.codes);
    expect($(element, 'c-transcript-email').chat).toEqual(chat);
    expect($(element, 'c-contact-details').hideNotes).toBe(true);
    fire($(element, 'c-transcript-email'), 'command', { command: 'setTranscriptEmail', interactionId: chat.id, args: { enabled: true } });
    fire($(element, 'c-wrap-up-form'), 'command', { command: 'setDetails', interactionId: chat.id, args: { dispositions: ['Complaint'] } });
    const done = $(element, 'c-command-button.done');
    expect(done.label).toBe('Done');
    press(done);
    expect(sent).toEqual([
      { command: 'setTranscriptEmail', interactionId: chat.id, args: { enabled: true } },
      { command: 'setDetails', interactionId: chat.id, args: { dispositions: ['Complaint'] } },
      { command: 'done', interactionId: chat.id }
    ]);
    sent.length = 0;
    fire($(element, 'c-transcript-view'), 'dialnumber', { number: '+14155550177' });
    await Promise.resolve();
    expect($(element, '[role="status"]').textContent).toBe('Calling +14155550177. The call is in the Voice tab.');
    await expect(element).toBeAccessible();
  });

  it('C17 Done asked for a follow-up queue: the follow-up form instead of the wrap-up; its commands go up', async () => {
    const { element, sent } = mount(followUp);
    await Promise.resolve();
    const chat = chatOf(followUp);
    expect($(element, 'c-wrap-up-form')).toBeNull();
    expect($(element, 'c-command-button.done')).toBeNull();
    const form = $(element, 'c-follow-up-form');
    expect(form.queueIds).toEqual(channelSettings.document.chat.followUp.queueIds);
    fire(form, 'command', { command: 'followUpCancel', interactionId: chat.id });
    fire(form, 'command', { command: 'done', interactionId: chat.id });
    expect(sent).toEqual([{ command: 'followUpCancel', interactionId: chat.id }]);
    await expect(element).toBeAccessible();
  });

  it('shows only chats', async () => {
    const { element } = mount(voiceOffered);
    await Promise.resolve();
    expect($(element, 'c-offer-card')).toBeNull();
  });
});
