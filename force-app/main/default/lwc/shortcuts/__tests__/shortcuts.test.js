// The pure shortcut module over recorded snapshots: which key is which intent, and which command of which
// interaction an intent means now (the softphone's test proves what it sends).
import { SHORTCUTS, liveCall, newestOffer, shortcutIntent, shortcutTarget } from 'c/shortcuts';
import voiceOffered from 'fixtures/panels/voice-offered.json';
import chatOffered from 'fixtures/panels/chat-offered.json';
import voiceConnected from 'fixtures/panels/voice-connected.json';
import voiceHeld from 'fixtures/panels/voice-held.json';
import secondCall from 'fixtures/panels/voice-second-call.json';
import chatActive from 'fixtures/panels/chat-active.json';

const interactionsOf = (...frames) => frames.flatMap((frame) => frame.snapshot.interactions);
const chord = (code, extra = {}) => ({ code, altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, ...extra });

describe('c/shortcuts', () => {
  it('V2 C1 Alt+Shift+A, D, H, M and E are accept, decline, hold, mute and end, by the physical key', () => {
    expect(['KeyA', 'KeyD', 'KeyH', 'KeyM', 'KeyE'].map((code) => shortcutIntent(chord(code)))).toEqual([
      'accept',
      'decline',
      'hold',
      'mute',
      'end'
    ]);
    // A Mac's Option+Shift+A gives key "Å", an AZERTY keyboard's A key is code "KeyQ": the code decides.
    expect(shortcutIntent({ ...chord('KeyA'), key: 'Å' })).toBe('accept');
    expect(SHORTCUTS.map((s) => s.letter)).toEqual(['A', 'D', 'H', 'M', 'E']);
  });

  it('V2 anything but exactly Alt+Shift and a listed key is no shortcut', () => {
    expect(shortcutIntent(chord('KeyA', { altKey: false }))).toBeNull();
    expect(shortcutIntent(chord('KeyA', { shiftKey: false }))).toBeNull();
    expect(shortcutIntent(chord('KeyA', { ctrlKey: true }))).toBeNull();
    expect(shortcutIntent(chord('KeyA', { metaKey: true }))).toBeNull();
    expect(shortcutIntent(chord('KeyA', { repeat: true }))).toBeNull();
    expect(shortcutIntent(chord('KeyS'))).toBeNull();
    expect(shortcutIntent({})).toBeNull();
  });

  it('C1 V1 accept and decline go to the newest offer of any channel, with its availability', () => {
    const interactions = interactionsOf(voiceOffered, chatOffered);
    const chat = chatOffered.snapshot.interactions[0];
    expect(newestOffer(interactions).id).toBe(chat.id);
    expect(shortcutTarget('accept', interactions)).toEqual({
      interactionId: chat.id,
      command: 'accept',
      availability: { command: 'accept', enabled: true }
    });
    expect(shortcutTarget('decline', interactionsOf(voiceOffered)).interactionId).toBe(
      voiceOffered.snapshot.interactions[0].id
    );
    expect(shortcutTarget('accept', interactionsOf(chatActive))).toBeNull();
  });

  it('V2 hold and mute are toggles on the connected call; end is end', () => {
    const call = voiceConnected.snapshot.interactions[0];
    expect(shortcutTarget('hold', interactionsOf(voiceConnected))).toMatchObject({ interactionId: call.id, command: 'hold' });
    expect(shortcutTarget('mute', interactionsOf(voiceConnected))).toMatchObject({ command: 'mute' });
    expect(shortcutTarget('end', interactionsOf(voiceConnected)).availability.enabled).toBe(true);
    expect(shortcutTarget('hold', interactionsOf(voiceHeld))).toMatchObject({
      command: 'resume',
      availability: { enabled: true }
    });
    const muted = { ...call, muted: true };
    expect(shortcutTarget('mute', [muted]).command).toBe('unmute');
  });

  it('V3 end on a held call carries the snapshot’s refusal and its reason', () => {
    expect(shortcutTarget('end', interactionsOf(voiceHeld)).availability).toMatchObject({
      enabled: false,
      labelKey: 'Reason_CallOnHold'
    });
  });

  it('V11 with a held call and a live one, the live one is in front of the agent', () => {
    const interactions = interactionsOf(secondCall);
    const live = interactions.find((i) => !i.held);
    expect(liveCall(interactions).id).toBe(live.id);
    expect(shortcutTarget('hold', interactions)).toMatchObject({ interactionId: live.id, command: 'hold' });
  });

  it('V2 no call and no offer: nothing to act on (chats are not calls)', () => {
    expect(shortcutTarget('hold', interactionsOf(chatActive))).toBeNull();
    expect(shortcutTarget('end', [])).toBeNull();
    expect(shortcutTarget('accept', [])).toBeNull();
  });
});
