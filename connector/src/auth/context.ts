// What the sign-in endpoints share: the checked options, the org client, the stores, the clock and the log.
import pino from 'pino';
import type { Logger } from '../log';
import type { ResolvedAuthOptions } from './options';
import { MemoryPendingLogins, type PendingLoginStore } from './pending-logins';
import { SalesforceOAuth } from './salesforce-oauth';
import type { SessionTokens } from './session-token';
import { MemorySignedInSessions, type SignedInAgent, type SignedInSessionStore } from './signed-in-sessions';

export interface AuthContext {
  options: ResolvedAuthOptions;
  org: SalesforceOAuth;
  tokens: SessionTokens;
  pending: PendingLoginStore;
  sessions: SignedInSessionStore;
  onSignIn: (agent: SignedInAgent) => void | Promise<void>;
  now: () => number;
  log: Logger;
  /** The connector's own origin (from redirectUri): returnTo must stay on it. */
  connectorOrigin: string;
  /** The browser-binding cookie is sent to the callback path only. */
  cookiePath: string;
  secureCookies: boolean;
}

export function createAuthContext(options: ResolvedAuthOptions): AuthContext {
  const redirect = new URL(options.redirectUri);
  return {
    options,
    org: new SalesforceOAuth({
      loginUrl: options.loginUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUri: options.redirectUri,
      scopes: options.scopes,
      fetch: options.fetch ?? fetch,
      timeoutMs: options.orgTimeoutMs
    }),
    tokens: options.tokens,
    pending: options.pendingLogins ?? new MemoryPendingLogins(options.maxPendingLogins),
    sessions: options.sessions ?? new MemorySignedInSessions(options.maxSessions),
    onSignIn: options.onSignIn ?? (() => undefined),
    now: options.now ?? Date.now,
    log: (options.log ?? pino({ level: 'silent' })).child({ component: 'auth' }),
    connectorOrigin: redirect.origin,
    cookiePath: redirect.pathname,
    secureCookies: redirect.protocol === 'https:'
  };
}

/** One cookie per sign-in under way, so two pop-ups in one browser do not overwrite each other's binding. */
export const bindingCookieName = (state: string): string => `softphone_signin_${state.slice(0, 16)}`;
