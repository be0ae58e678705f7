// The auth handler's options, checked once at start: a wrong value stops the start with a sentence naming it.
import { z } from 'zod';
import type { Logger } from '../log';
import { parseWith } from '../interactions/kernel/parse';
import type { PendingLoginStore } from './pending-logins';
import { SessionTokens } from './session-token';
import type { SessionRevocations } from './revocations';
import type { SignedInAgent, SignedInSessionStore } from './signed-in-sessions';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https, or plain http on this machine only (the local org, a developer's connector). */
const webUrl = z
  .url()
  .refine((v) => {
    const url = new URL(v);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  }, 'must be https (plain http only on localhost)')
  .refine((v) => !new URL(v).search && !new URL(v).hash, 'must not have a query or fragment');

/** A browser origin such as https://acme.lightning.force.com: scheme, host and port, nothing else. */
const origin = z
  .url()
  .refine((v) => new URL(v).origin === v, 'must be an origin like https://acme.lightning.force.com');

const fn = <T>(what: string) =>
  z.custom<T>((v) => typeof v === 'function', { message: `must be a function (${what})` });

export const authOptionsSchema = z.object({
  /** https://login.salesforce.com, https://test.salesforce.com, a My Domain login URL, or the local org's URL. */
  loginUrl: webUrl,
  /** The connected app's consumer key. */
  clientId: z.string().min(1).max(255),
  /** The consumer secret, when the app requires it for the web server flow (PKCE is always sent). */
  clientSecret: z.string().min(1).optional(),
  /** <connector public URL>/auth/callback; must be listed as the app's callback URL, character for character. */
  redirectUri: webUrl,
  scopes: z
    .string()
    .regex(/^[a-z_]+( [a-z_]+)*$/, 'must be scope names separated by single spaces')
    .default('api refresh_token openid'),
  /** Where the console's panels live: the only windows the callback page hands a token to. */
  allowedPanelOrigins: z.array(origin).max(20).default([]),
  /** The org agents must belong to; when set, sign-ins and tokens of any other org are refused. */
  orgId: z
    .string()
    .regex(/^00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/, 'must be a Salesforce org id (00D…)')
    .optional(),
  /** The SessionTokens the WebSocket hello checks (same secret). */
  tokens: z.instanceof(SessionTokens, { message: 'must be the connector’s SessionTokens' }),
  sessionTtlSeconds: z.number().int().min(60).max(86_400).default(3600),
  /** How long after expiry a session token can still be renewed (a laptop waking up). */
  refreshGraceSeconds: z.number().int().min(0).max(3600).default(300),
  /** How long a started sign-in waits for Salesforce's answer. */
  loginTtlSeconds: z.number().int().min(60).max(1800).default(600),
  maxPendingLogins: z.number().int().min(1).max(1_000_000).default(1000),
  maxSessions: z.number().int().min(1).max(10_000_000).default(10_000),
  /** Time limit of each call to the org. */
  orgTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  onSignIn: fn<(agent: SignedInAgent) => void | Promise<void>>('onSignIn').optional(),
  fetch: fn<typeof fetch>('fetch').optional(),
  /** Milliseconds since the epoch (tests move it). */
  now: fn<() => number>('now').optional(),
  log: z
    .custom<Logger>((v) => typeof v === 'object' && v !== null && typeof Reflect.get(v, 'info') === 'function', {
      message: 'must be a pino logger'
    })
    .optional(),
  /** Shared stores for several connector instances; in memory when absent. */
  pendingLogins: z.custom<PendingLoginStore>((v) => typeof v === 'object' && v !== null).optional(),
  sessions: z.custom<SignedInSessionStore>((v) => typeof v === 'object' && v !== null).optional(),
  /** Signed-out sign-ins, shared by every instance (the store): logout lists the token's sid, refresh refuses it. */
  revocations: z.custom<SessionRevocations>((v) => typeof v === 'object' && v !== null).optional()
});

/** What callers pass. */
export type AuthOptions = z.input<typeof authOptionsSchema>;
/** After defaults. */
export type ResolvedAuthOptions = z.output<typeof authOptionsSchema>;

export class AuthConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Salesforce sign-in cannot start: ${problems.join('; ')}.`);
    this.name = 'AuthConfigError';
  }
}

/** Checks options; a wrong value throws AuthConfigError naming each wrong option (at start, like config.ts). */
export function resolveAuthOptions(input: unknown): ResolvedAuthOptions {
  const parsed = parseWith(authOptionsSchema, input);
  if (parsed.ok) return parsed.value;
  throw new AuthConfigError((parsed.rejection.issues ?? []).map((i) => `${i.path} ${i.message}`));
}

/** <connector public URL>/auth/callback, keeping a path prefix the connector is published under. */
export function callbackUrl(publicUrl: string): string {
  const base = new URL(publicUrl);
  base.pathname = `${base.pathname.replace(/\/+$/, '')}/auth/callback`;
  base.search = '';
  base.hash = '';
  return base.toString();
}
