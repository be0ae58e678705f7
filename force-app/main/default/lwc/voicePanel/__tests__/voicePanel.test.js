import { createElement } from 'lwc';
import VoicePanel from 'c/voicePanel';
import offered from 'fixtures/panels/voice-offered.json';
import held from 'fixtures/panels/voice-held.json';
import connected from 'fixtures/panels/voice-connected.json';
import chatActive from 'fixtures/panels/chat-active.json';
import available from 'fixtures/panels/presence-available.json';
import secondCall from 'fixtures/panels/voice-second-call.json';
import conference from 'fixtures/panels/voice-conference.json';
import consult from 'fixtures/panels/voice-consult.json';
import agents from 'fixtures/panels/directory-agents.json';
import queues from 'fixtures/panels/directory-queues.json';
import addressBook from 'fixtures/panels/directory-address-book.json';
import outboundSkills from 'fixtures/panels/directory-outbound-skills.json';
import emergencyNumbers from 'fixtures/panels/directory-emergency-numbers.json';
import channelSettings from 'fixtures/panels/directory-channel-settings.json';
import wrapUp from 'fixtures/panels/voice-wrap-up.json';

function mount(frame) {
  const element = createElement('c-voice-panel', { is: VoicePanel });
  element.interactions = frame.snapshot.interactions;
  Object.assign(element, {
    agents: agents.document.agents,
    queues: queues.document.queues,
    addressBook: addressBook.document.entries,
    outboundSkills: outboundSkills.document,
    emergencyNumbers: emergencyNumbers.document,
    channelSettings: channelSettings.document,
    dial: frame.snapshot.commands.dial,
    agentId: frame.snapshot.agent.agentId
  });
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}

