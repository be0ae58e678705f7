// Small HTTP helpers for the customer API: bearer auth in constant time, a size-capped JSON body, JSON answers.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Beyond this the connection is cut instead of drained: nobody sends 8 MB to a customer API by mistake. */
const MAX_DRAIN_BYTES = 8 * MAX_BODY_BYTES;

export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  error: ErrorBody['error'],
  headers: Record<string, string> = {}
): void {
  sendJson(res, status, { error } satisfies ErrorBody, headers);
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests so the time taken says nothing about how much of the key was right. */
export function bearerMatches(req: IncomingMessage, apiKey: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(apiKey));
}

export type BodyResult =
  { ok: true; json: unknown } | { ok: false; status: 400 | 413 | 415; code: string; message: string };

/** Reads a JSON body of at most MAX_BODY_BYTES. An empty body reads as {}. */
export function readJsonBody(req: IncomingMessage): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? '0');
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      // Draining keeps the connection healthy for the answer; past this, the sender is not a customer.
      if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('error', () =>
      resolve({ ok: false, status: 400, code: 'BODY_UNREADABLE', message: 'The body could not be read.' })
    );
    req.on('end', () => {
      if (tooLarge) {
        resolve({ ok: false, status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The body is larger than 1 MB.' });
        return;
      }
      if (size === 0) {
        resolve({ ok: true, json: {} });
        return;
      }
      if (!contentType.startsWith('application/json')) {
        resolve({
          ok: false,
          status: 415,
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Send the body as application/json.'
        });
        return;
      }
      try {
        resolve({ ok: true, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve({ ok: false, status: 400, code: 'INVALID_JSON', message: 'The body is not valid JSON.' });
      }
    });
  });
}
