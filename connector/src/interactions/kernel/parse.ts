// zod at every boundary: a parse either yields the typed value or a Rejection naming each wrong path.
import type { z } from 'zod';
import { reject, type Rejection } from './rejections';

export type Parsed<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message
  }));
  return { ok: false, rejection: reject('INVALID_INPUT', issues) };
}
