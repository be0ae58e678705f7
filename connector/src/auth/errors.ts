// Every sign-in failure has a stable code (panels, logs, tests), an HTTP status and a sentence saying what to do.
// Panels show their own translated text for the code; the sentence is the English fallback and the page's text.
export const authErrors = {
  ACCESS_DENIED: {
    status: 403,
    message: 'Access was not allowed in Salesforce. Close this window to cancel, or sign in again and choose Allow.'
  },
  ORG_REFUSED: {
    status: 400,
    message: 'Salesforce refused the sign-in request. Ask your admin to check the connected app.'
  },
  STATE_INVALID: {
    status: 400,
    message: 'This sign-in has expired or was already used. Close this window and sign in again from the softphone.'
  },
  CALLBACK_INVALID: {
    status: 400,
    message: 'Salesforce sent an incomplete answer. Close this window and sign in again.'
  },
  TOKEN_EXCHANGE_FAILED: {
    status: 502,
    message: 'Salesforce did not accept the sign-in code. Close this window and sign in again.'
  },
  USERINFO_FAILED: {
    status: 502,
    message: 'Salesforce did not say who signed in. Close this window and sign in again.'
  },
  ORG_UNREACHABLE: { status: 503, message: 'Salesforce cannot be reached right now. Try again in a moment.' },
  ORG_MISMATCH: {
    status: 403,
    message: 'You signed in to a different Salesforce org than this softphone serves. Sign in with your work org.'
  },
  SIGN_IN_FAILED: {
    status: 500,
    message: 'The sign-in could not be completed. Try again; if it keeps failing, tell your admin.'
  },
  TOO_MANY_SIGN_INS: { status: 503, message: 'Too many sign-ins are under way. Try again in a minute.' },
  INVALID_RETURN_TO: {
    status: 400,
    message: 'The page to return to is not part of this softphone, so the sign-in was not started.'
  },
  SIGN_IN_AGAIN: { status: 401, message: 'Your Salesforce session has ended. Sign in again.' },
  TOKEN_MALFORMED: { status: 401, message: 'The session token is not valid. Sign in again.' },
  TOKEN_SIGNATURE: { status: 401, message: 'The session token is not valid. Sign in again.' },
  TOKEN_EXPIRED: { status: 401, message: 'The session token expired too long ago to be renewed. Sign in again.' },
  TOKEN_WRONG_ORG: { status: 401, message: 'The session token belongs to another Salesforce org. Sign in again.' },
  ORIGIN_NOT_ALLOWED: { status: 403, message: 'This page is not allowed to use the softphone’s sign-in.' },
  INVALID_INPUT: { status: 400, message: 'The request is malformed; see the listed fields.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This endpoint does not accept that method.' }
} as const satisfies Record<string, { status: number; message: string }>;

export type AuthErrorCode = keyof typeof authErrors;

export interface AuthError {
  code: AuthErrorCode;
  message: string;
  /** The org's own OAuth error code (invalid_grant, redirect_uri_mismatch …) for the admin. */
  orgError?: string;
}

export const authError = (code: AuthErrorCode, orgError?: string): AuthError => ({
  code,
  message: authErrors[code].message,
  ...(orgError ? { orgError } : {})
});
