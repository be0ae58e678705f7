// Composite references: @{refId.path} in a subrequest's url or body, read from an earlier subrequest's result.
// Paths are dotted names and [n] indexes, e.g. @{NewAccount.id} or @{Found.records[0].Id}.
export interface ReferenceResult {
  status: number;
  body: unknown;
}

export type Resolved = { ok: true; url: string; body: unknown } | { ok: false; message: string };

const REF = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;
const WHOLE_REF = /^@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}$/;

class ReferenceFailure extends Error {}

function lookup(refId: string, path: string, done: Map<string, ReferenceResult>): unknown {
  const result = done.get(refId);
  const text = `${refId}${path}`;
  if (!result) {
    throw new ReferenceFailure(
      `Invalid reference specified. No value for ${text} found in ${refId}. Provided referenceId ('${refId}') must refer to an earlier subrequest.`
    );
  }
  if (result.status >= 400) {
    throw new ReferenceFailure(
      `Invalid reference specified. No value for ${text} found in ${refId}. Provided referenceId ('${refId}') refers to a failed request.`
    );
  }
  let current: unknown = result.body;
  for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    const key = step.startsWith('.') ? step.slice(1) : Number(step.slice(1, -1));
    current =
      current !== null && typeof current === 'object' ? (current as Record<string | number, unknown>)[key] : undefined;
  }
  if (current === undefined || current === null || typeof current === 'object') {
    throw new ReferenceFailure(`Invalid reference specified. No value for ${text} found in ${refId}.`);
  }
  return current;
}

function resolveValue(value: unknown, done: Map<string, ReferenceResult>): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_REF.exec(value);
    if (whole) return lookup(whole[1] ?? '', whole[2] ?? '', done);
    return value.replace(REF, (_m, id: string, path: string) => String(lookup(id, path, done)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, done));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, done)]));
  }
  return value;
}

export function resolveReferences(url: string, body: unknown, done: Map<string, ReferenceResult>): Resolved {
  try {
    const resolvedUrl = url.replace(REF, (_m, id: string, path: string) => String(lookup(id, path, done)));
    return { ok: true, url: resolvedUrl, body: resolveValue(body, done) };
  } catch (error) {
    if (error instanceof ReferenceFailure) return { ok: false, message: error.message };
    throw error;
  }
}
