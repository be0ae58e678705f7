// C16: the contact history looks up finished interactions by the customer's address and by the contact chosen as
// Name. Without these expression indexes every lookup scanned every interaction ever stored.
import type { Migration } from './migration';

export const migration: Migration = {
  version: 2,
  name: 'contact_history',
  up: `
CREATE INDEX interactions_finished_by_address
  ON interactions (lower(state->'customer'->>'address'), updated_at DESC)
  WHERE lifecycle = 'closed';
CREATE INDEX interactions_finished_by_who
  ON interactions ((state->'details'->>'whoId'), updated_at DESC)
  WHERE lifecycle = 'closed';
`
};
