// Everything one running local org shares between its HTTP layer, OAuth, Omni and the public LocalOrg object.
import type { Faults } from './faults/faults';
import type { ConnectedApps } from './oauth/connectedApps';
import type { SessionStore } from './oauth/sessions';
import type { DataContext } from './records/context';
import type { HookRegistry } from './records/hooks';
import type { QueryCursors } from './routes/queryCursors';
import type { Schema } from './schema/registry';
import type { Database, Sql } from './store/db';

export interface ApiUsage {
  used: number;
  max: number;
}

export interface OrgRuntime {
  db: Database;
  schema: Schema;
  hooks: HookRegistry;
  sessions: SessionStore;
  apps: ConnectedApps;
  faults: Faults;
  cursors: QueryCursors;
  usage: ApiUsage;
  /** 18-char org id (00D...). */
  orgId: string;
  now(): Date;
  /** http://host:port of the running server (set once it listens). */
  baseUrl(): string;
}

/** A data context for work done by the org itself or by tests (not through a session). */
export function systemContext(rt: OrgRuntime, sql: Sql, userId: string, version = '63.0'): DataContext {
  return { sql, schema: rt.schema, now: () => rt.now(), userId, version, hooks: rt.hooks };
}
