// /__localorg/metadata: changes custom metadata records while the org runs, standing in for an admin's Setup edit
// or a metadata deploy. Type-level checks only (see records/customMetadata.ts); SOQL sees a change at once.
//   GET    /__localorg/metadata                      the custom metadata types and their record counts
//   GET    /__localorg/metadata/<Type>               the type's records
//   GET    /__localorg/metadata/<Type>/<Name>        one record
//   PUT    /__localorg/metadata/<Type>/<Name>        {field: value, MasterLabel?}: create, or replace the named values
//   DELETE /__localorg/metadata/<Type>/<Name>        remove the record
import {
  deleteMetadataRecord,
  findMetadataRecord,
  listMetadataRecords,
  metadataType,
  putMetadataRecord
} from '../records/customMetadata';
import { errors, sfError } from '../records/errors';
import { toApiRecord } from '../records/format';
import { systemContext, type OrgRuntime } from '../runtime';
import { INTEGRATION_USER_ID } from '../seed/constants';
import { parseJson } from './body';
import { rawJson, type RawResponse } from './raw';

const VERSION = '63.0';
const notFound = () => rawJson(404, [errors.notFound()]);

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export async function metadataRoute(
  rt: OrgRuntime,
  method: string,
  parts: string[],
  bodyText: string
): Promise<RawResponse> {
  const [typePart, namePart, ...extra] = parts.map(decode);
  if (extra.length > 0 || typePart === null || namePart === null) return notFound();
  if (typePart === undefined) {
    if (method !== 'GET') return notFound();
    return rt.db.exclusive(async (sql) => {
      const ctx = systemContext(rt, sql, INTEGRATION_USER_ID);
      const types = rt.schema.objects.filter((o) => o.name.endsWith('__mdt'));
      const out = [];
      for (const obj of types) out.push({ name: obj.name, records: (await listMetadataRecords(ctx, obj)).length });
      return rawJson(200, { types: out });
    });
  }
  const obj = metadataType(rt.schema, typePart);
  if (!obj) return rawJson(404, [errors.invalidType(typePart)]);

  if (namePart === undefined) {
    if (method !== 'GET') return notFound();
    const records = await rt.db.exclusive((sql) =>
      listMetadataRecords(systemContext(rt, sql, INTEGRATION_USER_ID), obj)
    );
    return rawJson(200, { totalSize: records.length, records: records.map((r) => toApiRecord(VERSION, obj, r)) });
  }

  if (method === 'GET') {
    const record = await rt.db.exclusive((sql) =>
      findMetadataRecord(systemContext(rt, sql, INTEGRATION_USER_ID), obj, namePart)
    );
    return record ? rawJson(200, toApiRecord(VERSION, obj, record)) : notFound();
  }
  if (method === 'DELETE') {
    const removed = await rt.db.exclusive((sql) =>
      deleteMetadataRecord(systemContext(rt, sql, INTEGRATION_USER_ID), obj, namePart)
    );
    return removed ? { status: 204, headers: {}, body: '' } : notFound();
  }
  if (method !== 'PUT') return notFound();

  const json = parseJson(bodyText);
  const body = json.ok ? json.value : undefined;
  if (!json.ok || typeof body !== 'object' || body === null || Array.isArray(body)) {
    const detail = json.ok ? 'The body must be a JSON object of field values.' : json.message;
    return rawJson(400, [sfError('JSON_PARSER_ERROR', `Malformed request body. ${detail}`)]);
  }
  const result = await rt.db.exclusive((sql) =>
    putMetadataRecord(systemContext(rt, sql, INTEGRATION_USER_ID), obj, namePart, body as Record<string, unknown>)
  );
  if (!result.ok) return rawJson(400, result.errors);
  return rawJson(result.created ? 201 : 200, toApiRecord(VERSION, obj, result.record));
}
