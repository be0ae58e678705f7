// Process entry: read the environment, start the connector, stop cleanly on SIGINT/SIGTERM.
import { ConfigError, readEnv } from './config';
import { createLogger } from './log';
import { startEmbedded } from './embedded';

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
  const connector = await startEmbedded(env, { log });
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
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await connector.close();
    process.exit(0);
  };
  // With --expose-gc (benchmarks), SIGUSR2 collects garbage so memory figures are not noise.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) process.on('SIGUSR2', () => gc());
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
