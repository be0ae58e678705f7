// Guards shared by both backends. Inside transaction(fn) the code must use fn's tx: on PGlite (one connection) a
// direct query or a second transaction would wait for the open one forever; on PostgreSQL it would silently run
// outside the transaction. AsyncLocalStorage tells us whether the caller is inside fn, so both fail loudly instead.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Queryable } from './db';
import { StoreError } from './errors';

interface OpenTransaction {
  readonly db: object;
  open: boolean;
}

// The flag, not mere presence, decides: work started inside a callback (a timer, a fire-and-forget promise) keeps
// the async context after the transaction ended, and may use the Db by then.
const openTransactions = new AsyncLocalStorage<readonly OpenTransaction[]>();

/** Throws NESTED_TRANSACTION when called from inside a running transaction callback of the same database. */
export function assertOutsideTransaction(db: object): void {
  const marks = openTransactions.getStore();
  if (marks?.some((mark) => mark.db === db && mark.open) === true) throw new StoreError('NESTED_TRANSACTION');
}

/** Runs fn marked as inside a transaction of db, until fn settles. */
export async function insideTransaction<T>(db: object, fn: () => Promise<T>): Promise<T> {
  const mark: OpenTransaction = { db, open: true };
  try {
    return await openTransactions.run([...(openTransactions.getStore() ?? []), mark], fn);
  } finally {
    mark.open = false;
  }
}

/**
 * The tx handed to a transaction callback. It refuses use once the transaction has ended (a stray await after
 * commit), and remembers a failed statement: PostgreSQL aborts the whole transaction then, so even if the callback
 * catches the error and returns normally, the transaction must end as TRANSACTION_ABORTED, never as a commit.
 */
export function trackedTx(inner: Queryable): { tx: Queryable; finish: () => void; failed: () => boolean } {
  let finished = false;
  let failed = false;
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    if (finished) throw new StoreError('TRANSACTION_FINISHED');
    try {
      return await run();
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  const tx: Queryable = {
    query: <R>(sql: string, params?: readonly unknown[]) => guard(() => inner.query<R>(sql, params)),
    exec: (sql: string) => guard(() => inner.exec(sql))
  };
  return { tx, finish: () => (finished = true), failed: () => failed };
}

/** Runs a transaction callback on inner (already inside BEGIN); throws to make the backend roll back. */
export async function runTransactionCallback<T>(
  db: object,
  inner: Queryable,
  fn: (tx: Queryable) => Promise<T>
): Promise<T> {
  const { tx, finish, failed } = trackedTx(inner);
  try {
    const result = await insideTransaction(db, () => fn(tx));
    if (failed()) throw new StoreError('TRANSACTION_ABORTED');
    return result;
  } finally {
    finish();
  }
}
