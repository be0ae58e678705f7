// `npx tsx localorg/src/main.ts`: runs the local org until Ctrl+C. LOCALORG_PORT (default 7070), LOCALORG_HOST,
// LOCALORG_DATA_DIR (default .data/localorg; "memory" keeps nothing), LOCALORG_API_LIMIT, LOCALORG_TOKEN_TTL_SECONDS.
import { startLocalOrg, CONNECTOR_CLIENT_ID } from './index';

function numberFromEnv(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const dataDirEnv = process.env.LOCALORG_DATA_DIR ?? '.data/localorg';
  const org = await startLocalOrg({
    port: numberFromEnv('LOCALORG_PORT') ?? 7070,
    host: process.env.LOCALORG_HOST ?? '127.0.0.1',
    dataDir: dataDirEnv === 'memory' ? null : dataDirEnv,
    apiLimit: numberFromEnv('LOCALORG_API_LIMIT'),
    accessTokenTtlSeconds: numberFromEnv('LOCALORG_TOKEN_TTL_SECONDS')
  });
  process.stdout.write(`local org listening on ${org.url} (org ${org.orgId}, connected app ${CONNECTOR_CLIENT_ID})\n`);
  const stop = () => {
    void org.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`local org failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
