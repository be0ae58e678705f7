// Test helper: checks a frame the running connector sent against the contract, twice: the zod schema (the source of
// truth) and the generated JSON Schema a client would use (docs/protocol.schema.json), so neither can drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { serverFrameSchema } from '../api/schema';

const jsonSchema = JSON.parse(readFileSync(join(__dirname, '../../../docs/protocol.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(jsonSchema);

/** Null when the frame fits both; otherwise what is wrong, with the frame's type. */
export function frameProblem(frame: unknown): string | null {
  const type = (frame as { type?: unknown } | null)?.type;
  const zod = serverFrameSchema.safeParse(frame);
  if (!zod.success) {
    // A union says only "invalid input": report the issues of the variant whose type matched.
    const variants = serverFrameSchema.options.map((o) => o.safeParse(frame));
    const closest = variants
      .filter((v) => !v.success)
      .map((v) => v.error.issues)
      .filter((list) => !list.some((i) => i.path[0] === 'type' || (type !== 'directory' && i.path[0] === 'name')))
      .sort((a, b) => a.length - b.length)[0];
    const issues = (closest ?? zod.error.issues).slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    return `${String(type)} frame does not fit the zod schema: ${issues.join('; ')}`;
  }
  if (!validate(frame)) {
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message ?? ''}`);
    return `${String(type)} frame does not fit docs/protocol.schema.json: ${errors.join('; ')}`;
  }
  return null;
}
