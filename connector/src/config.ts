// The connector's configuration comes from environment variables, checked once at start: a wrong value stops the
// start with a sentence naming the variable.
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envSchema = z.object({
  CONNECTOR_HOST: z.string().min(1).default('127.0.0.1'),
  CONNECTOR_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Public base URL the browser reaches the connector at (OAuth redirect URI is derived from it). */
  CONNECTOR_PUBLIC_URL: z.url().optional(),
  CONNECTOR_DATA_DIR: z.string().min(1).default('.data/connector'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Secret for signing session tokens; generated per process when absent (sessions then end with the process). */
  CONNECTOR_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CONNECTOR_SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** Salesforce (or the local org) that agents sign in to and that sync writes to. */
  SALESFORCE_LOGIN_URL: z.url().optional(),
  SALESFORCE_CLIENT_ID: z.string().min(1).optional(),
  SALESFORCE_CLIENT_SECRET: z.string().min(1).optional(),
  /** The integration user's refresh token for sync; without it sync uses the client-credentials grant. */
  SALESFORCE_REFRESH_TOKEN: z.string().min(1).optional(),
  SALESFORCE_API_VERSION: z
    .string()
    .regex(/^\d{2}\.0$/, 'must look like 63.0')
    .refine((v) => Number(v) >= 62, 'must be 62.0 or later')
    .default('63.0'),
  /** Scenario file for the simulator provider (scripted customers); the shipped default when absent. */
  SIMULATOR_SCENARIO: z.string().min(1).optional(),
  /** Bearer key of the simulator's customer API; generated and kept in the data folder when absent. */
  CUSTOMER_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Origins of the console pages whose panels may receive a sign-in token (comma-separated). */
  CONNECTOR_PANEL_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== '')
    )
    .pipe(z.array(z.url()))
    .default([]),
  /** Pin agents to one org (00D…): tokens of any other org are refused. */
  SALESFORCE_ORG_ID: z
    .string()
    .regex(/^00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/, 'must be a Salesforce org id (00D…)')
    .optional(),
  /** Without SALESFORCE_LOGIN_URL, start the local org stand-in in-process and sign in and sync against it. */
  LOCALORG_EMBEDDED: bool.default(true),
  LOCALORG_PORT: z.coerce.number().int().min(0).max(65535).default(7070),
  LOCALORG_DATA_DIR: z.string().min(1).default('.data/localorg'),
  /** Bearer key of the admin endpoints (/admin/sync/...: parked sync operations); they do not exist without it. */
  CONNECTOR_ADMIN_KEY: z.string().min(24, 'must be at least 24 characters').optional(),
  /** UNSAFE: lets anyone sign in as any agent without Salesforce. Development only; never on by default. */
  CONNECTOR_UNSAFE_DEV_SIGNIN: bool.default(false),
  CONNECTOR_MAX_COMMANDS_PER_SECOND: z.coerce.number().int().min(1).max(10_000).default(50),
  /** The Softphone_Setting__mdt record (DeveloperName) this connector reads its contact-centre settings from. */
  CONNECTOR_SETTINGS_RECORD: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'must be a custom metadata record name such as Default')
    .default('Default'),
  /** How often the settings records are read again (an admin's change applies within this time). */
  CONNECTOR_SETTINGS_REFRESH_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});
export type ConnectorEnv = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The connector cannot start: ${problems.join('; ')}.`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment; throws ConfigError whose message names every wrong variable. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ConnectorEnv {
  const known = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((k) => (env[k] !== undefined && env[k] !== '' ? [[k, env[k]]] : []))
  );
  const result = envSchema.safeParse(known);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => `${i.path.join('.')} ${i.message} (got "${String(known[String(i.path[0])] ?? '')}")`)
  );
}
