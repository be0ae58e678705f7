// The first schema: live state (agents, interactions), the append-only journal, command receipts, private notes,
// contact identities, the sync outbox and durable timers. Instants are timestamptz set by the caller (machines are
// pure: every event carries its instant), JSON the machines own is jsonb and opaque here.
import type { Migration } from './migration';

export const migration: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE agents (
  agent_id     text PRIMARY KEY,
  display_name text NOT NULL,
  profile      jsonb NOT NULL,
  desk         jsonb NOT NULL,
  version      bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
  updated_at   timestamptz NOT NULL
);

CREATE TABLE interactions (
  id             text PRIMARY KEY,
  channel        text NOT NULL,
  owner_agent_id text NULL,
  queue_id       text NULL,
  lifecycle      text NOT NULL CHECK (lifecycle IN ('offered', 'active', 'wrapUp', 'closed')),
  state          jsonb NOT NULL,
  version        bigint NOT NULL DEFAULT 0 CHECK (version >= 0),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL
);
-- Closed interactions pile up forever; the live views only ever look at open ones.
CREATE INDEX interactions_open_by_owner ON interactions (owner_agent_id) WHERE lifecycle <> 'closed';
CREATE INDEX interactions_open_by_queue ON interactions (queue_id) WHERE lifecycle <> 'closed';
CREATE INDEX interactions_open_by_channel ON interactions (channel, lifecycle) WHERE lifecycle <> 'closed';

CREATE TABLE journal (
  seq            bigserial PRIMARY KEY,
  at             timestamptz NOT NULL,
  agent_id       text NULL,
  interaction_id text NULL,
  source         text NOT NULL,
  kind           text NOT NULL,
  payload        jsonb NOT NULL
);
CREATE INDEX journal_by_interaction ON journal (interaction_id, seq) WHERE interaction_id IS NOT NULL;

CREATE FUNCTION journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'journal is append-only: % refused', TG_OP
    USING HINT = 'Journal rows are history; append a new row instead.';
END
$$;
CREATE TRIGGER journal_no_update_or_delete BEFORE UPDATE OR DELETE ON journal
  FOR EACH ROW EXECUTE FUNCTION journal_refuse_change();
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
  FOR EACH STATEMENT EXECUTE FUNCTION journal_refuse_change();

CREATE TABLE command_receipts (
  agent_id        text NOT NULL,
  idempotency_key text NOT NULL,
  outcome         jsonb NOT NULL,
  at              timestamptz NOT NULL,
  PRIMARY KEY (agent_id, idempotency_key)
);
CREATE INDEX command_receipts_by_at ON command_receipts (at);

CREATE TABLE private_notes (
  id              bigserial PRIMARY KEY,
  author_agent_id text NOT NULL,
  contact_key     text NOT NULL,
  interaction_id  text NOT NULL,
  body            text NOT NULL,
  at              timestamptz NOT NULL
);
CREATE INDEX private_notes_by_author_contact ON private_notes (author_agent_id, contact_key);

CREATE TABLE contact_identities (
  channel    text NOT NULL,
  address    text NOT NULL,
  contact_id text NOT NULL,
  PRIMARY KEY (channel, address)
);
CREATE INDEX contact_identities_by_contact ON contact_identities (contact_id);

CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  dedupe_key      text NOT NULL,
  interaction_id  text NULL,
  operation       jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'parked')),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      jsonb NULL,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz NULL
);
-- The flusher's question is "which pending rows are due"; sent rows (the vast majority) stay out of the index.
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status = 'pending';
-- Per-interaction order: a row waits while an older row of its interaction is still pending.
CREATE INDEX outbox_pending_by_interaction ON outbox (interaction_id, id)
  WHERE status = 'pending' AND interaction_id IS NOT NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE status = 'sent';

CREATE TABLE timers (
  interaction_id text NOT NULL,
  timer          text NOT NULL,
  fire_at        timestamptz NOT NULL,
  agent_id       text NULL,
  PRIMARY KEY (interaction_id, timer)
);
CREATE INDEX timers_due ON timers (fire_at);
`
};
