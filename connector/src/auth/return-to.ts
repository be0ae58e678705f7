// Where the browser may go after signing in: a path on the connector or a URL of the connector's own origin.
// Anything else (another host, //host, \host, javascript:) is refused, so /auth/login is no open redirect.

export type ReturnToCheck = { ok: true; path: string | null } | { ok: false };

/** Normalises an accepted returnTo to path + query + fragment on the connector's origin. */
export function checkReturnTo(value: string | undefined, connectorOrigin: string): ReturnToCheck {
  if (value === undefined || value === '') return { ok: true, path: null };
  // Backslashes and control characters are read differently by browsers (\\evil.example is //evil.example).
  // eslint-disable-next-line no-control-regex
  if (value.length > 2048 || /[\\\u0000-\u001f\u007f]/.test(value)) return { ok: false };
  const relative = value.startsWith('/') && !value.startsWith('//');
  const absolute = /^https?:\/\//i.test(value);
  if (!relative && !absolute) return { ok: false };
  let url: URL;
  try {
    url = new URL(value, connectorOrigin);
  } catch {
    return { ok: false };
  }
  if (url.origin !== connectorOrigin) return { ok: false };
  return { ok: true, path: `${url.pathname}${url.search}${url.hash}` };
}
