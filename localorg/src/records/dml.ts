// Create, update, upsert and delete one record with Salesforce's checks, in Salesforce's order.
import { keyPrefixOf, makeId, to18 } from '../ids/salesforceId';
import type { FieldDef, ObjectDef, RecordValues } from '../schema/types';
import { nextNumber } from '../store/tables';
import { deleteRow, insertRow, selectById, selectByField, updateRow, wasDeleted } from '../store/rows';
import { isoNow, type DataContext } from './context';
import { autoNumber, derive } from './derive';
import { errors, sfError, type SfError } from './errors';
import { prepareWrite } from './prepare';
import { checkRules } from './rules';

export type DmlResult =
  { ok: true; id: string; created: boolean } | { ok: false; errors: SfError[]; multipleMatches?: string[] };

const fail = (errs: SfError[]): DmlResult => ({ ok: false, errors: errs });

async function checkReferences(ctx: DataContext, obj: ObjectDef, values: RecordValues, given: string[]) {
  for (const name of given) {
    const field = ctx.schema.field(obj, name);
    const id = values[name];
    if (!field || field.type !== 'reference' || typeof id !== 'string') continue;
    const target = ctx.schema.objectForPrefix(keyPrefixOf(id));
    if (!target || !field.referenceTo.includes(target.name)) return [errors.wrongIdType(field, id)];
    if (!(await selectById(ctx.sql, target, id))) {
      return [
        (await wasDeleted(ctx.sql, id))
          ? { ...errors.entityDeleted(), fields: [field.name] }
          : errors.badReference(field)
      ];
    }
  }
  return [];
}

async function checkUnique(ctx: DataContext, obj: ObjectDef, values: RecordValues, selfId: string | null) {
  for (const field of obj.fields) {
    const value = values[field.name];
    if (!field.unique || value === null || value === undefined || typeof value === 'boolean') continue;
    const clash = (await selectByField(ctx.sql, obj, field, value, 2)).find((row) => row.Id !== selfId);
    if (clash && typeof clash.Id === 'string') return [errors.duplicate(field, clash.Id)];
  }
  return [];
}

function missingRequired(obj: ObjectDef, values: RecordValues, considered: (f: FieldDef) => boolean): SfError[] {
  const missing = obj.fields
    .filter((f) => !f.nillable && f.type !== 'boolean' && considered(f))
    .filter((f) => values[f.name] === null || values[f.name] === undefined)
    .map((f) => f.name);
  return missing.length > 0 ? [errors.required(missing)] : [];
}

async function firstFailure(checks: (() => Promise<SfError[]> | SfError[])[]): Promise<SfError[]> {
  for (const check of checks) {
    const found = await check();
    if (found.length > 0) return found;
  }
  return [];
}

export async function createRecord(
  ctx: DataContext,
  obj: ObjectDef,
  body: Record<string, unknown>
): Promise<DmlResult> {
  if (!obj.createable) return fail([errors.unsupported(obj.name, 'insert')]);
  const prepared = prepareWrite(ctx.schema, obj, body, 'insert');
  if (!prepared.ok) return fail(prepared.errors);
  const given = Object.keys(prepared.values);
  const now = isoNow(ctx);
  const n = await nextNumber(ctx.sql, obj.keyPrefix);
  const record: RecordValues = {};
  for (const field of obj.fields) {
    if (field.defaultValue !== undefined) record[field.name] = field.defaultValue;
  }
  Object.assign(record, autoNumber(obj, n), {
    Id: makeId(obj.keyPrefix, n),
    CreatedDate: now,
    CreatedById: ctx.userId,
    LastModifiedDate: now,
    LastModifiedById: ctx.userId,
    SystemModstamp: now
  });
  if (ctx.schema.field(obj, 'OwnerId')) record.OwnerId = ctx.userId;
  Object.assign(record, prepared.values);
  await derive(ctx, obj, record, null);
  const hooks = ctx.hooks.for(obj.name);
  const refused = await firstFailure([
    () => missingRequired(obj, record, (f) => f.createable),
    () => checkReferences(ctx, obj, record, given),
    () => checkUnique(ctx, obj, record, null),
    () => checkRules(obj.name, record),
    () => hooks.beforeInsert?.(ctx, record) ?? []
  ]);
  if (refused.length > 0) return fail(refused);
  await insertRow(ctx.sql, obj, record);
  await hooks.afterInsert?.(ctx, record);
  return { ok: true, id: String(record.Id), created: true };
}

