// sObject resources: describe, create, read (?fields=), update, delete, and the rows-by-external-id upsert.
import { z } from 'zod';
import { to18 } from '../ids/salesforceId';
import { createRecord, deleteRecord, findForWrite, updateRecord, upsertRecord } from '../records/dml';
import { errors, sfError } from '../records/errors';
import { toApiRecord } from '../records/format';
import type { ObjectDef } from '../schema/types';
import { selectByField } from '../store/rows';
import { json, type ApiRequest, type ApiResponse } from '../http/types';
import { parseBody } from '../http/validate';
import type { ApiContext, Handler } from './context';
import { describeGlobal, describeObject, objectSummary } from './describe';
import { created, failure, upserted } from './results';
import type { ApiRouter } from './router';

const recordBody = z.record(z.string(), z.unknown());

function objectOr404(ctx: ApiContext, name: string | undefined): ObjectDef | ApiResponse {
  const obj = name ? ctx.schema.object(name) : undefined;
  return obj ?? json(404, [errors.notFound()]);
}

const isResponse = (x: ObjectDef | ApiResponse): x is ApiResponse => 'status' in x;

/** Applies ?fields=a,b: unknown names are refused as the API does. */
function pickFields(ctx: ApiContext, obj: ObjectDef, req: ApiRequest) {
  const list = req.query.get('fields');
  if (!list) return { ok: true as const, fields: obj.fields };
  const fields = [];
  for (const name of list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const field = ctx.schema.field(obj, name);
    if (!field) {
      return {
        ok: false as const,
        response: json(400, [
          sfError(
            'INVALID_FIELD',
            `No such column '${name}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
          )
        ])
      };
    }
    fields.push(field);
  }
  return { ok: true as const, fields };
}

const describeOne: Handler = async (ctx, req, [name]) => {
  const obj = objectOr404(ctx, name);
  return isResponse(obj) ? obj : json(200, describeObject(ctx.schema, req.version, obj));
};

const basicInfo: Handler = async (ctx, req, [name]) => {
  const obj = objectOr404(ctx, name);
  return isResponse(obj) ? obj : json(200, { objectDescribe: objectSummary(req.version, obj), recentItems: [] });
};

const create: Handler = async (ctx, req, [name]) => {
  const obj = objectOr404(ctx, name);
  if (isResponse(obj)) return obj;
  const body = parseBody(recordBody, req.body);
  if (!body.ok) return body.response;
  const result = await createRecord(ctx, obj, body.value);
  return result.ok ? created(result.id) : failure(result, req.version, obj.name);
};

const read: Handler = async (ctx, req, [name, rawId]) => {
  const obj = objectOr404(ctx, name);
  if (isResponse(obj)) return obj;
  const picked = pickFields(ctx, obj, req);
  if (!picked.ok) return picked.response;
  if (!to18(rawId ?? '')) {
    return json(404, [
      sfError('NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${rawId}`)
    ]);
  }
  const found = await findForWrite(ctx, obj, rawId ?? '');
  if (!found.ok) return json(404, found.errors);
  return json(200, toApiRecord(req.version, obj, found.record, picked.fields));
};

const update: Handler = async (ctx, req, [name, id]) => {
  const obj = objectOr404(ctx, name);
  if (isResponse(obj)) return obj;
  const body = parseBody(recordBody, req.body);
  if (!body.ok) return body.response;
  const result = await updateRecord(ctx, obj, id ?? '', body.value);
  return result.ok ? json(204) : failure(result, req.version, obj.name);
};

const remove: Handler = async (ctx, req, [name, id]) => {
  const obj = objectOr404(ctx, name);
  if (isResponse(obj)) return obj;
  const result = await deleteRecord(ctx, obj, id ?? '');
  return result.ok ? json(204) : failure(result, req.version, obj.name);
};

/** /sobjects/<Obj>/<ExtIdField>/<value>: read, upsert (PATCH) or delete by external id. */
async function byExternalId(ctx: ApiContext, req: ApiRequest, params: string[]): Promise<ApiResponse> {
  const [name, fieldName = '', key = ''] = params;
  const obj = objectOr404(ctx, name);
  if (isResponse(obj)) return obj;
  const field = ctx.schema.field(obj, fieldName);
  if (!field || (!field.externalId && field.name !== 'Id')) {
    return json(404, [
      sfError('NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${fieldName}`)
    ]);
  }
  if (req.method === 'PATCH') {
    const body = parseBody(recordBody, req.body);
    if (!body.ok) return body.response;
    if (req.query.get('updateOnly') === 'true' && field.name !== 'Id') {
      const existing = await selectByField(ctx.sql, obj, field, key, 1);
      if (existing.length === 0) return json(404, [errors.notFound()]);
    }
    const result = await upsertRecord(ctx, obj, field.name, key, body.value);
    return result.ok ? upserted(result, req.version) : failure(result, req.version, obj.name);
  }
  const matches = field.name === 'Id' ? [] : await selectByField(ctx.sql, obj, field, key, 10);
  if (field.name === 'Id') {
    return req.method === 'DELETE' ? remove(ctx, req, [obj.name, key]) : read(ctx, req, [obj.name, key]);
  }
  if (matches.length > 1)
    return failure({ ok: false, errors: [], multipleMatches: matches.map((m) => String(m.Id)) }, req.version, obj.name);
  const match = matches[0];
  if (!match) return json(404, [errors.notFound()]);
  if (req.method === 'DELETE') return remove(ctx, req, [obj.name, String(match.Id)]);
  const picked = pickFields(ctx, obj, req);
  if (!picked.ok) return picked.response;
  return json(200, toApiRecord(req.version, obj, match, picked.fields));
}

/** POST /sobjects/<Obj>/Id creates a record (Id as external id with a null value, API 37.0+). */
const createViaId: Handler = async (ctx, req, [name, fieldName]) =>
  fieldName?.toLowerCase() === 'id' ? create(ctx, req, [name ?? '']) : json(404, [errors.notFound()]);

export function addSobjectRoutes(router: ApiRouter): void {
  router
    .add(/^\/sobjects\/?$/, { GET: async (ctx, req) => json(200, describeGlobal(ctx.schema, req.version)) })
    .add(/^\/sobjects\/([^/]+)\/?$/, { GET: basicInfo, POST: create })
    .add(/^\/sobjects\/([^/]+)\/describe\/?$/, { GET: describeOne })
    .add(/^\/sobjects\/([^/]+)\/([^/]+)\/?$/, { GET: read, PATCH: update, DELETE: remove, POST: createViaId })
    .add(/^\/sobjects\/([^/]+)\/([^/]+)\/([^/]+)\/?$/, {
      GET: byExternalId,
      PATCH: byExternalId,
      DELETE: byExternalId
    });
}
