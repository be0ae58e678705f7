// Query locators: the rest of a large result waits here until the client follows nextRecordsUrl.
import { randomBytes } from 'node:crypto';
import type { ApiRecord } from '../records/format';

interface Cursor {
  records: ApiRecord[];
  totalSize: number;
}

export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>();

  /** Stores records not yet returned; the locator looks like Salesforce's ("01g..."). */
  open(records: ApiRecord[], totalSize: number): string {
    const id = `01g8d${randomBytes(5).toString('hex').slice(0, 10)}`;
    this.cursors.set(id, { records, totalSize });
    return id;
  }

  take(id: string, offset: number): Cursor | undefined {
    const cursor = this.cursors.get(id);
    if (!cursor) return undefined;
    return { records: cursor.records.slice(offset), totalSize: cursor.totalSize };
  }

  close(id: string): void {
    this.cursors.delete(id);
  }
}
