// What can go wrong talking to Salesforce, sorted by what the flusher does about it: retry later (transient), stop
// everything until the API limit resets (limit), fix the credentials (auth), or park the write for an admin (permanent).
export type FailureKind = 'transient' | 'limit' | 'auth' | 'permanent';

export interface SyncFailure {
  kind: FailureKind;
  /** Salesforce's errorCode (REQUIRED_FIELD_MISSING, SERVER_UNAVAILABLE ...) or ours (TIMEOUT, NETWORK, AUTH_FAILED). */
  code: string;
  message: string;
  /** The HTTP status when Salesforce answered one. */
  httpStatus: number | null;
  /** Fields Salesforce named in the error, when it did. */
  fields?: string[];
}

/** Salesforce's answers that say "not now", not "never". */
const TRANSIENT_CODES = new Set([
  'UNKNOWN_EXCEPTION',
  'SERVER_UNAVAILABLE',
  'UNABLE_TO_LOCK_ROW',
  'REQUEST_RUNNING_TOO_LONG',
  'QUERY_TIMEOUT',
  'API_CURRENTLY_DISABLED',
  'TIMEOUT',
  'NETWORK'
]);

const LIMIT_CODES = new Set(['REQUEST_LIMIT_EXCEEDED']);
/** The session was refused even after a fresh token, or no token could be had: the credentials need a person. */
const AUTH_CODES = new Set(['INVALID_SESSION_ID', 'AUTH_FAILED']);

export function kindOfCode(code: string, httpStatus: number | null): FailureKind {
  if (LIMIT_CODES.has(code)) return 'limit';
  if (AUTH_CODES.has(code)) return 'auth';
  if (TRANSIENT_CODES.has(code) || /^ERROR_HTTP_5\d\d$/.test(code)) return 'transient';
  if (httpStatus !== null && httpStatus >= 500) return 'transient';
  return 'permanent';
}

export function failure(
  code: string,
  message: string,
  httpStatus: number | null = null,
  fields?: string[]
): SyncFailure {
  const base: SyncFailure = { kind: kindOfCode(code, httpStatus), code, message, httpStatus };
  return fields && fields.length > 0 ? { ...base, fields } : base;
}

/** A Salesforce error list `[{errorCode, message, fields?}]`: its first entry, or null when the body is something else. */
export function firstSalesforceError(body: unknown): { code: string; message: string; fields?: string[] } | null {
  const list = Array.isArray(body) ? body : [body];
  const first: unknown = list[0];
  if (typeof first !== 'object' || first === null) return null;
  const { errorCode, message, fields } = first as { errorCode?: unknown; message?: unknown; fields?: unknown };
  if (typeof errorCode !== 'string') return null;
  const named = Array.isArray(fields) ? fields.filter((f): f is string => typeof f === 'string') : [];
  return {
    code: errorCode,
    message: typeof message === 'string' ? message : errorCode,
    ...(named.length > 0 ? { fields: named } : {})
  };
}

/** jsforce's errors carry Salesforce's errorCode but not the HTTP status; these codes come with a known one. */
const STATUS_OF_CODE: Record<string, number> = {
  INVALID_SESSION_ID: 401,
  REQUEST_LIMIT_EXCEEDED: 403,
  NOT_FOUND: 404,
  UNKNOWN_EXCEPTION: 500,
  SERVER_UNAVAILABLE: 503
};

/** An error jsforce threw (HttpApiError with errorCode, node-fetch's FetchError/AbortError) as a SyncFailure. */
export function failureFromThrown(error: unknown): SyncFailure {
  if (typeof error !== 'object' || error === null) return failure('NETWORK', String(error));
  const e = error as { name?: unknown; errorCode?: unknown; message?: unknown; code?: unknown; data?: unknown };
  const message = typeof e.message === 'string' ? e.message : 'request failed';
  if (e.name === 'AbortError' || e.name === 'TimeoutError')
    return failure('TIMEOUT', 'Salesforce did not answer in time.');
  if (e.name === 'FetchError' || typeof e.code === 'string') return failure('NETWORK', message);
  if (typeof e.errorCode === 'string') {
    const fromData = firstSalesforceError(e.data);
    const status = /^ERROR_HTTP_(\d{3})$/.exec(e.errorCode);
    const httpStatus = status ? Number(status[1]) : (STATUS_OF_CODE[e.errorCode] ?? null);
    return failure(e.errorCode, message, httpStatus, fromData?.fields);
  }
  return failure('NETWORK', message);
}
