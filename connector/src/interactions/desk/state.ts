import type { InteractionCore } from '../kernel/machine';
import type { Channel, Instant } from '../kernel/types';
import { initialPresence, type PresenceState } from '../presence/state';
import type { DeskAgent } from './channels';

/** One agent's desk: presence plus the interactions the agent holds or is being offered. */
export interface DeskState<I extends InteractionCore = InteractionCore> {
  agent: DeskAgent;
  presence: PresenceState;
  interactions: Record<string, I>;
}

export const initialDesk = <I extends InteractionCore>(agent: DeskAgent, at: Instant): DeskState<I> => ({
  agent,
  presence: initialPresence(agent.agentId, at),
  interactions: {}
});

export type ChannelGroup = 'voice' | 'chat' | 'digital';

export const groupOf = (channel: Channel): ChannelGroup =>
  channel === 'voice' ? 'voice' : channel === 'chat' ? 'chat' : 'digital';

export const isOpen = (i: InteractionCore): boolean => i.lifecycle !== 'closed';

/** A1: "Working" is never set by hand; it is what an agent with open interactions is doing. */
export function activityOf(desk: DeskState): 'Working' | 'Idle' {
  return Object.values(desk.interactions).some((i) => i.lifecycle === 'active' || i.lifecycle === 'wrapUp')
    ? 'Working'
    : 'Idle';
}
