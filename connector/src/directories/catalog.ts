// What the directories list besides agents: queues, the address book, labels of Busy reasons and the wrap-up codes.
// Filled from configuration (the simulator's scenario, the org's settings records); checked with zod at the boundary.
import { z } from 'zod';
import { CHANNELS } from '../interactions/kernel/types';

const id = z.string().min(1).max(80);

export const catalogQueueSchema = z
  .object({
    id,
    name: z.string().min(1).max(255),
    channels: z.array(z.enum(CHANNELS)).min(1),
    /** D12: only digital queues take digital transfers; Omni-only queues do not. */
    digitalTransfers: z.boolean().default(true),
    outboundEmail: z.boolean().default(false)
  })
  .strict();

export const addressBookEntrySchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    description: z.string().max(500).nullable().default(null),
    numbers: z
      .array(z.object({ label: z.string().min(1).max(80), number: z.string().min(2).max(40) }).strict())
      .min(1)
      .max(10)
  })
  .strict();

/** C10, D10, V13: a disposition an agent can pick, for some channels and (empty list: every) queue. */
export const wrapUpCodeSchema = z
  .object({
    code: z.string().min(1).max(80),
    label: z.string().min(1).max(120),
    category: z.string().max(80).nullable().default(null),
    channels: z.array(z.enum(CHANNELS)).min(1),
    queueIds: z.array(id).default([]),
    requiresNote: z.boolean().default(false)
  })
  .strict();
export type WrapUpCode = z.infer<typeof wrapUpCodeSchema>;

export const catalogSchema = z
  .object({
    queues: z.array(catalogQueueSchema).max(10_000).default([]),
    addressBook: z.array(addressBookEntrySchema).max(5_000).default([]),
    /** A1: labels of the Busy reason codes (the codes themselves are the presence settings'); missing: the code. */
    busyReasonLabels: z.record(z.string(), z.string().min(1).max(80)).default({}),
    wrapUpCodes: z.array(wrapUpCodeSchema).max(1_000).default([])
  })
  .strict();
export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogInput = z.input<typeof catalogSchema>;
