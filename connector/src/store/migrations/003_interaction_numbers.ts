// D5: the human-readable number of interactions the connector creates itself (D13/D14 outbound messages). A sequence,
// so several connector instances on one PostgreSQL never hand out the same number.
import type { Migration } from './migration';

export const migration: Migration = {
  version: 3,
  name: 'interaction_numbers',
  up: `CREATE SEQUENCE interaction_number_seq START 1;`
};
