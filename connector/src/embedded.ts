// The embedded default: the connector with the contact-centre simulator as its provider and the customer API mounted
// under /customer. What `npm start` runs, and what the end-to-end tests start.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type ConnectorEnv } from './config';
import { coreConfigSchema } from './interactions/registry';
import { DIGITAL_CHANNELS } from './interactions/kernel/types';
import type { Logger } from './log';
import { createLogger } from './log';
import { createCustomerApi, defaultScenario, loadScenarioFile, Simulator, type Scenario } from './providers/simulator';
import { startConnector, type Connector } from './server';
import { CONNECTOR_CLIENT_ID, CONNECTOR_CLIENT_SECRET, startLocalOrg, type LocalOrg } from '../../localorg/src';

export interface EmbeddedConnector extends Connector {
  simulator: Simulator;
  customerApiKey: string;
  /** The local org stand-in when it runs in-process (no SALESFORCE_LOGIN_URL). */
  localOrg: LocalOrg | null;
}

export async function startEmbedded(
  env: ConnectorEnv,
  options: { log?: Logger; now?: () => number } = {}
): Promise<EmbeddedConnector> {
  const log = options.log ?? createLogger(env.LOG_LEVEL);
  const scenario = await readScenario(env);
  // V9: in the simulator an agent dials out through the voice queues they serve (Salesforce's outbound skills).
  const outboundSkills = (queueIds: string[]) =>
    scenario.queues
      .filter((q) => queueIds.includes(q.id) && q.channels.includes('voice'))
      .map((q) => ({ id: q.id, name: q.name }));
  const digitalQueues = scenario.queues
    .filter((q) => q.channels.some((c) => (DIGITAL_CHANNELS as readonly string[]).includes(c)))
    .map((q) => ({ id: q.id, name: q.name, kind: 'digital' as const, members: [], outboundEmail: q.outboundEmail }));
  const core = coreConfigSchema.parse({ digital: { queues: digitalQueues, senders: scenario.senders } });
  const simulator = new Simulator({ scenario, log });
  const customerApiKey = env.CUSTOMER_API_KEY ?? customerKey(env.CONNECTOR_DATA_DIR);
  const customerApi = createCustomerApi(simulator, { apiKey: customerApiKey, log });
  const localOrg =
    !env.SALESFORCE_LOGIN_URL && env.LOCALORG_EMBEDDED
      ? await startLocalOrg({ port: env.LOCALORG_PORT, host: env.CONNECTOR_HOST, dataDir: env.LOCALORG_DATA_DIR })
      : null;
  const signIn = localOrg
    ? {
        loginUrl: localOrg.url,
        clientId: CONNECTOR_CLIENT_ID,
        clientSecret: CONNECTOR_CLIENT_SECRET,
        orgId: localOrg.orgId
      }
    : env.SALESFORCE_LOGIN_URL && env.SALESFORCE_CLIENT_ID
      ? {
          loginUrl: env.SALESFORCE_LOGIN_URL,
          clientId: env.SALESFORCE_CLIENT_ID,
          ...(env.SALESFORCE_CLIENT_SECRET ? { clientSecret: env.SALESFORCE_CLIENT_SECRET } : {}),
          ...(env.SALESFORCE_ORG_ID ? { orgId: env.SALESFORCE_ORG_ID } : {})
        }
      : undefined;
  // S7: sync writes as the integration user: the local org's connector app, or a real org's (client credentials, or a
  // refresh token when SALESFORCE_REFRESH_TOKEN is set).
  const sync = localOrg
    ? {
        loginUrl: localOrg.url,
        clientId: CONNECTOR_CLIENT_ID,
        clientSecret: CONNECTOR_CLIENT_SECRET,
        auth: { grant: 'client_credentials' as const },
        apiVersion: env.SALESFORCE_API_VERSION
      }
    : env.SALESFORCE_LOGIN_URL && env.SALESFORCE_CLIENT_ID && env.SALESFORCE_CLIENT_SECRET
      ? {
          loginUrl: env.SALESFORCE_LOGIN_URL,
          clientId: env.SALESFORCE_CLIENT_ID,
          clientSecret: env.SALESFORCE_CLIENT_SECRET,
          auth: env.SALESFORCE_REFRESH_TOKEN
            ? { grant: 'refresh_token' as const, refreshToken: env.SALESFORCE_REFRESH_TOKEN }
            : { grant: 'client_credentials' as const },
          apiVersion: env.SALESFORCE_API_VERSION
        }
      : undefined;
  const connector = await startConnector({
    ...(signIn ? { signIn } : {}),
    ...(sync ? { sync } : {}),
    env,
    core,
    log,
    defaultQueueIds: scenario.queues.map((q) => q.id),
    defaultOutboundSkills: outboundSkills(scenario.queues.map((q) => q.id)),
    agents: scenario.agents.map((a) => ({
      agentId: a.agentId,
      name: a.name,
      queueIds: a.queueIds,
      outboundSkills: outboundSkills(a.queueIds),
      role: a.role
    })),
    catalog: {
      queues: scenario.queues.map((q) => ({
        id: q.id,
        name: q.name,
        channels: q.channels,
        outboundEmail: q.outboundEmail
      })),
      addressBook: scenario.addressBook
    },
    provider: { port: simulator, handlers: [customerApi] },
    ...(options.now ? { now: options.now } : {})
  });
  // The local org's connected app accepts this connector's callback (a real org's admin registers it by hand).
  localOrg?.connectedApps.addRedirectUri(CONNECTOR_CLIENT_ID, connector.redirectUri);
  return {
    ...connector,
    simulator,
    customerApiKey,
    localOrg,
    async close() {
      // The connector first (its sync writes to the local org until it has stopped), then the local org, also when
      // the connector's stop failed.
      try {
        await connector.close();
      } finally {
        await localOrg?.close();
      }
    }
  };
}

async function readScenario(env: ConnectorEnv): Promise<Scenario> {
  if (!env.SIMULATOR_SCENARIO) return defaultScenario();
  const result = await loadScenarioFile(env.SIMULATOR_SCENARIO);
  if (!result.ok) throw new ConfigError([`SIMULATOR_SCENARIO ${result.error.message}`]);
  return result.scenario;
}

/** A random key kept beside the embedded store, so it survives restarts and a person can read it to act as a customer. */
function customerKey(dataDir: string): string {
  const file = join(dataDir, '..', 'customer-api-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(dataDir, '..'), { recursive: true });
  const key = randomBytes(24).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