describe('c-voice-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V1 an offered call shows as its offer card; Accept goes up as a command', async () => {
    const { element, sent } = mount(offered);
    await Promise.resolve();
    const card = element.shadowRoot.querySelector('c-offer-card');
    expect(card.queueName).toBe('Voice Support');
    expect(element.shadowRoot.querySelector('c-call-controls')).toBeNull();
    const id = offered.snapshot.interactions[0].id;
    card.dispatchEvent(new CustomEvent('offercommand', { detail: { command: 'accept', interactionId: id } }));
    expect(sent).toEqual([{ command: 'accept', interactionId: id }]);
    await expect(element).toBeAccessible();
  });

  it('V2 a live call shows its card and controls; a control goes up as a command', async () => {
    const { element, sent } = mount(held);
    await Promise.resolve();
    const call = held.snapshot.interactions[0];
    expect(element.shadowRoot.querySelector('c-call-card').call.id).toBe(call.id);
    const controls = element.shadowRoot.querySelector('c-call-controls');
    controls.dispatchEvent(new CustomEvent('callcommand', { detail: { command: 'resume', interactionId: call.id } }));
    expect(sent).toEqual([{ command: 'resume', interactionId: call.id }]);
    await expect(element).toBeAccessible();
  });

  it('V8 V13 S6 a live call has its contact details (with the screen pop); a choice there becomes setDetails', async () => {
    const { element, sent } = mount(held);
    await Promise.resolve();
    const call = held.snapshot.interactions[0];
    const details = element.shadowRoot.querySelector('c-contact-details');
    expect(details.interaction.id).toBe(call.id);
    expect(details.hideNotes).toBe(false);
    details.dispatchEvent(
      new CustomEvent('details', { detail: { interactionId: call.id, whoId: '0038d0000000001AAA', tags: ['billing'] } })
    );
    expect(sent).toEqual([
      { command: 'setDetails', interactionId: call.id, args: { whoId: '0038d0000000001AAA', tags: ['billing'] } }
    ]);
  });

  it('V9 V10 with no call the dialer is open and the emergency buttons are there; a dial goes up without interactionId', async () => {
    const { element, sent } = mount(available);
    await Promise.resolve();
    const dialer = element.shadowRoot.querySelector('c-outbound-dialer');
    expect(dialer.outboundSkills).toEqual(outboundSkills.document);
    expect(dialer.dial).toEqual(available.snapshot.commands.dial);
    expect(dialer.liveCall).toBe(false);
    expect(element.shadowRoot.querySelector('c-emergency-call').emergencyNumbers).toEqual(emergencyNumbers.document);
    const args = { interactionId: 'voice-1', number: '+14155550170', skillId: 'Voice_Sales' };
    dialer.dispatchEvent(new CustomEvent('command', { detail: { command: 'dial', args } }));
    element.shadowRoot
      .querySelector('c-emergency-call')
      .dispatchEvent(new CustomEvent('command', { detail: { command: 'dial', args: { interactionId: 'voice-2', number: '911' } } }));
    expect(sent).toEqual([
      { command: 'dial', args },
      { command: 'dial', args: { interactionId: 'voice-2', number: '911' } }
    ]);
    await expect(element).toBeAccessible();
  });

  it('V11 during a live call the dialer opens on demand and knows the call must be held first', async () => {
    const { element } = mount(connected);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('c-outbound-dialer')).toBeNull();
    const toggle = [...element.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'New call');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await Promise.resolve();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(element.shadowRoot.querySelector('c-outbound-dialer').liveCall).toBe(true);
    expect(element.shadowRoot.querySelector('c-emergency-call')).not.toBeNull();
  });

  it('V11 two calls, one held: both cards with their own controls, and Swap', async () => {
    const { element, sent } = mount(secondCall);
    await Promise.resolve();
    const cards = [...element.shadowRoot.querySelectorAll('c-call-card')].map((c) => c.call.id);
    expect(cards).toEqual(secondCall.snapshot.interactions.map((i) => i.id));
    expect(element.shadowRoot.querySelectorAll('c-call-controls')).toHaveLength(2);
    const swap = element.shadowRoot.querySelector('c-call-swap');
    expect(swap.interactions).toHaveLength(2);
    swap.dispatchEvent(new CustomEvent('callcommand', { detail: { command: 'hold', interactionId: cards[1] } }));
    expect(sent).toEqual([{ command: 'hold', interactionId: cards[1] }]);
    await expect(element).toBeAccessible();
  });

  it('V4 V6 V7 a call gets its transfer picker, consult bar and conference roster with the directories', async () => {
    const { element, sent } = mount(conference);
    await Promise.resolve();
    const call = conference.snapshot.interactions[0];
    const transfer = element.shadowRoot.querySelector('c-call-transfer');
    expect(transfer.selfId).toBe(conference.snapshot.agent.agentId);
    expect(transfer.queues).toEqual(queues.document.queues);
    expect(element.shadowRoot.querySelector('c-conference-roster').maxParties).toBe(5);
    const target = { kind: 'queue', queueId: 'Voice_Sales' };
    transfer.dispatchEvent(
      new CustomEvent('callcommand', { detail: { command: 'consult', interactionId: call.id, args: { target } } })
    );
    expect(sent).toEqual([{ command: 'consult', interactionId: call.id, args: { target } }]);
    const { element: consulting } = mount(consult);
    await Promise.resolve();
    expect(consulting.shadowRoot.querySelector('c-consult-bar').call.consult.state).toBe('connected');
    expect(consulting.shadowRoot.querySelector('c-call-transcript').sides).toBe('both');
  });

  it('shows only calls: a chat on the desk is the chat panel’s', async () => {
    const { element } = mount(chatActive);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('c-call-card, c-offer-card')).toBeNull();
  });

  it('V13 after the call: the wrap-up and Done (a command button); Done sends wrapUpDone, refused it says why', async () => {
    const { element, sent } = mount(wrapUp);
    await Promise.resolve();
    const call = wrapUp.snapshot.interactions[0];
    expect(element.shadowRoot.querySelector('c-wrap-up-form').interaction.id).toBe(call.id);
    const done = element.shadowRoot.querySelector('c-command-button.done');
    expect(done).toMatchObject({ label: 'Done', variant: 'brand' });
    done.shadowRoot.querySelector('button').click();
    expect(sent).toEqual([{ command: 'wrapUpDone', interactionId: call.id }]);
    // Derived: the recorded wrap-up with Done refused as a required disposition refuses it (C14).
    const refused = { command: 'wrapUpDone', enabled: false, reason: 'DISPOSITION_REQUIRED', labelKey: 'Reason_DispositionRequired' };
    element.interactions = [{ ...call, commands: call.commands.map((c) => (c.command === 'wrapUpDone' ? refused : c)) }];
    await Promise.resolve();
    const button = element.shadowRoot.querySelector('c-command-button.done').shadowRoot.querySelector('button');
    expect(button.disabled).toBe(true);
    expect(button.getRootNode().querySelector(`[id="${button.getAttribute('aria-describedby')}"]`).textContent).not.toBe('');
    button.click();
    expect(sent).toHaveLength(1);
    await expect(element).toBeAccessible();
  });
});
