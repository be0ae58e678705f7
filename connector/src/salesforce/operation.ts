// An outbox row's operation is stored as JSON; the flusher parses it back into a SyncOperation before mapping it.
// The schema mirrors the kernel's SyncOperation type; a row that does not fit is parked, never guessed at.
import { z } from 'zod';
import type { SyncOperation } from '../interactions/kernel/effects';
import { CHANNELS } from '../interactions/kernel/types';

const channel = z.enum(CHANNELS);
const instant = z.number().int();

const detailsSchema = z.object({
  whoId: z.string().nullable(),
  whatId: z.string().nullable(),
  dispositions: z.array(z.string()),
  tags: z.array(z.string()),
  notes: z.string()
});

export const syncOperationSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('presence.mirror'),
    agentId: z.string(),
    status: z.string(),
    reasonCode: z.string().nullable()
  }),
  z.object({
    op: z.literal('workItem.update'),
    interactionId: z.string().min(1),
    agentId: z.string().min(1),
    channel,
    status: z.enum(['Opened', 'Closed', 'Declined', 'DeclinedOnPushTimeout', 'Transferred', 'Canceled']),
    workItemKey: z.string().min(1).optional()
  }),
  z.object({
    op: z.literal('task.log'),
    interactionId: z.string().min(1),
    agentId: z.string().min(1),
    channel,
    direction: z.enum(['inbound', 'outbound', 'callback', 'internal']),
    subject: z.string(),
    startedAt: instant,
    endedAt: instant,
    durationSeconds: z.number(),
    details: detailsSchema,
    providerCallId: z.string().nullable(),
    round: z.number().int().positive().optional()
  }),
  z.object({
    op: z.literal('screenPop.lookup'),
    interactionId: z.string().min(1),
    address: z.string(),
    channel
  })
]);

// Compile-time check that the schema and the kernel's type describe the same thing.
type Parsed = z.infer<typeof syncOperationSchema>;
const _sameShape: (op: SyncOperation) => Parsed = (op) => op;
const _sameShapeBack: (op: Parsed) => SyncOperation = (op) => op;
void _sameShape;
void _sameShapeBack;

export type { SyncOperation };
export type TaskLogOperation = Extract<SyncOperation, { op: 'task.log' }>;
export type WorkItemOperation = Extract<SyncOperation, { op: 'workItem.update' }>;
export type ScreenPopOperation = Extract<SyncOperation, { op: 'screenPop.lookup' }>;

/** A stored operation, or null when it does not parse. */
export function parseOperation(stored: unknown): SyncOperation | null {
  const parsed = syncOperationSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** An accept (work item Opened): it routes work, and has no external id to make a retry harmless. */
export function isAccept(op: SyncOperation | null): boolean {
  return op?.op === 'workItem.update' && op.status === 'Opened';
}

/** For the admin's list of parked writes: task.log, screenPop.lookup, workItem.update:Closed ... */
export function operationName(stored: unknown): string {
  const op = parseOperation(stored);
  if (op === null) return 'unknown';
  return op.op === 'workItem.update' ? `workItem.update:${op.status}` : op.op;
}
