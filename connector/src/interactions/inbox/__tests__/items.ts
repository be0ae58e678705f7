// Builders for the inbox tests.
import type { InboxItem } from '..';

export const T0 = 1_700_000_000_000;

export const item = (id: string, overrides: Partial<InboxItem> = {}): InboxItem => ({
  id,
  channel: 'email',
  status: 'New',
  priority: 0,
  receivedAt: T0,
  waitingSince: T0,
  tags: [],
  unread: 0,
  queueId: 'q-support',
  assignedAgentId: null,
  ...overrides
});

export const ids = (items: readonly InboxItem[]): string[] => items.map((i) => i.id);
