// A3, A4, A5, A6: may this agent be offered an interaction of this channel right now?
import type { InteractionCore } from '../kernel/machine';
import type { RejectionCode } from '../kernel/rejections';
import type { Channel } from '../kernel/types';
import type { DeskConfig } from './config';
import { groupOf, isOpen, type ChannelGroup, type DeskState } from './state';

export type CapacityUse = Record<ChannelGroup | 'total', number>;

/** Open work per channel group and in total: offered, active and wrap-up all hold capacity until closed. */
export function capacityUsed(interactions: readonly InteractionCore[]): CapacityUse {
  const used: CapacityUse = { voice: 0, chat: 0, digital: 0, total: 0 };
  for (const i of interactions) {
    if (!isOpen(i)) continue;
    used[groupOf(i.channel)]++;
    used.total++;
  }
  return used;
}

/** Returns null when an inbound offer of this channel may be delivered, else why not. */
export function offerBlockedBy(desk: DeskState, channel: Channel, config: DeskConfig): RejectionCode | null {
  switch (desk.presence.status) {
    case 'Offline':
      return 'OFFLINE';
    case 'RONA':
      return 'IN_RONA';
    case 'Busy':
    case 'WrapUp':
      return 'NOT_AVAILABLE';
    case 'Available':
      break;
  }
  const open = Object.values(desk.interactions).filter(isOpen);
  const interruptible = (i: InteractionCore) => i.channel !== 'voice' && config.interruptibleByCall.includes(i.channel);
  if (channel === 'voice') {
    // A6: a call reaches an agent busy only with interruptible work; that work does not hold capacity against it.
    if (open.some((i) => i.channel !== 'voice' && !interruptible(i))) return 'AT_CAPACITY';
    const used = capacityUsed(open.filter((i) => !interruptible(i)));
    return used.voice >= config.capacity.voice || used.total >= config.capacity.total ? 'AT_CAPACITY' : null;
  }
  // Voice is exclusive: nothing else is offered while a call is ringing, live or in wrap-up.
  if (open.some((i) => i.channel === 'voice')) return 'VOICE_IS_EXCLUSIVE';
  const used = capacityUsed(open);
  const group = groupOf(channel);
  return used[group] >= config.capacity[group] || used.total >= config.capacity.total ? 'AT_CAPACITY' : null;
}
