// D3: the four inbox orders. Keys are computed once per item into typed arrays and an index array is sorted by them,
// so a comparison reads three numbers and allocates nothing. Each order ends with the id, so the result is the same
// whatever the input order; the keys before it are chosen so that ids are rarely compared.
import { INBOX_CHANNEL_ORDER, type InboxChannel, type InboxItem } from './item';

export const INBOX_SORT_ORDERS = ['received', 'priority', 'channel', 'waitingSince'] as const;
export type InboxSortOrder = (typeof INBOX_SORT_ORDERS)[number];

/** Sorts after every real instant: items nobody owes an answer come after the waiting ones. */
const NOT_WAITING = Number.MAX_VALUE;

const CHANNEL_RANK = new Map<InboxChannel, number>(INBOX_CHANNEL_ORDER.map((channel, rank) => [channel, rank]));

/** A finite number to sort by (-0 read as 0); anything else sorts as `fallback`. */
const finite = (value: number | null, fallback: number): number =>
  value !== null && Number.isFinite(value) ? value + 0 : fallback;

/**
 * Ascending on (first, second, third, id):
 * - received: newest first (latest customer message);
 * - priority: highest first, then longest waiting (first come, first served within a priority), then newest;
 * - channel: chat, e-mail, Facebook, Instagram, SMS, X, WhatsApp, then newest first within a channel;
 * - waitingSince: oldest first (longest waiting), items nobody owes an answer last, then newest first.
 * Returns a new array; the input is not changed.
 */
export function sortInbox<T extends InboxItem>(items: readonly T[], order: InboxSortOrder): T[] {
  const n = items.length;
  const first = new Float64Array(n);
  const second = new Float64Array(n);
  const third = new Float64Array(n);
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const item = items[i] as T;
    ids[i] = item.id;
    const newestFirst = -finite(item.receivedAt, 0);
    switch (order) {
      case 'received':
        first[i] = newestFirst;
        break;
      case 'priority':
        first[i] = -finite(item.priority, 0);
        second[i] = finite(item.waitingSince, NOT_WAITING);
        third[i] = newestFirst;
        break;
      case 'channel':
        first[i] = CHANNEL_RANK.get(item.channel) ?? INBOX_CHANNEL_ORDER.length;
        second[i] = newestFirst;
        break;
      case 'waitingSince':
        first[i] = finite(item.waitingSince, NOT_WAITING);
        second[i] = newestFirst;
        break;
    }
  }
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  index.sort(
    (a, b) =>
      (first[a] as number) - (first[b] as number) ||
      (second[a] as number) - (second[b] as number) ||
      (third[a] as number) - (third[b] as number) ||
      compareIds(ids[a] as string, ids[b] as string)
  );
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = items[index[i] as number] as T;
  return out;
}

/** Code-unit order: the same on every machine and locale. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
