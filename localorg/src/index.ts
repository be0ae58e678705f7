// The local org: a stand-in for the slice of the Salesforce REST API the connector uses, on plain node:http with
// PGlite for data. startLocalOrg() is the embedded default of `npm start` and the target of every sync test.
import { Faults, type FaultControl, type InjectedCounts } from './faults/faults';
import type { RawResponse } from './http/raw';
import { startServer } from './http/server';
import { registerOmniHooks } from './omni/agentWorkHooks';
import { applyWorkAction, type WorkResult } from './omni/lifecycle';
import { setPresence, type PresenceResult } from './omni/presence';
import { ConnectedApps, type ConnectedApp } from './oauth/connectedApps';
import { SessionStore } from './oauth/sessions';
import { HookRegistry } from './records/hooks';
import type { ApiRecord } from './records/format';
import { QueryCursors } from './routes/queryCursors';
import { systemContext, type OrgRuntime } from './runtime';
import { Schema } from './schema/registry';
import {
  CONNECTOR_CLIENT_ID,
  CONNECTOR_CLIENT_SECRET,
  CONNECTOR_REDIRECT_URIS,
  INTEGRATION_USERNAME,
  INTEGRATION_USER_ID,
  ORG_ID
} from './seed/constants';
import { seedOrg } from './seed/seed';
import { runSoql } from './soql/execute';
import { Database } from './store/db';
import { createTables } from './store/tables';

export {
  CONNECTOR_CLIENT_ID,
  CONNECTOR_CLIENT_SECRET,
  CONNECTOR_REDIRECT_URIS,
  INTEGRATION_USERNAME,
  INTEGRATION_USER_ID,
  ORG_ID
};
export type { FaultControl, ConnectedApp, ApiRecord, WorkResult, PresenceResult, RawResponse };

export interface StartLocalOrgOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** A folder for PGlite; null or absent keeps everything in memory. */
  dataDir?: string | null;
  /** Load the demo org (default true; skipped when the data folder is already seeded). */
  seed?: boolean;
  /** DailyApiRequests Max (default 15000, a Developer Edition org's). */
  apiLimit?: number;
  /** Access-token lifetime (default 7200 s, Salesforce's default session timeout). */
  accessTokenTtlSeconds?: number;
  /** Extra callback URLs accepted for the connector's connected app. */
  redirectUris?: string[];
  /** The org's clock (tests move it to expire tokens); defaults to the wall clock. */
  clock?: () => Date;
}

export interface LocalOrgStats {
  apiCalls: number;
  apiLimit: number;
  apiRemaining: number;
  injectedFaults: InjectedCounts;
  heldCalls: number;
}

export interface LocalOrg {
  /** http://host:port: the base for /services/..., /id/... and /__localorg/... */
  url: string;
  /** What Salesforce calls instance_url: here the same as url. */
  instanceUrl: string;
  orgId: string;
  close(): Promise<void>;
  faults: FaultControl;
  stats(): LocalOrgStats;
  resetStats(): void;
  /** A session for a user (default: the integration user), as if it had logged in. */
  issueAccessToken(username?: string): Promise<string>;
  /** Runs SOQL directly (not counted as an API call); for tests and scripts. */
  query(soql: string): Promise<ApiRecord[]>;
  /** The Omni toolkit's side: presence and the agent's actions on a work item. */
  omni: {
    setPresence(userId: string, status: string | null): Promise<PresenceResult>;
    accept(workId: string): Promise<WorkResult>;
    decline(workId: string, reason?: string): Promise<WorkResult>;
    pushTimeout(workId: string): Promise<WorkResult>;
    close(workId: string): Promise<WorkResult>;
    cancel(workId: string): Promise<WorkResult>;
    transfer(workId: string, queueId?: string): Promise<WorkResult>;
  };
  connectedApps: {
    register(app: ConnectedApp): void;
    addRedirectUri(clientId: string, uri: string): void;
  };
}

