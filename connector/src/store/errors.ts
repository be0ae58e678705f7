// Store failures are infrastructure faults or programming mistakes, not agent input: they throw, with a stable code
// for logs and a sentence that says what happened and what to do.

export const storeErrorCodes = {
  NESTED_TRANSACTION: 'A transaction was started, or the database used directly, inside a transaction: use its tx.',
  TRANSACTION_FINISHED: 'This transaction has already committed or rolled back; start a new one.',
  TRANSACTION_ABORTED:
    'A statement failed inside the transaction, so PostgreSQL rolled it back; nothing of it was saved.',
  DB_CLOSED: 'The database has been closed.',
  DATA_DIR_LOCKED: 'Another connector process is using this data folder; stop it or point DATABASE_URL at PostgreSQL.',
  SCHEMA_TOO_NEW:
    'The database was migrated by a newer connector than this one; run the newer version or restore a backup.',
  MIGRATION_MISMATCH: 'An applied migration does not match the one in the code; the migration files were changed.',
  MIGRATIONS_INVALID: 'The migration list is not numbered 1, 2, 3 ... without gaps.',
  BAD_CHANNEL_NAME: 'LISTEN/NOTIFY channel names are lower-case letters, digits and underscores (at most 63).',
  INVALID_ARGUMENT: 'A store function was called with an invalid argument.',
  ROW_INVALID: 'A row read from the database does not have the expected shape.'
} as const;

export type StoreErrorCode = keyof typeof storeErrorCodes;

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  /** detail: what exactly (which file, which version), appended to the sentence. */
  constructor(code: StoreErrorCode, detail?: string) {
    super(`${code}: ${storeErrorCodes[code]}${detail === undefined ? '' : ` ${detail}`}`);
    this.name = 'StoreError';
    this.code = code;
  }
}

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/** For background callbacks that must report whatever was thrown as an Error. Duck-typed: PGlite's errors come
 * from Node's own realm under jest, where `instanceof Error` is false. */
export function asError(value: unknown): Error {
  if (typeof value === 'object' && value !== null && 'message' in value && 'stack' in value) return value as Error;
  return new Error(String(value));
}