/** Finds a record for write by id: NOT_FOUND or ENTITY_IS_DELETED as the API says it. */
export async function findForWrite(ctx: DataContext, obj: ObjectDef, rawId: string) {
  const id = to18(rawId);
  if (!id || keyPrefixOf(id) !== obj.keyPrefix) return { ok: false as const, errors: [errors.notFound()] };
  const record = await selectById(ctx.sql, obj, id);
  if (record) return { ok: true as const, record };
  return { ok: false as const, errors: [(await wasDeleted(ctx.sql, id)) ? errors.entityDeleted() : errors.notFound()] };
}

export async function updateRecord(
  ctx: DataContext,
  obj: ObjectDef,
  rawId: string,
  body: Record<string, unknown>
): Promise<DmlResult> {
  const found = await findForWrite(ctx, obj, rawId);
  if (!found.ok) return fail(found.errors);
  const before = found.record;
  const { Id: bodyId, id: lowerId, ...rest } = body;
  const idInBody = bodyId ?? lowerId;
  if (idInBody !== undefined && to18(String(idInBody)) !== before.Id) return fail([errors.readOnly(['Id'])]);
  if (!obj.updateable) return fail([errors.unsupported(obj.name, 'update')]);
  const prepared = prepareWrite(ctx.schema, obj, rest, 'update');
  if (!prepared.ok) return fail(prepared.errors);
  const given = Object.keys(prepared.values);
  const now = isoNow(ctx);
  const after: RecordValues = {
    ...before,
    ...prepared.values,
    LastModifiedDate: now,
    LastModifiedById: ctx.userId,
    SystemModstamp: now
  };
  await derive(ctx, obj, after, before);
  const hooks = ctx.hooks.for(obj.name);
  const refused = await firstFailure([
    () => missingRequired(obj, after, (f) => given.includes(f.name)),
    () => checkReferences(ctx, obj, after, given),
    () => checkUnique(ctx, obj, after, String(before.Id)),
    () => checkRules(obj.name, after),
    () => hooks.beforeUpdate?.(ctx, before, after) ?? []
  ]);
  if (refused.length > 0) return fail(refused);
  await updateRow(ctx.sql, obj, String(before.Id), after);
  return { ok: true, id: String(before.Id), created: false };
}

export async function upsertRecord(
  ctx: DataContext,
  obj: ObjectDef,
  fieldName: string,
  key: string,
  body: Record<string, unknown>
): Promise<DmlResult> {
  const field = ctx.schema.field(obj, fieldName);
  if (!field || (!field.externalId && field.name !== 'Id')) {
    return fail([sfError('NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${fieldName}`)]);
  }
  const bodyKey = Object.keys(body).find((k) => k.toLowerCase() === field.name.toLowerCase());
  const rest = { ...body };
  if (bodyKey !== undefined) {
    if (String(body[bodyKey]) !== key) {
      return fail([
        sfError('INVALID_FIELD', `${field.name} in the request body must match the value in the URL`, [field.name])
      ]);
    }
    delete rest[bodyKey];
  }
  if (field.name === 'Id') {
    return key === '' ? createRecord(ctx, obj, rest) : updateRecord(ctx, obj, key, rest);
  }
  const matches = await selectByField(ctx.sql, obj, field, key, 10);
  if (matches.length > 1) {
    return {
      ok: false,
      errors: [sfError('MULTIPLE_CHOICES', `Multiple records match ${field.name} = ${key}`)],
      multipleMatches: matches.map((m) => String(m.Id))
    };
  }
  const existing = matches[0];
  if (existing) return updateRecord(ctx, obj, String(existing.Id), rest);
  return createRecord(ctx, obj, { ...rest, [field.name]: key });
}

export async function deleteRecord(ctx: DataContext, obj: ObjectDef, rawId: string): Promise<DmlResult> {
  const found = await findForWrite(ctx, obj, rawId);
  if (!found.ok) return fail(found.errors);
  if (!obj.deletable) return fail([errors.unsupported(obj.name, 'delete')]);
  const refused = (await ctx.hooks.for(obj.name).beforeDelete?.(ctx, found.record)) ?? [];
  if (refused.length > 0) return fail(refused);
  await deleteRow(ctx.sql, obj, String(found.record.Id));
  return { ok: true, id: String(found.record.Id), created: false };
}
