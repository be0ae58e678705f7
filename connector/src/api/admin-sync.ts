// S7 for admins: sync operations Salesforce refused for good, with their error, and a way to send one again.
// Behind a bearer key (CONNECTOR_ADMIN_KEY); without a key the endpoints do not exist.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SyncFlusher } from '../salesforce';
import { sendError, sendJson, type Handler } from './http';

export function createAdminSyncHandler(flusher: SyncFlusher, adminKey: string): Handler {
  const expected = Buffer.from(`Bearer ${adminKey}`);
  const authorised = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://connector');
    if (!url.pathname.startsWith('/admin/sync/')) return false;
    if (!authorised(req)) {
      sendError(res, 401, 'UNAUTHORISED', 'Send the admin key as a bearer token.');
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/admin/sync/status') {
      sendJson(res, 200, await flusher.status());
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/admin/sync/parked') {
      sendJson(res, 200, { parked: await flusher.listParked() });
      return true;
    }
    const retry = /^\/admin\/sync\/parked\/(\d{1,15})\/retry$/.exec(url.pathname);
    if (req.method === 'POST' && retry) {
      const result = await flusher.retryParked(Number(retry[1]));
      if (result.ok) sendJson(res, 202, { retried: Number(retry[1]) });
      else sendError(res, 404, result.code, result.message);
      return true;
    }
    sendError(res, 404, 'NOT_FOUND', 'No such endpoint.');
    return true;
  };
}
