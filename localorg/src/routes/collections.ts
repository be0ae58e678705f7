// sObject Collections: up to 200 records per call for create, update, upsert by external id, delete and retrieve,
// with allOrNone rolling everything back and marking the good records ALL_OR_NONE_OPERATION_ROLLED_BACK.
import { z } from 'zod';
import { to18 } from '../ids/salesforceId';
import { createRecord, deleteRecord, updateRecord, upsertRecord, type DmlResult } from '../records/dml';
import { errors, sfError, type SfError } from '../records/errors';
import { toApiRecord } from '../records/format';
import { selectById } from '../store/rows';
import { json, type ApiResponse } from '../http/types';
import { parseBody } from '../http/validate';
import type { ApiContext, Handler } from './context';
import type { ApiRouter } from './router';

const MAX_RECORDS = 200;

const collectionRecord = z.looseObject({ attributes: z.looseObject({ type: z.string().min(1) }) });
const collectionBody = z.object({ allOrNone: z.boolean().optional(), records: z.array(collectionRecord) });

interface ItemResult {
  id?: string;
  success: boolean;
  errors: { statusCode: string; message: string; fields: string[] }[];
  created?: boolean;
}

const toItemError = (e: SfError) => ({ statusCode: e.errorCode, message: e.message, fields: e.fields ?? [] });

const ROLLED_BACK = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: []
};

const tooMany = () =>
  json(400, [
    sfError('EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${MAX_RECORDS} records into this call`)
  ]);

/** Runs each operation in order under one savepoint; allOrNone undoes all of it when any failed. */
async function runAll(
  ctx: ApiContext,
  allOrNone: boolean,
  ops: (() => Promise<ItemResult>)[],
  keepIds: boolean
): Promise<ApiResponse> {
  const all = allOrNone || ctx.forceAllOrNone;
  const results = await ctx.sql.savepoint(
    async () => {
      const out: ItemResult[] = [];
      for (const op of ops) out.push(await op());
      return out;
    },
    (out) => !all || out.every((r) => r.success)
  );
  if (!all || results.every((r) => r.success)) return json(200, results);
  // Created ids no longer exist after the rollback; updated and deleted ones still name their record.
  const rolledBack = results.map((r): ItemResult => {
    if (!r.success) return r;
    return keepIds && r.id
      ? { id: r.id, success: false, errors: [ROLLED_BACK] }
      : { success: false, errors: [ROLLED_BACK] };
  });
  // Inside an allOrNone composite the failure must fail the subrequest so the composite rolls back too.
  return json(ctx.forceAllOrNone ? 400 : 200, rolledBack);
}

function fromDml(result: DmlResult, id?: string, withCreated = false): ItemResult {
  if (result.ok)
    return { id: result.id, success: true, errors: [], ...(withCreated ? { created: result.created } : {}) };
  const errs = result.errors.map((e) => (e.errorCode === 'NOT_FOUND' ? errors.entityDeleted() : e)).map(toItemError);
  return id === undefined ? { success: false, errors: errs } : { id, success: false, errors: errs };
}

function splitRecord(record: z.infer<typeof collectionRecord>) {
  const { attributes, ...fields } = record;
  return { type: attributes.type, fields: fields as Record<string, unknown> };
}

function unknownType(ctx: ApiContext, records: z.infer<typeof collectionRecord>[]): ApiResponse | null {
  const bad = records.find((r) => !ctx.schema.object(r.attributes.type));
  return bad ? json(400, [errors.invalidType(bad.attributes.type)]) : null;
}

const createMany: Handler = async (ctx, req) => {
  const body = parseBody(collectionBody, req.body);
  if (!body.ok) return body.response;
  if (body.value.records.length > MAX_RECORDS) return tooMany();
  const refused = unknownType(ctx, body.value.records);
  if (refused) return refused;
  return runAll(
    ctx,
    body.value.allOrNone ?? false,
    body.value.records.map((record) => async () => {
      const { type, fields } = splitRecord(record);
      const obj = ctx.schema.object(type);
      return obj
        ? fromDml(await createRecord(ctx, obj, fields))
        : { success: false, errors: [toItemError(errors.invalidType(type))] };
    }),
    false
  );
};

const updateMany: Handler = async (ctx, req) => {
  const body = parseBody(collectionBody, req.body);
  if (!body.ok) return body.response;
  if (body.value.records.length > MAX_RECORDS) return tooMany();
  const refused = unknownType(ctx, body.value.records);
  if (refused) return refused;
  return runAll(
    ctx,
    body.value.allOrNone ?? false,
    body.value.records.map((record) => async () => {
      const { type, fields } = splitRecord(record);
      const rawId = fields.id ?? fields.Id;
      const obj = ctx.schema.object(type);
      if (typeof rawId !== 'string' || !obj) {
        return {
          success: false,
          errors: [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }]
        };
      }
      const { id: _lower, Id: _upper, ...rest } = fields;
      return fromDml(await updateRecord(ctx, obj, rawId, rest), rawId);
    }),
    true
  );
};

