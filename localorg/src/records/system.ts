// Writes the platform makes itself (seed data, Omni presence and routing): no API permission checks, same ids,
// audit fields and derived values as an API write.
import { makeId } from '../ids/salesforceId';
import type { ObjectDef, RecordValues } from '../schema/types';
import { insertRow, updateRow } from '../store/rows';
import { nextNumber } from '../store/tables';
import { isoNow, type DataContext } from './context';
import { autoNumber, derive } from './derive';

export async function systemInsert(ctx: DataContext, obj: ObjectDef, values: RecordValues): Promise<RecordValues> {
  const now = isoNow(ctx);
  const n = await nextNumber(ctx.sql, obj.keyPrefix);
  const record: RecordValues = {};
  for (const field of obj.fields) if (field.defaultValue !== undefined) record[field.name] = field.defaultValue;
  Object.assign(record, autoNumber(obj, n), {
    Id: makeId(obj.keyPrefix, n),
    CreatedDate: now,
    CreatedById: ctx.userId,
    LastModifiedDate: now,
    LastModifiedById: ctx.userId,
    SystemModstamp: now
  });
  if (obj.fields.some((f) => f.name === 'OwnerId')) record.OwnerId = ctx.userId;
  Object.assign(record, values);
  await derive(ctx, obj, record, null);
  await insertRow(ctx.sql, obj, record);
  return record;
}

export async function systemUpdate(ctx: DataContext, obj: ObjectDef, before: RecordValues, changes: RecordValues) {
  const now = isoNow(ctx);
  const after: RecordValues = {
    ...before,
    ...changes,
    LastModifiedDate: now,
    LastModifiedById: ctx.userId,
    SystemModstamp: now
  };
  await derive(ctx, obj, after, before);
  await updateRow(ctx.sql, obj, String(before.Id), after);
  return after;
}
