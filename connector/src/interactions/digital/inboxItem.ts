// The inbox's view of a digital conversation (D2, D3).
import type { InboxItem } from '../inbox/item';
import type { DigitalState } from './state';

export function toInboxItem(state: DigitalState): InboxItem {
  return {
    id: state.id,
    channel: state.channel,
    status: state.status,
    priority: state.priority,
    receivedAt: state.lastCustomerMessageAt ?? state.createdAt,
    waitingSince: state.timers.waitingSince,
    tags: state.details.tags,
    unread: state.unread,
    // D8, D10: listed in its queue only while it is in it; ended or answered work is listed for its assignee only.
    queueId: state.inQueue ? state.queueId : null,
    assignedAgentId: state.ownerAgentId
  };
}
