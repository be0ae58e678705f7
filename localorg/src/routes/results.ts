// DML outcomes as REST responses: 201 {id, success, errors}, 204, 404 for missing records, 300 for ambiguous upserts.
import { recordUrl } from '../records/format';
import type { DmlResult } from '../records/dml';
import { json, type ApiResponse } from '../http/types';

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'ENTITY_IS_DELETED']);

export function failure(result: Extract<DmlResult, { ok: false }>, version: string, objectName: string): ApiResponse {
  if (result.multipleMatches)
    return json(
      300,
      result.multipleMatches.map((id) => recordUrl(version, objectName, id))
    );
  const status = result.errors.some((e) => NOT_FOUND_CODES.has(e.errorCode)) ? 404 : 400;
  return json(status, result.errors);
}

export function created(id: string): ApiResponse {
  return json(201, { id, success: true, errors: [] });
}

/** Upsert: 201 when created; an update answers 200 with created:false from API 46.0 on, 204 before. */
export function upserted(result: Extract<DmlResult, { ok: true }>, version: string): ApiResponse {
  if (result.created) return json(201, { id: result.id, success: true, errors: [], created: true });
  if (Number(version) >= 46) return json(200, { id: result.id, success: true, errors: [], created: false });
  return json(204);
}
