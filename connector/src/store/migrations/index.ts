// Every migration the code knows, oldest first. Add the next file here when the schema changes.
import { migration as initial } from './001_initial';
import { migration as contactHistory } from './002_contact_history';
import { migration as interactionNumbers } from './003_interaction_numbers';
import { migration as omniWork } from './004_omni_work';
import { migration as revokedSessions } from './005_revoked_sessions';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const migrations: readonly Migration[] = [
  initial,
  contactHistory,
  interactionNumbers,
  omniWork,
  revokedSessions
];
