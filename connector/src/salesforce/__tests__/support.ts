// Shared by the sync tests: a local org on an ephemeral port, a client signed in as the integration user, a store
// in memory, and a flusher driven by hand (manual clock, no timers).
import pino from 'pino';
import {
  CONNECTOR_CLIENT_ID,
  CONNECTOR_CLIENT_SECRET,
  startLocalOrg,
  type LocalOrg,
  type StartLocalOrgOptions
} from '../../../../localorg/src';
import type { SyncOperation } from '../../interactions/kernel/effects';
import { dedupeKey } from '../../engine/persist';
import * as store from '../../store';
import { openStore, type Db } from '../../store';
import { SalesforceClient } from '../client';
import { SyncFlusher, type FlusherDeps } from '../flusher';
import type { FlusherOptionsInput } from '../flusherOptions';
import { salesforceOptionsSchema, type SalesforceOptionsInput } from '../options';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');

/** Records of one object in the local org (uncounted SOQL). */
export async function records(org: LocalOrg, soql: string): Promise<Record<string, unknown>[]> {
  return (await org.query(soql)) as Record<string, unknown>[];
}

export function clientFor(org: LocalOrg, extra: Partial<SalesforceOptionsInput> = {}): SalesforceClient {
  return new SalesforceClient(
    salesforceOptionsSchema.parse({
      loginUrl: org.url,
      clientId: CONNECTOR_CLIENT_ID,
      clientSecret: CONNECTOR_CLIENT_SECRET,
      auth: { grant: 'client_credentials' },
      apiVersion: '63.0',
      requestTimeoutMs: 5_000,
      ...extra
    })
  );
}

export interface Rig {
  org: LocalOrg;
  db: Db;
  client: SalesforceClient;
  flusher: SyncFlusher;
  clock: { now: number };
  pops: { interactionId: string; matches: unknown[] }[];
  /** Seeded agents' user ids by first name (lower case): emma, oliver, lukas ... */
  agents: Record<string, string>;
  enqueue(op: SyncOperation): Promise<number>;
  /** A flusher of its own (fresh pause and status state), on the same store and clock. */
  flusherWith(options?: FlusherOptionsInput, deps?: Partial<FlusherDeps>): SyncFlusher;
  /** Empties the outbox, clears faults and the org's counters. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startRig(
  options: { org?: StartLocalOrgOptions; flusher?: FlusherOptionsInput; deps?: Partial<FlusherDeps> } = {}
): Promise<Rig> {
  const org = await startLocalOrg({ port: 0, dataDir: null, ...options.org });
  const db = await openStore({ dataDir: null });
  const client = clientFor(org);
  const clock = { now: T0 };
  const pops: Rig['pops'] = [];
  const flusherWith = (flusherOptions: FlusherOptionsInput = {}, deps: Partial<FlusherDeps> = {}) =>
    new SyncFlusher(
      {
        db,
        api: client,
        serviceChannels: client.options.serviceChannels,
        clock: () => clock.now,
        random: () => 0.5,
        log: pino({ level: 'silent' }),
        onScreenPop: (interactionId, matches) => {
          pops.push({ interactionId, matches });
        },
        ...options.deps,
        ...deps
      },
      { intervalMs: 1_000, ...options.flusher, ...flusherOptions }
    );
  const flusher = flusherWith();
  const users = await org.query("SELECT Id, Username FROM User WHERE Username LIKE '%.%@softphone.localorg'");
  const agents: Record<string, string> = {};
  for (const user of users) {
    const name = String(user.Username).split('.')[0] ?? '';
    agents[name] = String(user.Id);
  }
  return {
    org,
    db,
    client,
    flusher,
    clock,
    pops,
    agents,
    enqueue: (op) =>
      store.outbox.enqueue(db, {
        dedupeKey: dedupeKey(op),
        interactionId: 'interactionId' in op ? op.interactionId : null,
        operation: op,
        at: clock.now
      }),
    flusherWith,
    reset: async () => {
      await db.query('DELETE FROM outbox');
      org.faults.reset();
      org.resetStats();
      pops.length = 0;
      clock.now += 3_600_000;
    },
    close: async () => {
      await flusher.stop();
      await db.close();
      await org.close();
    }
  };
}

export function taskOp(
  interactionId: string,
  agentId: string,
  overrides: Partial<Extract<SyncOperation, { op: 'task.log' }>> = {}
): Extract<SyncOperation, { op: 'task.log' }> {
  return {
    op: 'task.log',
    interactionId,
    agentId,
    channel: 'voice',
    direction: 'inbound',
    subject: 'Inbound call',
    startedAt: T0,
    endedAt: T0 + 125_000,
    durationSeconds: 125,
    details: { whoId: null, whatId: null, dispositions: ['Resolved', 'Upsell'], tags: ['vip'], notes: 'Refund agreed' },
    providerCallId: `call-${interactionId}`,
    ...overrides
  };
}

export const workItemOp = (
  interactionId: string,
  agentId: string,
  status: Extract<SyncOperation, { op: 'workItem.update' }>['status'],
  channel: Extract<SyncOperation, { op: 'workItem.update' }>['channel'] = 'voice'
): SyncOperation => ({ op: 'workItem.update', interactionId, agentId, channel, status });

export const screenPopOp = (
  interactionId: string,
  address: string,
  channel: Extract<SyncOperation, { op: 'screenPop.lookup' }>['channel'] = 'voice'
): SyncOperation => ({ op: 'screenPop.lookup', interactionId, address, channel });

/** Flushes until nothing is due now (or `rounds` is reached); returns the API calls made. */
export async function drain(rig: Rig, rounds = 20, flusher = rig.flusher): Promise<number> {
  let calls = 0;
  for (let i = 0; i < rounds; i++) {
    const report = await flusher.flushOnce();
    calls += report.calls;
    const depth = await store.outbox.depth(rig.db, rig.clock.now);
    if (depth.due === 0) break;
  }
  return calls;
}
