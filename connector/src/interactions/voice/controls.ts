// V2 call controls. Guards already ran (guards.ts); these only apply the change and tell the provider.
import type { Instant, Transition } from '../kernel/types';
import type { VoiceConfig } from './config';
import { provider } from './effects';
import { endCall } from './ending';
import { isConference, type VoiceState } from './state';

type Flag = 'muted' | 'recording' | 'masked';
type Toggle = 'hold' | 'resume' | 'mute' | 'unmute' | 'recordStart' | 'recordStop' | 'mask' | 'unmask';

const FLAGS: Record<Exclude<Toggle, 'hold' | 'resume'>, [Flag, boolean]> = {
  mute: ['muted', true],
  unmute: ['muted', false],
  recordStart: ['recording', true],
  recordStop: ['recording', false],
  mask: ['masked', true],
  unmask: ['masked', false]
};

/** Each toggle sets one flag; its partner (V2) clears it again, so pressing twice restores the call. */
export function toggle(state: VoiceState, command: Toggle, at: Instant): Transition<VoiceState> {
  if (command === 'hold' || command === 'resume') {
    const held = command === 'hold';
    const next: VoiceState = { ...state, held, heldSince: held ? at : null };
    return { ok: true, state: next, effects: [provider(next, command)] };
  }
  const [flag, value] = FLAGS[command];
  const next: VoiceState = { ...state, [flag]: value };
  return { ok: true, state: next, effects: [provider(next, command)] };
}

/** DTMF to the consulted party while a consult is up, else to the customer. */
export function sendDigits(state: VoiceState, digits: string): Transition<VoiceState> {
  return {
    ok: true,
    state,
    effects: [provider(state, 'sendDigits', { digits, leg: state.consult ? 'consult' : 'customer' })]
  };
}

/** The agent hangs up. In a conference the other parties stay connected with each other. */
export function hangUp(state: VoiceState, at: Instant, config: VoiceConfig): Transition<VoiceState> {
  const args = isConference(state) ? { leaveConference: true } : undefined;
  return endCall(state, at, 'agent', config, [provider(state, 'end', args)]);
}
