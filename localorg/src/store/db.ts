// PGlite behind a one-at-a-time gate: every API request runs alone in one transaction, so check-then-write is safe
// and an allOrNone failure can roll back to a savepoint. close() lets the work already at the gate finish, refuses
// new work, and only then closes PGlite.
import { PgliteWorker, StoreClosedError } from './pgliteWorker';

export { StoreClosedError };

export type SqlParam = string | number | boolean | null;

export interface Sql {
  query<T>(text: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs fn under a savepoint; undoes its writes when keep(result) is false or fn throws. */
  savepoint<T>(fn: () => Promise<T>, keep: (result: T) => boolean): Promise<T>;
}

export class Database implements Sql {
  private gate: Promise<unknown> = Promise.resolve();
  private savepoints = 0;
  private closing: Promise<void> | null = null;

  private constructor(private readonly pg: PgliteWorker) {}

  static async open(dataDir: string | null): Promise<Database> {
    const pg = new PgliteWorker(dataDir);
    await pg.query('SELECT 1', []);
    return new Database(pg);
  }

  async query<T>(text: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return this.pg.query<T>(text, params);
  }

  async exec(text: string): Promise<void> {
    await this.pg.exec(text);
  }

  /** Runs fn alone and inside one transaction; a throw rolls everything back. Refused once close() has begun. */
  exclusive<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new StoreClosedError());
    const run = async (): Promise<T> => {
      await this.pg.exec('BEGIN');
      try {
        const value = await fn(this);
        await this.pg.exec('COMMIT');
        return value;
      } catch (error) {
        await this.pg.exec('ROLLBACK');
        throw error;
      }
    };
    const next = this.gate.then(run, run);
    this.gate = next.catch(() => undefined);
    return next;
  }

  async savepoint<T>(fn: () => Promise<T>, keep: (result: T) => boolean): Promise<T> {
    this.savepoints += 1;
    const name = `sp_${this.savepoints}`;
    await this.pg.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      if (!keep(result)) await this.pg.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      await this.pg.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.pg.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      await this.pg.exec(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
  }

  /** Waits for every transaction already queued, then closes PGlite; calling it again waits for the same close. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.gate;
      await this.pg.close();
    })();
    return this.closing;
  }
}