const deleteMany: Handler = async (ctx, req) => {
  const ids = (req.query.get('ids') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length > MAX_RECORDS) return tooMany();
  return runAll(
    ctx,
    req.query.get('allOrNone') === 'true',
    ids.map((rawId) => async () => {
      const id = to18(rawId);
      const obj = id ? ctx.schema.objectForPrefix(id.slice(0, 3)) : undefined;
      if (!id || !obj)
        return {
          id: rawId,
          success: false,
          errors: [{ statusCode: 'MALFORMED_ID', message: `malformed id ${rawId}`, fields: [] }]
        };
      return fromDml(await deleteRecord(ctx, obj, id), id);
    }),
    true
  );
};

const retrieveMany: Handler = async (ctx, req, [name]) => {
  const obj = name ? ctx.schema.object(name) : undefined;
  if (!obj) return json(404, [errors.notFound()]);
  const ids = (req.query.get('ids') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const fieldNames = (req.query.get('fields') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length > MAX_RECORDS) return tooMany();
  const fields = [];
  for (const fieldName of fieldNames) {
    const field = ctx.schema.field(obj, fieldName);
    if (!field) return json(400, [errors.unknownField(fieldName, obj.name)]);
    fields.push(field);
  }
  if (fields.length === 0) return json(400, [sfError('MISSING_ARGUMENT', 'fields parameter is required')]);
  const out = [];
  for (const rawId of ids) {
    const id = to18(rawId);
    const record = id ? await selectById(ctx.sql, obj, id) : null;
    out.push(record ? toApiRecord(req.version, obj, record, fields) : null);
  }
  return json(200, out);
};

const upsertMany: Handler = async (ctx, req, [name, fieldName = '']) => {
  const obj = name ? ctx.schema.object(name) : undefined;
  if (!obj) return json(404, [errors.notFound()]);
  const body = parseBody(collectionBody, req.body);
  if (!body.ok) return body.response;
  if (body.value.records.length > MAX_RECORDS) return tooMany();
  const field = ctx.schema.field(obj, fieldName);
  if (!field || (!field.externalId && field.name !== 'Id')) {
    return json(404, [
      sfError('NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${fieldName}`)
    ]);
  }
  return runAll(
    ctx,
    body.value.allOrNone ?? false,
    body.value.records.map((record) => async () => {
      const { fields } = splitRecord(record);
      const key = Object.entries(fields).find(([k]) => k.toLowerCase() === field.name.toLowerCase())?.[1];
      if (key === undefined || key === null || key === '') {
        return {
          success: false,
          errors: [{ statusCode: 'MISSING_ARGUMENT', message: `${field.name} not specified`, fields: [field.name] }]
        };
      }
      return fromDml(await upsertRecord(ctx, obj, field.name, String(key), fields), undefined, true);
    }),
    false
  );
};

export function addCollectionRoutes(router: ApiRouter): void {
  router
    .add(/^\/composite\/sobjects\/?$/, { POST: createMany, PATCH: updateMany, DELETE: deleteMany })
    .add(/^\/composite\/sobjects\/([^/]+)\/?$/, { GET: retrieveMany })
    .add(/^\/composite\/sobjects\/([^/]+)\/([^/]+)\/?$/, { PATCH: upsertMany });
}
