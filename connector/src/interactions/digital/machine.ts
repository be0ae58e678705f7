// The digital machine: (state, event) -> transition, pure. Built over the config in force (see config.ts).
import { availabilityOf } from '../kernel/availability';
import type { ChannelMachine, MachineEvent } from '../kernel/machine';
import { refuse } from '../kernel/rejections';
import type { CommandAvailability, Transition } from '../kernel/types';
import { runCommand } from './agentCommands';
import { digitalCommandSchema, type DigitalCommand } from './commands';
import { digitalConfigSchema, type DigitalConfig } from './config';
import { digitalProviderEventSchema, type DigitalProviderEvent } from './events';
import { guardsFor } from './guards';
import { runDeskEvent, runProviderEvent } from './providerEvents';
import type { DigitalState } from './state';

export type DigitalEvent = MachineEvent<DigitalCommand, DigitalProviderEvent>;
export type DigitalMachine = ChannelMachine<DigitalState, DigitalCommand, DigitalProviderEvent>;

export function createDigitalMachine(config: DigitalConfig = digitalConfigSchema.parse({})): DigitalMachine {
  function transition(state: DigitalState, event: DigitalEvent): Transition<DigitalState> {
    switch (event.source) {
      case 'agent': {
        const guards = guardsFor({ agentId: event.agentId, config });
        // Commands arrive parsed; this only protects against a caller that skipped the parser.
        if (!Object.hasOwn(guards, event.command.command)) return refuse('UNKNOWN_COMMAND');
        const reason = guards[event.command.command](state);
        if (reason !== null) return refuse(reason);
        return runCommand(state, event.command, {
          at: event.at,
          agentId: event.agentId,
          agentName: event.agentName,
          config
        });
      }
      case 'provider':
        return runProviderEvent(state, event.event, event.at, config);
      case 'desk':
        return runDeskEvent(state, event.action, event.at);
      case 'clock':
        // Digital work is pulled: the machine never sets a timer, so a clock event is always out of place.
        return refuse('WRONG_STATE');
    }
  }

  function allowedCommands(state: DigitalState, agentId: string): CommandAvailability[] {
    return availabilityOf(guardsFor({ agentId, config }), state);
  }

  return {
    commandSchema: digitalCommandSchema,
    providerEventSchema: digitalProviderEventSchema,
    transition,
    allowedCommands
  };
}
