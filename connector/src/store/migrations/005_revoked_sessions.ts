// Sign-outs every connector instance honours: a session token is stateless, so the sign-in it belongs to (its sid) is
// listed here until the last token it could have issued has expired; hello, refresh and open sockets check it.
import type { Migration } from './migration';

export const migration: Migration = {
  version: 5,
  name: 'revoked_sessions',
  up: `
CREATE TABLE revoked_sessions (
  sid        text PRIMARY KEY,
  agent_id   text NOT NULL,
  revoked_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_sessions_expiry ON revoked_sessions (expires_at);
`
};
