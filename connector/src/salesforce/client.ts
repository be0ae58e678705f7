// One jsforce 3.10.16 connection per org, signed in as the connector's integration user. Every call answers with an
// outcome instead of throwing; an expired session (401 INVALID_SESSION_ID) gets one new token and one retry.
import { Connection } from 'jsforce';
import { z } from 'zod';
import { parseWith, type Parsed } from '../interactions/kernel/parse';
import { failure, failureFromThrown, type SyncFailure } from './failures';
import { salesforceOptionsSchema, type SalesforceOptions } from './options';
import { requestToken, type AccessToken, type FetchLike } from './token';

export type CallOutcome<T> = { ok: true; value: T } | { ok: false; failure: SyncFailure };

export interface CompositeSubrequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Full path, /services/data/vNN.N/... (Composite wants it so). */
  url: string;
  referenceId: string;
  body?: unknown;
}

export interface CompositeSubresponse {
  referenceId: string;
  httpStatusCode: number;
  body: unknown;
}

export interface ApiLimits {
  dailyApiRequests: { max: number; remaining: number };
}

/** What the flusher and the Quick Text catalog need from an org; tests may substitute it. */
export interface SalesforceApi {
  readonly apiVersion: string;
  /** `/services/data/vNN.N`, the prefix of every subrequest url. */
  readonly dataPath: string;
  ensureSession(): Promise<CallOutcome<void>>;
  composite(subrequests: CompositeSubrequest[]): Promise<CallOutcome<CompositeSubresponse[]>>;
  query(soql: string): Promise<CallOutcome<unknown[]>>;
  limits(): Promise<CallOutcome<ApiLimits>>;
}

const compositeAnswerSchema = z.object({
  compositeResponse: z.array(
    z.object({ referenceId: z.string(), httpStatusCode: z.number().int(), body: z.unknown().optional() })
  )
});
const queryAnswerSchema = z.object({ records: z.array(z.unknown()) });
const limitsAnswerSchema = z.object({
  DailyApiRequests: z.object({ Max: z.number(), Remaining: z.number() })
});

interface Call {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface ClientDeps {
  /** For the token endpoint; REST calls go through jsforce. */
  fetch?: FetchLike;
}

export class SalesforceClient implements SalesforceApi {
  readonly apiVersion: string;
  readonly dataPath: string;
  /** Counters for health and tests: token grants asked for, REST calls sent (retries included). */
  readonly counters = { tokenGrants: 0, restCalls: 0 };
  private connection: Connection | null = null;
  private token: AccessToken | null = null;
  private granting: Promise<CallOutcome<void>> | null = null;

  constructor(
    readonly options: SalesforceOptions,
    private readonly deps: ClientDeps = {}
  ) {
    this.apiVersion = options.apiVersion;
    this.dataPath = `/services/data/v${options.apiVersion}`;
  }

  /** Signs in when there is no session yet. */
  ensureSession(): Promise<CallOutcome<void>> {
    if (this.token) return Promise.resolve({ ok: true, value: undefined });
    return this.grant();
  }

  async composite(subrequests: CompositeSubrequest[]): Promise<CallOutcome<CompositeSubresponse[]>> {
    const answer = await this.call({
      method: 'POST',
      path: `${this.dataPath}/composite`,
      // collateSubrequests false: Salesforce would otherwise regroup subrequests (its default from API 49.0) and one
      // interaction's writes must run in the order the agent caused them.
      body: { allOrNone: false, collateSubrequests: false, compositeRequest: subrequests }
    });
    if (!answer.ok) return answer;
    const parsed = compositeAnswerSchema.safeParse(answer.value);
    if (!parsed.success) return { ok: false, failure: failure('UNEXPECTED_ANSWER', 'Composite answer has no list.') };
    return {
      ok: true,
      value: parsed.data.compositeResponse.map((r) => ({
        referenceId: r.referenceId,
        httpStatusCode: r.httpStatusCode,
        body: r.body ?? null
      }))
    };
  }

