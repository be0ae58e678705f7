// What a data operation needs: the transaction, the schema, the org clock and the running user.
import type { Schema } from '../schema/registry';
import type { Sql } from '../store/db';
import type { HookRegistry } from './hooks';

export interface DataContext {
  sql: Sql;
  schema: Schema;
  now(): Date;
  /** The running user (token owner); CreatedById, LastModifiedById and default OwnerId. */
  userId: string;
  /** API version of the request, e.g. "63.0"; shapes attributes.url. */
  version: string;
  hooks: HookRegistry;
}

/** Fixed-width ISO text in UTC, the storage form of a datetime. */
export function isoNow(ctx: Pick<DataContext, 'now'>): string {
  return ctx.now().toISOString();
}
