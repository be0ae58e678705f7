// Small HTTP pieces of the sign-in endpoints: cookies, the bearer token, CORS for the panels' origins.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function readCookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export interface CookieSpec {
  name: string;
  value: string;
  path: string;
  maxAgeSeconds: number;
  secure: boolean;
}

/** HttpOnly and SameSite=Lax: sent on Salesforce's top-level redirect back to us, never readable by scripts. */
export function cookieHeader(c: CookieSpec): string {
  return [
    `${c.name}=${c.value}`,
    `Path=${c.path}`,
    `Max-Age=${c.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(c.secure ? ['Secure'] : [])
  ].join('; ');
}

export function bearerToken(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec((req.headers.authorization ?? '').trim());
  return m?.[1] ?? null;
}

export function wantsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * CORS for the panels: they call refresh and logout from the console's origin. No cookies are involved, so no
 * credentials mode. Returns false when the request comes from a page that is not allowed.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[], own: string): boolean {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (origin === undefined || origin === own) return true;
  if (!allowed.includes(origin)) return false;
  res.setHeader('access-control-allow-origin', origin);
  return true;
}

export function answerPreflight(res: ServerResponse): void {
  res.writeHead(204, {
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-max-age': '600',
    'cache-control': 'no-store'
  });
  res.end();
}
