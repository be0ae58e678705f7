import { createElement } from 'lwc';
import VoicePanel from 'c/voicePanel';
import offered from 'fixtures/panels/voice-offered.json';
import held from 'fixtures/panels/voice-held.json';
import chatActive from 'fixtures/panels/chat-active.json';

function mount(frame) {
  const element = createElement('c-voice-panel', { is: VoicePanel });
  element.interactions = frame.snapshot.interactions;
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

  it('V13 S6 a live call has its screen pop; a Name chosen there becomes setDetails', async () => {
    const { element, sent } = mount(held);
    await Promise.resolve();
    const call = held.snapshot.interactions[0];
    const pop = element.shadowRoot.querySelector('c-screen-pop');
    expect(pop.interaction.id).toBe(call.id);
    pop.dispatchEvent(new CustomEvent('details', { detail: { interactionId: call.id, whoId: '0038d0000000001AAA' } }));
    expect(sent).toEqual([{ command: 'setDetails', interactionId: call.id, args: { whoId: '0038d0000000001AAA' } }]);
  });

  it('shows only calls: a chat on the desk is the chat panel’s', async () => {
    const { element } = mount(chatActive);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('c-call-card, c-offer-card')).toBeNull();
  });
});
