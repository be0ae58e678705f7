// The voice channel machine: (state, event) -> transition, and the command list the panel renders.
import { availabilityOf } from '../kernel/availability';
import type { ChannelMachine, MachineEvent } from '../kernel/machine';
import { refuse } from '../kernel/rejections';
import type { Instant, Transition } from '../kernel/types';
import { voiceCommandSchema, type VoiceCommand } from './commands';
import { defaultVoiceConfig, type VoiceConfig } from './config';
import { blindTransfer, cancelConsult, completeTransfer, merge, startConsult } from './consult';
import { hangUp, sendDigits, toggle } from './controls';
import { setDetails } from './details';
import { closeHandled } from './ending';
import { voiceProviderEventSchema, type VoiceProviderEvent } from './events';
import { voiceGuards } from './guards';
import { accept, decline, missOffer } from './offer';
import { onProviderEvent } from './providerEvents';
import type { VoiceState } from './state';

export type VoiceEvent = MachineEvent<VoiceCommand, VoiceProviderEvent>;
export type VoiceMachine = ChannelMachine<VoiceState, VoiceCommand, VoiceProviderEvent>;

function onCommand(
  state: VoiceState,
  command: VoiceCommand,
  agentId: string,
  at: Instant,
  config: VoiceConfig
): Transition<VoiceState> {
  // The same guard that greys out the button refuses the command: nothing disabled is ever accepted.
  const reason = voiceGuards(agentId, config)[command.command](state);
  if (reason !== null) return refuse(reason);
  switch (command.command) {
    case 'accept':
      return accept(state, at);
    case 'decline':
      return decline(state, at);
    case 'hold':
    case 'resume':
    case 'mute':
    case 'unmute':
    case 'recordStart':
    case 'recordStop':
    case 'mask':
    case 'unmask':
      return toggle(state, command.command, at);
    case 'sendDigits':
      return sendDigits(state, command.args.digits);
    case 'end':
      return hangUp(state, at, config);
    case 'consult':
      return startConsult(state, command.args.target, at, config);
    case 'cancelConsult':
      return cancelConsult(state);
    case 'merge':
      return merge(state, at);
    case 'completeTransfer':
      return completeTransfer(state, at);
    case 'blindTransfer':
      return blindTransfer(state, command.args.target, at, config);
    case 'setDetails':
      return setDetails(state, command.args, config);
    case 'wrapUpDone':
      return closeHandled(state, at, { reason: 'completed', workItemStatus: 'Closed', effects: [] });
  }
}

function onClock(state: VoiceState, timer: 'offer' | 'wrapUp', at: Instant): Transition<VoiceState> {
  if (timer === 'offer') return state.lifecycle === 'offered' ? missOffer(state, at) : refuse('WRONG_STATE');
  // The wrap-up timeout finishes even without a disposition: it exists so nobody stays in wrap-up forever.
  if (state.lifecycle !== 'wrapUp' || state.wrapUpExpiresAt === null) return refuse('WRONG_STATE');
  return closeHandled(state, at, { reason: 'completed', workItemStatus: 'Closed', effects: [] });
}

export function createVoiceMachine(config: VoiceConfig = defaultVoiceConfig): VoiceMachine {
  return {
    commandSchema: voiceCommandSchema,
    providerEventSchema: voiceProviderEventSchema,
    transition(state, event) {
      switch (event.source) {
        case 'agent':
          return onCommand(state, event.command, event.agentId, event.at, config);
        case 'provider':
          return onProviderEvent(state, event.event, event.at, config);
        case 'clock':
          return onClock(state, event.timer, event.at);
        case 'desk':
          // A6 pauses digital work around a call; a call itself is held, never paused.
          return refuse('CALL_NOT_PAUSABLE');
      }
    },
    allowedCommands(state, agentId) {
      return availabilityOf(voiceGuards(agentId, config), state);
    }
  };
}

/** The machine with default settings. */
export const voiceMachine: VoiceMachine = createVoiceMachine();
