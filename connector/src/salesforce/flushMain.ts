// A flusher on its own: opens the connector's store (the PGlite folder, or DATABASE_URL) and sends its outbox to
// Salesforce until stopped, or until nothing is pending when SYNC_UNTIL_DRAINED is set. The chaos test runs it as a
// child process and kills it mid-flush; operators can run it to drain an outbox by hand.
//   node --import tsx connector/src/salesforce/flushMain.ts
import { z } from 'zod';
import { createLogger } from '../log';
import * as store from '../store';
import { openStore } from '../store';
import { SalesforceClient } from './client';
import { SyncFlusher } from './flusher';
import { flusherOptionsSchema } from './flusherOptions';
import { apiVersionSchema, salesforceOptionsSchema } from './options';

const ms = z.coerce.number().int().positive();

const envSchema = z.object({
  SYNC_DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  SALESFORCE_LOGIN_URL: z.url(),
  SALESFORCE_CLIENT_ID: z.string().min(1),
  SALESFORCE_CLIENT_SECRET: z.string().min(1),
  /** Present: the refresh_token grant; absent: client_credentials. */
  SALESFORCE_REFRESH_TOKEN: z.string().min(1).optional(),
  SALESFORCE_API_VERSION: apiVersionSchema.default('63.0'),
  SYNC_REQUEST_TIMEOUT_MS: ms.optional(),
  SYNC_LEASE_MS: ms.optional(),
  SYNC_INTERVAL_MS: ms.optional(),
  SYNC_URGENT_DELAY_MS: z.coerce.number().int().min(0).optional(),
  SYNC_BATCH_DELAY_MS: z.coerce.number().int().min(0).optional(),
  SYNC_BACKOFF_BASE_MS: ms.optional(),
  SYNC_BACKOFF_MAX_MS: ms.optional(),
  SYNC_LIMIT_PROBE_MS: ms.optional(),
  SYNC_MAX_ATTEMPTS: ms.optional(),
  SYNC_UNTIL_DRAINED: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});

const defined = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

async function main(): Promise<void> {
  const env = envSchema.parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== '')));
  const log = createLogger(env.LOG_LEVEL);
  const options = salesforceOptionsSchema.parse({
    loginUrl: env.SALESFORCE_LOGIN_URL,
    clientId: env.SALESFORCE_CLIENT_ID,
    clientSecret: env.SALESFORCE_CLIENT_SECRET,
    auth: env.SALESFORCE_REFRESH_TOKEN
      ? { grant: 'refresh_token', refreshToken: env.SALESFORCE_REFRESH_TOKEN }
      : { grant: 'client_credentials' },
    apiVersion: env.SALESFORCE_API_VERSION,
    ...defined({ requestTimeoutMs: env.SYNC_REQUEST_TIMEOUT_MS })
  });
  const flusherOptions = flusherOptionsSchema.parse(
    defined({
      leaseMs: env.SYNC_LEASE_MS,
      intervalMs: env.SYNC_INTERVAL_MS,
      urgentDelayMs: env.SYNC_URGENT_DELAY_MS,
      batchDelayMs: env.SYNC_BATCH_DELAY_MS,
      backoffBaseMs: env.SYNC_BACKOFF_BASE_MS,
      backoffMaxMs: env.SYNC_BACKOFF_MAX_MS,
      limitProbeMs: env.SYNC_LIMIT_PROBE_MS,
      maxAttempts: env.SYNC_MAX_ATTEMPTS
    })
  );
  const db = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.SYNC_DATA_DIR ?? null });
  const client = new SalesforceClient(options);
  const flusher = new SyncFlusher(
    {
      db,
      api: client,
      serviceChannels: options.serviceChannels,
      log,
      onFlush: (report) => {
        if (report.calls > 0 || report.sent > 0 || report.parked > 0) log.info(report, 'flushed');
      }
    },
    flusherOptions
  );
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await flusher.stop();
    await db.close();
    process.exit(code);
  };
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGINT', () => void shutdown(0));
  flusher.start();
  log.info({ untilDrained: env.SYNC_UNTIL_DRAINED === 'true' }, 'flusher started');
  if (env.SYNC_UNTIL_DRAINED !== 'true') return;
  const watch = setInterval(() => {
    void store.outbox.depth(db, Date.now()).then(async (depth) => {
      if (depth.pending > 0 || stopping) return;
      clearInterval(watch);
      log.info({ parked: depth.parked }, 'drained');
      await shutdown(0);
    });
  }, 250);
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad environment): stderr is all there is.
  process.stderr.write(`flusher failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
