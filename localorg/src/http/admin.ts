// /__localorg/*: the test and demo controls that Salesforce does not have (faults, call counts, the Omni toolkit's
// side of presence and work, custom metadata edits). Not under /services, never counted as API calls.
import { z } from 'zod';
import { faultSettingsSchema } from '../faults/faults';
import { applyWorkAction, type WorkAction } from '../omni/lifecycle';
import { setPresence } from '../omni/presence';
import { sfError } from '../records/errors';
import { toApiRecord } from '../records/format';
import { systemContext, type OrgRuntime } from '../runtime';
import { INTEGRATION_USER_ID } from '../seed/constants';
import { parseJson } from './body';
import { metadataRoute } from './metadataAdmin';
import { rawJson, type RawResponse } from './raw';

export interface StatsSource {
  stats(): Record<string, unknown>;
  resetStats(): void;
}

const faultsBody = faultSettingsSchema.extend({
  expireSessions: z.boolean().optional(),
  release: z.boolean().optional(),
  reset: z.boolean().optional()
});

const presenceBody = z.object({ userId: z.string().min(15), status: z.string().min(1).nullable() });
const workBody = z.object({ reason: z.string().optional(), queueId: z.string().optional() }).optional();

const ACTIONS: Record<string, WorkAction> = {
  accept: 'accept',
  decline: 'decline',
  'push-timeout': 'pushTimeout',
  close: 'close',
  cancel: 'cancel',
  transfer: 'transfer'
};

const invalid = (detail: string) => rawJson(400, [sfError('JSON_PARSER_ERROR', `Malformed request body. ${detail}`)]);

function parse<S extends z.ZodType>(
  schema: S,
  text: string
): { ok: true; value: z.infer<S> } | { ok: false; response: RawResponse } {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, response: invalid(json.message) };
  const result = schema.safeParse(json.value ?? {});
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    response: invalid(result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '))
  };
}

async function faultsRoute(rt: OrgRuntime, method: string, bodyText: string): Promise<RawResponse> {
  if (method === 'GET') return rawJson(200, { ...rt.faults.get(), held: rt.faults.held() });
  if (method === 'DELETE') {
    rt.faults.reset();
    return rawJson(200, rt.faults.get());
  }
  const body = parse(faultsBody, bodyText);
  if (!body.ok) return body.response;
  const { expireSessions, release, reset, ...settings } = body.value;
  if (reset) rt.faults.reset();
  rt.faults.set(settings);
  if (expireSessions) rt.faults.expireSessions();
  if (release) rt.faults.release();
  return rawJson(200, { ...rt.faults.get(), held: rt.faults.held() });
}

async function omniRoute(rt: OrgRuntime, parts: string[], bodyText: string): Promise<RawResponse> {
  if (parts[0] === 'presence') {
    const body = parse(presenceBody, bodyText);
    if (!body.ok) return body.response;
    const { userId, status } = body.value;
    const result = await rt.db.exclusive((sql) => setPresence(systemContext(rt, sql, userId), userId, status));
    if (!result.ok) return rawJson(400, [result.error]);
    const obj = rt.schema.object('UserServicePresence');
    return rawJson(200, result.presence && obj ? toApiRecord('63.0', obj, result.presence) : null);
  }
  const action = ACTIONS[parts[2] ?? ''];
  if (parts[0] !== 'work' || !parts[1] || !action)
    return rawJson(404, [sfError('NOT_FOUND', 'The requested resource does not exist')]);
  const body = parse(workBody, bodyText);
  if (!body.ok) return body.response;
  const workId = parts[1];
  const result = await rt.db.exclusive(async (sql) => {
    const owner = await sql.query<{ UserId: string }>(`SELECT "UserId" FROM "so_agentwork" WHERE "Id" = $1`, [workId]);
    const ctx = systemContext(rt, sql, owner[0]?.UserId ?? INTEGRATION_USER_ID);
    return applyWorkAction(ctx, workId, action, { declineReason: body.value?.reason, queueId: body.value?.queueId });
  });
  if (!result.ok) return rawJson(result.error.errorCode === 'NOT_FOUND' ? 404 : 400, [result.error]);
  const obj = rt.schema.object('AgentWork');
  return rawJson(200, {
    work: obj ? toApiRecord('63.0', obj, result.work) : null,
    pendingServiceRoutingId: result.pendingServiceRoutingId ?? null
  });
}

export async function handleAdmin(
  rt: OrgRuntime,
  stats: StatsSource,
  method: string,
  path: string,
  bodyText: string
): Promise<RawResponse> {
  const parts = path
    .replace(/^\/__localorg\/?/, '')
    .split('/')
    .filter(Boolean);
  if (parts[0] === 'faults') return faultsRoute(rt, method, bodyText);
  if (parts[0] === 'stats' && method === 'GET') return rawJson(200, stats.stats());
  if (parts[0] === 'stats' && parts[1] === 'reset' && method === 'POST') {
    stats.resetStats();
    return rawJson(200, stats.stats());
  }
  if (parts[0] === 'omni' && method === 'POST') return omniRoute(rt, parts.slice(1), bodyText);
  if (parts[0] === 'metadata') return metadataRoute(rt, method, parts.slice(1), bodyText);
  return rawJson(404, [sfError('NOT_FOUND', 'The requested resource does not exist')]);
}
