// S2–S4, C15: each agent's Omni-Channel work (AgentWork) and where the connector stands with it, so a restart or a
// relay that reconnects picks up the accept or close that is still owed. The state is the Omni work machine's.
import type { Migration } from './migration';

export const migration: Migration = {
  version: 4,
  name: 'omni_work',
  up: `
CREATE TABLE omni_work (
  interaction_id text NOT NULL,
  agent_id       text NOT NULL,
  state          jsonb NOT NULL,
  settled        boolean NOT NULL DEFAULT false,
  updated_at     timestamptz NOT NULL,
  PRIMARY KEY (interaction_id, agent_id)
);
CREATE INDEX omni_work_open_by_agent ON omni_work (agent_id) WHERE NOT settled;
`
};
