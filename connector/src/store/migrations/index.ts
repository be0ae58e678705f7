// Every migration the code knows, oldest first. Add the next file here when the schema changes.
import { migration as initial } from './001_initial';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const migrations: readonly Migration[] = [initial];
