// The flusher's tuning, checked with zod; every value has a default that suits a production org.
import { z } from 'zod';
import { MAX_OPERATION_COST, MAX_SUBREQUESTS } from './drafts';

export const flusherOptionsSchema = z
  .object({
    /** Subrequests per Composite request (Salesforce allows 25). */
    maxSubrequests: z.int().min(MAX_OPERATION_COST).max(MAX_SUBREQUESTS).default(MAX_SUBREQUESTS),
    /** Composite requests in flight at once during one flush. */
    parallelRequests: z.int().min(1).max(10).default(2),
    /** How long claimed rows stay reserved; a flusher that dies mid-send lets them come due again after it. */
    leaseMs: z.int().min(1_000).default(120_000),
    /** How often the loop looks at the outbox (a cheap query) when no deadline is sooner. */
    intervalMs: z.int().min(10).default(1_000),
    /**
     * Batching: a fresh accept or screen pop waits at most this long for company (the agent is waiting for the pop);
     * every other fresh write at most batchDelayMs. A full request's worth of due rows goes at once. The longer the
     * wait, the more interactions share a call: under steady load about one call per interaction or less.
     */
    urgentDelayMs: z.int().min(0).default(500),
    batchDelayMs: z.int().min(0).default(10_000),
    /** After kick(): how long to wait for more writes before flushing (an accept's writes arrive together). */
    lingerMs: z.int().min(0).default(200),
    /** Attempts before a write that keeps failing transiently is parked for an admin. */
    maxAttempts: z.int().min(1).max(100).default(10),
    backoffBaseMs: z.int().min(1).default(2_000),
    backoffMaxMs: z.int().min(1).default(300_000),
    /** While the API limit is used up: first look at /limits after this, then ever less often. */
    limitProbeMs: z.int().min(10).default(60_000),
    limitProbeMaxMs: z.int().min(10).default(900_000),
    /** A write pending longer than this makes the status "delayed" even when no call failed. */
    delayedAfterMs: z.int().min(1_000).default(60_000)
  })
  .strict();

export type FlusherOptions = z.infer<typeof flusherOptionsSchema>;
export type FlusherOptionsInput = z.input<typeof flusherOptionsSchema>;
