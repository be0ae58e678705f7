// /composite: up to 25 subrequests in one API call, @{ref.path} references between them, and allOrNone rolling
// every subrequest back (the others then answer PROCESSING_HALTED).
import { z } from 'zod';
import { sfError } from '../records/errors';
import { json, type ApiRequest, type ApiResponse } from '../http/types';
import { parseBody } from '../http/validate';
import type { Handler } from './context';
import { resolveReferences, type ReferenceResult } from './references';
import type { ApiRouter } from './router';

const MAX_SUBREQUESTS = 25;

const subrequest = z.object({
  method: z
    .string()
    .transform((m) => m.toUpperCase())
    .pipe(z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD'])),
  url: z.string().min(1),
  referenceId: z.string().regex(/^[A-Za-z0-9_]+$/, 'a referenceId has letters, digits and underscores only'),
  body: z.unknown().optional(),
  httpHeaders: z.record(z.string(), z.string()).optional()
});

const compositeBody = z.object({
  allOrNone: z.boolean().optional(),
  collateSubrequests: z.boolean().optional(),
  compositeRequest: z.array(subrequest).min(1)
});

interface SubResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

const SUPPORTED = /^\/(sobjects(\/|$)|query(All)?(\/|$)|composite\/sobjects(\/|$))/;
const URL_RE = /^\/services\/data\/v(\d+\.\d)(\/[^?]*)?(?:\?(.*))?$/;

const halted = (message: string) => [sfError('PROCESSING_HALTED', message)];
const ROLLED_BACK = 'The transaction was rolled back since another operation in the same transaction failed.';

function toSubRequest(parent: ApiRequest, url: string, method: string, body: unknown, headers: Record<string, string>) {
  const m = URL_RE.exec(url);
  if (!m) return null;
  const path = (m[2] ?? '').replace(/\/$/, '');
  if (!SUPPORTED.test(path)) return null;
  const lowered = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const req: ApiRequest = {
    method,
    path,
    query: new URLSearchParams(m[3] ?? ''),
    body,
    headers: { ...parent.headers, ...lowered },
    version: m[1] ?? parent.version
  };
  return req;
}

function locationOf(req: ApiRequest, response: ApiResponse): Record<string, string> {
  const body = response.body as { id?: unknown } | undefined;
  if (response.status === 201 && typeof body?.id === 'string') {
    const objectName = req.path.split('/')[2] ?? '';
    return { Location: `/services/data/v${req.version}/sobjects/${objectName}/${body.id}` };
  }
  return {};
}

const composite: Handler = async (ctx, req) => {
  const parsed = parseBody(compositeBody, req.body);
  if (!parsed.ok) return parsed.response;
  const { compositeRequest, allOrNone = false } = parsed.value;
  if (compositeRequest.length > MAX_SUBREQUESTS) {
    return json(400, [
      sfError('LIMIT_EXCEEDED', `A composite request can contain at most ${MAX_SUBREQUESTS} subrequests`)
    ]);
  }
  const ids = compositeRequest.map((s) => s.referenceId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) return json(400, [sfError('JSON_PARSER_ERROR', `Duplicate referenceId provided in the request: ${dup}`)]);

  const done = new Map<string, ReferenceResult>();
  const results: SubResult[] = [];
  let failedAt = -1;
  await ctx.sql.savepoint(
    async () => {
      for (const [index, sub] of compositeRequest.entries()) {
        if (allOrNone && failedAt >= 0) break;
        const resolved = resolveReferences(sub.url, sub.body, done);
        let response: ApiResponse;
        let subReq: ApiRequest | null = null;
        if (!resolved.ok) {
          response = json(400, halted(resolved.message));
        } else {
          subReq = toSubRequest(req, resolved.url, sub.method, resolved.body, sub.httpHeaders ?? {});
          response = subReq
            ? await ctx.dispatch(subReq, { forceAllOrNone: allOrNone })
            : json(400, [sfError('INVALID_API_INPUT', `The composite resource does not support this URL: ${sub.url}`)]);
        }
        done.set(sub.referenceId, { status: response.status, body: response.body });
        results.push({
          body: response.body ?? null,
          httpHeaders: subReq ? locationOf(subReq, response) : {},
          httpStatusCode: response.status,
          referenceId: sub.referenceId
        });
        if (response.status >= 400 && failedAt < 0) failedAt = index;
      }
      return failedAt;
    },
    (failed) => !allOrNone || failed < 0
  );

  if (allOrNone && failedAt >= 0) {
    const rolledBack = compositeRequest.map((sub, index): SubResult => {
      const own = results[index];
      if (index === failedAt && own) return own;
      return { body: halted(ROLLED_BACK), httpHeaders: {}, httpStatusCode: 400, referenceId: sub.referenceId };
    });
    return json(200, { compositeResponse: rolledBack });
  }
  return json(200, { compositeResponse: results });
};

export function addCompositeRoutes(router: ApiRouter): void {
  router.add(/^\/composite\/?$/, { POST: composite });
}
