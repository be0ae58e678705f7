// zod at the edge: a request body either parses to its typed value or becomes Salesforce's 400 JSON_PARSER_ERROR.
import type { z } from 'zod';
import { sfError } from '../records/errors';
import { json, type ApiResponse } from './types';

export type BodyParse<T> = { ok: true; value: T } | { ok: false; response: ApiResponse };

export function parseBody<S extends z.ZodType>(schema: S, input: unknown): BodyParse<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const detail = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, response: json(400, [sfError('JSON_PARSER_ERROR', `Malformed request body. ${detail}`)]) };
}