export async function startLocalOrg(options: StartLocalOrgOptions = {}): Promise<LocalOrg> {
  const clock = options.clock ?? (() => new Date());
  const db = await Database.open(options.dataDir ?? null);
  const schema = new Schema();
  await createTables(db, schema.objects);
  const hooks = new HookRegistry();
  registerOmniHooks(hooks);
  const sessions = new SessionStore(
    ORG_ID.slice(0, 15),
    () => clock().getTime(),
    (options.accessTokenTtlSeconds ?? 7200) * 1000
  );
  const apps = new ConnectedApps();
  apps.register({
    name: 'Open Softphone Connector',
    clientId: CONNECTOR_CLIENT_ID,
    clientSecret: CONNECTOR_CLIENT_SECRET,
    redirectUris: [...CONNECTOR_REDIRECT_URIS, ...(options.redirectUris ?? [])],
    requireSecret: true,
    runAsUsername: INTEGRATION_USERNAME
  });
  let baseUrl = '';
  const rt: OrgRuntime = {
    db,
    schema,
    hooks,
    sessions,
    apps,
    faults: new Faults(() => sessions.expireAll()),
    cursors: new QueryCursors(),
    usage: { used: 0, max: options.apiLimit ?? 15000 },
    orgId: ORG_ID,
    now: clock,
    baseUrl: () => baseUrl
  };
  if (options.seed !== false) await db.exclusive((sql) => seedOrg(systemContext(rt, sql, INTEGRATION_USER_ID)));

  const stats = (): LocalOrgStats => ({
    apiCalls: rt.usage.used,
    apiLimit: rt.usage.max,
    apiRemaining: Math.max(0, rt.usage.max - rt.usage.used),
    injectedFaults: rt.faults.injected(),
    heldCalls: rt.faults.held()
  });
  const resetStats = () => {
    rt.usage.used = 0;
    rt.faults.resetCounts();
  };
  const running = await startServer(
    rt,
    { stats: () => ({ ...stats() }), resetStats },
    options.port ?? 0,
    options.host ?? '127.0.0.1'
  );
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const work = (workId: string, action: Parameters<typeof applyWorkAction>[2], opts = {}) =>
    db.exclusive(async (sql) => {
      const owner = await sql.query<{ UserId: string }>(`SELECT "UserId" FROM "so_agentwork" WHERE "Id" = $1`, [
        workId
      ]);
      return applyWorkAction(systemContext(rt, sql, owner[0]?.UserId ?? INTEGRATION_USER_ID), workId, action, opts);
    });

  // Stopping, once however often it is asked for: held calls go on, the server stops taking requests, then the store
  // finishes the transactions already at its gate and refuses any later one before PGlite closes.
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      rt.faults.release();
      await running.close();
      await db.close();
    })());

  return {
    url: baseUrl,
    instanceUrl: baseUrl,
    orgId: ORG_ID,
    close,
    faults: rt.faults,
    stats,
    resetStats,
    issueAccessToken: async (username = INTEGRATION_USERNAME) => {
      const rows = await db.exclusive((sql) =>
        sql.query<{ Id: string }>(`SELECT "Id" FROM "so_user" WHERE lower("Username") = lower($1)`, [username])
      );
      const user = rows[0];
      if (!user) throw new Error(`No user ${username} in the local org`);
      return sessions.issue(user.Id, CONNECTOR_CLIENT_ID, null).accessToken;
    },
    query: async (soql) => {
      const outcome = await db.exclusive((sql) => runSoql(sql, schema, soql, clock(), '63.0'));
      return outcome.countOnly ? [] : outcome.records;
    },
    omni: {
      setPresence: (userId, status) =>
        db.exclusive((sql) => setPresence(systemContext(rt, sql, userId), userId, status)),
      accept: (id) => work(id, 'accept'),
      decline: (id, reason) => work(id, 'decline', reason === undefined ? {} : { declineReason: reason }),
      pushTimeout: (id) => work(id, 'pushTimeout'),
      close: (id) => work(id, 'close'),
      cancel: (id) => work(id, 'cancel'),
      transfer: (id, queueId) => work(id, 'transfer', queueId === undefined ? {} : { queueId })
    },
    connectedApps: {
      register: (app) => apps.register(app),
      addRedirectUri: (clientId, uri) => apps.addRedirectUri(clientId, uri)
    }
  };
}
