// The chat machine (C1–C17): pure (state, event) -> transition. Offers are created by offerChat (offer.ts).
import { availabilityOf } from '../kernel/availability';
import type { ChannelMachine, MachineEvent } from '../kernel/machine';
import { refuse } from '../kernel/rejections';
import type { CommandAvailability, Instant, Transition } from '../kernel/types';
import { runCommand } from './agentCommands';
import { chatCommandSchema, type ChatCommand, type ChatCommandName } from './commands';
import { chatProviderEventSchema, type ChatProviderEvent } from './events';
import { chatGuards } from './guards';
import { closeOffer, finish, stopHandleClock } from './lifecycle';
import { onProviderEvent } from './providerEvents';
import { guardedName } from './transcript';
import type { ChatState } from './state';

export type ChatEvent = MachineEvent<ChatCommand, ChatProviderEvent>;

export function chatTransition(state: ChatState, event: ChatEvent): Transition<ChatState> {
  switch (event.source) {
    case 'agent': {
      const blocked = chatGuards[event.command.command]({ state, agentId: event.agentId });
      if (blocked) return refuse(blocked);
      const agentName = guardedName(state, event.agentName);
      return runCommand(state, event.command, { at: event.at, agentId: event.agentId, agentName });
    }
    case 'provider': {
      const reported = event.event;
      const named =
        'agentName' in reported ? { ...reported, agentName: guardedName(state, reported.agentName) } : reported;
      return onProviderEvent(state, named, event.at);
    }
    case 'clock':
      return onClock(state, event.timer, event.at);
    case 'desk':
      return onDesk(state, event.action, event.at);
  }
}

export function chatAllowedCommands(state: ChatState, agentId: string): CommandAvailability<ChatCommandName>[] {
  return availabilityOf(chatGuards, { state, agentId });
}

function onClock(state: ChatState, timer: 'offer' | 'wrapUp', at: Instant): Transition<ChatState> {
  if (state.lifecycle === 'closed') return refuse('INTERACTION_ENDED');
  if (timer === 'offer') return state.lifecycle === 'offered' ? closeOffer(state, at, 'missed') : refuse('WRONG_STATE');
  // The wrap-up time ran out: the chat is finished as it stands (also while C17 asks for a queue: like Stop).
  return state.lifecycle === 'wrapUp' ? finish(state, at, { kind: 'completed' }, true) : refuse('WRONG_STATE');
}

/** A6: the desk pauses the chat while the agent is on a call; its handle-time clock stops and replies are refused. */
function onDesk(state: ChatState, action: 'pause' | 'resume', at: Instant): Transition<ChatState> {
  if (state.lifecycle === 'closed') return refuse('INTERACTION_ENDED');
  if (action === 'pause') {
    if (state.lifecycle === 'offered' || state.pausedByCall) return refuse('WRONG_STATE');
    return {
      ok: true,
      state: { ...state, pausedByCall: true, timers: stopHandleClock(state.timers, at) },
      effects: []
    };
  }
  if (!state.pausedByCall) return refuse('WRONG_STATE');
  return {
    ok: true,
    state: { ...state, pausedByCall: false, timers: { ...state.timers, handleResumedAt: at } },
    effects: []
  };
}

export const chatMachine: ChannelMachine<ChatState, ChatCommand, ChatProviderEvent> = {
  commandSchema: chatCommandSchema,
  providerEventSchema: chatProviderEventSchema,
  transition: chatTransition,
  allowedCommands: chatAllowedCommands
};
