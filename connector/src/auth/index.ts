// Salesforce sign-in for agents (OAuth 2.0 web server flow with PKCE) and the connector's own session tokens.
export { createAuthHandler } from './auth-handler';
export { AuthConfigError, authOptionsSchema, callbackUrl, resolveAuthOptions } from './options';
export type { AuthOptions, ResolvedAuthOptions } from './options';
export { authErrors } from './errors';
export type { AuthError, AuthErrorCode } from './errors';
export { RECEIVED_MESSAGE_TYPE, SESSION_STORAGE_KEY } from './pages';
export type { SignInMessage } from './pages';
export { MemoryPendingLogins } from './pending-logins';
export type { PendingLogin, PendingLoginStore } from './pending-logins';
export { MemorySignedInSessions } from './signed-in-sessions';
export type { SignedInAgent, SignedInSession, SignedInSessionStore } from './signed-in-sessions';
export { SessionTokens, sameOrg, sessionClaimsSchema } from './session-token';
export { StoreSessionRevocations } from './revocations';
export type { SessionRevocations } from './revocations';
export type { SessionClaims, TokenCheck, TokenCheckCode, VerifyOptions } from './session-token';
