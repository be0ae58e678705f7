// Settings for admins: what the connector read from the org last and whether it was applied, and "read them now"
// (so a change takes effect at once instead of within the refresh interval). Behind the admin bearer key.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeProblem } from '../settings/mapping';
import type { LoadOutcome, SettingsLoader } from '../settings/loader';
import { sendError, sendJson, type Handler } from './http';

export function createAdminSettingsHandler(loader: SettingsLoader, adminKey: string): Handler {
  const expected = Buffer.from(`Bearer ${adminKey}`);
  const authorised = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const view = (outcome: LoadOutcome | null) => ({
    lastRead: outcome,
    sentences: outcome?.status === 'refused' ? outcome.problems.map(describeProblem) : [],
    inForce: loader.settings === null ? 'defaults' : 'org'
  });
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://connector');
    if (url.pathname !== '/admin/settings' && url.pathname !== '/admin/settings/refresh') return false;
    if (!authorised(req)) {
      sendError(res, 401, 'UNAUTHORISED', 'Send the admin key as a bearer token.');
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/admin/settings') {
      sendJson(res, 200, view(loader.lastOutcome));
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/admin/settings/refresh') {
      const outcome = await loader.load();
      sendJson(res, outcome.status === 'refused' ? 422 : outcome.status === 'unreachable' ? 502 : 200, view(outcome));
      return true;
    }
    sendError(res, 405, 'METHOD_NOT_ALLOWED', 'GET /admin/settings or POST /admin/settings/refresh.');
    return true;
  };
}
