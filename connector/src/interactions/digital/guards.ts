// One guard per command: the same functions build allowedCommands and refuse commands, so they cannot disagree.
// Guards look at the state and the caller only; checks of a command's arguments come after, in the command itself.
import type { Guard } from '../kernel/availability';
import type { RejectionCode } from '../kernel/rejections';
import type { DigitalCommandName } from './commands';
import { isQueueMember, type DigitalConfig } from './config';
import type { DigitalState } from './state';

/** The caller's view: guards need to know who asks and the directory (queue members). */
export interface Caller {
  agentId: string;
  config: DigitalConfig;
}

/** Commands on work the caller holds: it must not be ended, must be opened, and by them. */
function ownedBy(state: DigitalState, agentId: string): RejectionCode | null {
  if (state.lifecycle === 'closed') return 'INTERACTION_ENDED';
  if (state.ownerAgentId === null) return 'DIGITAL_NOT_OPENED';
  if (state.ownerAgentId !== agentId) return 'NOT_OWNER';
  return null;
}

export function guardsFor({ agentId, config }: Caller): Record<DigitalCommandName, Guard<DigitalState>> {
  return {
    // D4: an assigned conversation stays with its agent; only members of its queue may pull it.
    open: (s) => {
      if (s.lifecycle === 'closed') return 'INTERACTION_ENDED';
      if (s.ownerAgentId === agentId) return 'DIGITAL_ALREADY_ASSIGNED_TO_YOU';
      if (s.ownerAgentId !== null) return 'DIGITAL_ASSIGNED_TO_OTHER_AGENT';
      if (!isQueueMember(config, s.queueId, agentId)) return 'DIGITAL_NOT_QUEUE_MEMBER';
      return null;
    },
    // A6: paused work cannot be answered while the agent is on a call.
    reply: (s) => ownedBy(s, agentId) ?? (s.pausedByCall ? 'PAUSED_BY_CALL' : null),
    resolve: (s) => ownedBy(s, agentId) ?? (s.status === 'Resolved' ? 'DIGITAL_ALREADY_RESOLVED' : null),
    transfer: (s) => ownedBy(s, agentId),
    end: (s) => ownedBy(s, agentId),
    setDetails: (s) => ownedBy(s, agentId),
    markRead: (s) => ownedBy(s, agentId) ?? (s.unread === 0 ? 'DIGITAL_NOTHING_UNREAD' : null)
  };
}
