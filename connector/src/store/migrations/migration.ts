// A schema change: applied once, in its own transaction, recorded in schema_migrations. Never edit one that has
// shipped; add the next number instead (the runner refuses a database whose recorded name differs).
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** SQL run as one script; it may hold several statements and plpgsql bodies. */
  readonly up: string;
}
