// Test helpers: a local org on an ephemeral port and a tiny REST client over real HTTP.
import { startLocalOrg, type LocalOrg, type StartLocalOrgOptions } from '../index';

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface TestOrg {
  org: LocalOrg;
  token: string;
  /** A REST call under /services/data/v63.0 (or an absolute path starting with /services or /__localorg). */
  api(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
    headers?: Record<string, string>
  ): Promise<Reply>;
}

export async function send(url: string, init: RequestInit): Promise<Reply> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body, text };
}

export async function startTestOrg(options: StartLocalOrgOptions = {}): Promise<TestOrg> {
  const org = await startLocalOrg({ port: 0, ...options });
  const token = await org.issueAccessToken().catch(async (error: unknown) => {
    await org.close();
    throw error;
  });
  const api: TestOrg['api'] = (method, path, body, tokenOverride, headers = {}) => {
    const url =
      path.startsWith('/services') || path.startsWith('/__localorg')
        ? `${org.url}${path}`
        : `${org.url}/services/data/v63.0${path}`;
    const all: Record<string, string> = { ...headers };
    if (tokenOverride !== null) all.Authorization = `Bearer ${tokenOverride ?? testOrg.token}`;
    if (body !== undefined) all['Content-Type'] = 'application/json';
    return send(url, {
      method,
      headers: all,
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    });
  };
  const testOrg: TestOrg = { org, token, api };
  return testOrg;
}

/** The first error of a Salesforce error array. */
export function firstError(reply: Reply): { errorCode: string; message: string; fields?: string[] } {
  const list = reply.body as { errorCode: string; message: string; fields?: string[] }[];
  const first = list[0];
  if (!first) throw new Error(`expected an error body, got ${reply.text}`);
  return first;
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-03-02T09:00:00.000Z') {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    }
  };
}