  async query(soql: string): Promise<CallOutcome<unknown[]>> {
    const answer = await this.call({ method: 'GET', path: `${this.dataPath}/query?q=${encodeURIComponent(soql)}` });
    if (!answer.ok) return answer;
    const parsed = queryAnswerSchema.safeParse(answer.value);
    return parsed.success
      ? { ok: true, value: parsed.data.records }
      : { ok: false, failure: failure('UNEXPECTED_ANSWER', 'Query answer has no records.') };
  }

  async limits(): Promise<CallOutcome<ApiLimits>> {
    const answer = await this.call({ method: 'GET', path: `${this.dataPath}/limits` });
    if (!answer.ok) return answer;
    const parsed = limitsAnswerSchema.safeParse(answer.value);
    if (!parsed.success) return { ok: false, failure: failure('UNEXPECTED_ANSWER', 'Limits answer is incomplete.') };
    const daily = parsed.data.DailyApiRequests;
    return { ok: true, value: { dailyApiRequests: { max: daily.Max, remaining: daily.Remaining } } };
  }

  private async call(call: Call): Promise<CallOutcome<unknown>> {
    const session = await this.ensureSession();
    if (!session.ok) return session;
    const used = this.token;
    const first = await this.send(call);
    if (first.ok || first.failure.code !== 'INVALID_SESSION_ID') return first;
    // Ask for a new token only if ours is still the current one; otherwise another call renewed it (or is renewing
    // it right now, and ensureSession waits for that grant).
    if (this.token === used) this.token = null;
    const renewed = await this.ensureSession();
    if (!renewed.ok) return renewed;
    return this.send(call);
  }

  private async send(call: Call): Promise<CallOutcome<unknown>> {
    const connection = this.connection;
    if (!connection) return { ok: false, failure: failure('AUTH_FAILED', 'No Salesforce session.') };
    this.counters.restCalls += 1;
    try {
      const value: unknown = await connection.request<unknown>(
        {
          method: call.method,
          url: call.path,
          ...(call.body === undefined
            ? {}
            : { body: JSON.stringify(call.body), headers: { 'Content-Type': 'application/json' } })
        },
        // jsforce would retry GETs on 5xx by itself; the flusher owns retries, so every call is sent once.
        { timeout: this.options.requestTimeoutMs, retry: { maxRetries: 0 } }
      );
      return { ok: true, value };
    } catch (error) {
      return { ok: false, failure: failureFromThrown(error) };
    }
  }

  /** One token grant at a time; callers that arrive meanwhile share its outcome. */
  private grant(): Promise<CallOutcome<void>> {
    if (!this.granting) {
      this.granting = this.runGrant().finally(() => {
        this.granting = null;
      });
    }
    return this.granting;
  }

  private async runGrant(): Promise<CallOutcome<void>> {
    this.counters.tokenGrants += 1;
    const outcome = await requestToken(this.options, this.deps.fetch);
    if (!outcome.ok) return outcome;
    this.token = outcome.token;
    const instanceUrl = this.options.instanceUrl ?? outcome.token.instanceUrl;
    if (this.connection && this.connection.instanceUrl === instanceUrl) {
      this.connection.accessToken = outcome.token.accessToken;
    } else {
      // No oauth2 client and no refresh token on the connection: jsforce must not refresh (and loop) on its own.
      this.connection = new Connection({
        instanceUrl,
        accessToken: outcome.token.accessToken,
        version: this.apiVersion
      });
    }
    return { ok: true, value: undefined };
  }
}

/** Checks the options (zod) and builds the client; bad options are a typed rejection naming each field. */
export function createSalesforceClient(input: unknown, deps: ClientDeps = {}): Parsed<SalesforceClient> {
  const parsed = parseWith(salesforceOptionsSchema, input);
  return parsed.ok ? { ok: true, value: new SalesforceClient(parsed.value, deps) } : parsed;
}

export type { SalesforceOptions };
