// The inbox queries (D2, D3) over the InboxItem projection of digital and chat work.
export { INBOX_CHANNEL_ORDER, tagKey, type InboxChannel, type InboxItem, type InboxStatus } from './item';
export { filterByTags, inboxFor, isUnread, unreadCount } from './queries';
export { INBOX_SORT_ORDERS, sortInbox, type InboxSortOrder } from './sort';
