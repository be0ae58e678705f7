// Process entry: read the environment, start the connector, stop cleanly on SIGINT/SIGTERM (see stop.ts).
import { ConfigError, readEnv } from './config';
import { createLogger } from './log';
import { startEmbedded } from './embedded';
import { stopOnSignal } from './stop';

async function main(): Promise<void> {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(env.LOG_LEVEL);
  const starting = startEmbedded(env, { log });
  // Connector first (provider, sockets, HTTP server, sync flusher, engine, store), then the local org; once. A signal
  // during the start stops what the start brought up.
  const stopper = stopOnSignal({ close: async () => (await starting).close(), log });
  // Started by scripts/start.mjs (own process group, IPC channel): when that parent is gone, nobody forwards signals
  // any more, so stop rather than run on orphaned. The channel alone does not keep the process alive.
  if (process.channel) {
    process.channel.unref();
    process.on('disconnect', () => stopper.stop('disconnect', { force: false }));
  }
  const connector = await starting;
  if (stopper.stopping) return;
  log.info(
    {
      url: connector.url,
      ws: connector.wsUrl,
      signIn: `${connector.url}/auth/login`,
      localOrg: connector.localOrg?.url ?? null,
      customerApiKeyFile: '.data/customer-api-key'
    },
    'ready'
  );
  // With --expose-gc (benchmarks), SIGUSR2 collects garbage so memory figures are not noise.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) process.on('SIGUSR2', () => gc());
}

void main();
