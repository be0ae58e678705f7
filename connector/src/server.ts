// Composes the connector: store, interaction core, engine, provider, HTTP + WebSocket. Used by main.ts and by tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callbackUrl, createAuthHandler, MemorySignedInSessions, SessionTokens, StoreSessionRevocations } from './auth';
import { createHttpHandler, type Handler } from './api/http';
import { Metrics } from './api/metrics';
import { createAdminSyncHandler } from './api/admin-sync';
import { PanelSessions } from './api/panel-sessions';
import { ConfigError, type ConnectorEnv } from './config';
import { AgentDirectory, type AgentProfileInput } from './engine/directory';
import { Engine } from './engine/engine';
import { coreConfigSchema, InteractionCoreRuntime, type CoreConfig } from './interactions/registry';
import { createLogger, type Logger } from './log';
import type { ProviderPort } from './providers/port';
import { openStore, revokedSessions, type Db } from './store';
import {
  createSalesforceClient,
  QuickTextCatalog,
  SyncFlusher,
  type SalesforceClient,
  type SalesforceOptionsInput
} from './salesforce';
import { catalogSchema, type CatalogInput } from './directories/catalog';
import { DirectoryService } from './directories/service';
import { SettingsLoader } from './settings/loader';
import { OmniBridge } from './omni/bridge';
import { DEFAULT_OMNI_MAP } from './omni/presence';
import { PresenceStatusIds } from './omni/statuses';
import { createAdminSettingsHandler } from './api/admin-settings';

export interface ConnectorOptions {
  env: ConnectorEnv;
  core?: CoreConfig;
  agents?: AgentProfileInput[];
  /** Queues an agent serves when configuration names none for them. */
  defaultQueueIds?: string[];
  /** V9: the outbound skills of an agent not configured in `agents` (seen first at sign-in). */
  defaultOutboundSkills?: { id: string; name: string }[];
  /** What the directories list besides agents: queues, address book, Busy reason labels, wrap-up codes. */
  catalog?: CatalogInput;
  /** Salesforce sign-in (OAuth web-server flow with PKCE) against this org; without it only the unsafe dev sign-in. */
  signIn?: { loginUrl: string; clientId: string; clientSecret?: string; orgId?: string };
  /** Salesforce sync (S2–S7): the outbox is flushed to this org as the integration user. */
  sync?: SalesforceOptionsInput;
  /** The provider and the HTTP handlers it mounts (the simulator's customer API). */
  provider?: { port: ProviderPort; handlers: Handler[] };
  log?: Logger;
  now?: () => number;
}

export interface Connector {
  url: string;
  /** Where Salesforce sends agents back after sign-in (register it on the connected app). */
  redirectUri: string;
  wsUrl: string;
  db: Db;
  engine: Engine;
  tokens: SessionTokens;
  /** The org's settings records, when the connector syncs with an org. */
  settings: SettingsLoader | null;
  close(): Promise<void>;
}

export async function startConnector(options: ConnectorOptions): Promise<Connector> {
  const { env } = options;
  const log = options.log ?? createLogger(env.LOG_LEVEL);
  const db = await openStore(
    env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.CONNECTOR_DATA_DIR }
  );
  const baseCatalog = catalogSchema.parse(options.catalog ?? {});
  const initial = options.core ?? coreConfigSchema.parse({});
  // Wrap-up codes given with the catalog (no org settings yet) are the ones dispositions are checked against.
  const core = new InteractionCoreRuntime(
    initial.wrapUpCodes === null && baseCatalog.wrapUpCodes.length > 0
      ? {
          ...initial,
          wrapUpCodes: baseCatalog.wrapUpCodes.map(({ code, channels, queueIds }) => ({ code, channels, queueIds }))
        }
      : initial
  );
  const directory = new AgentDirectory(
    options.agents ?? [],
    options.defaultQueueIds ?? [],
    options.defaultOutboundSkills ?? []
  );
  core.setDigitalQueueMembers(directory.membersByQueue());
  const engine = new Engine({ db, core, directory, log, ...(options.now ? { now: options.now } : {}) });
  let catalog = baseCatalog;
  const salesforce = options.sync ? salesforceClient(options.sync) : null;
  const directories = new DirectoryService({
    directory,
    config: () => core.config,
    catalog: () => catalog,
    presences: () => engine.presences(),
    ...(salesforce ? { quickTexts: new QuickTextCatalog(salesforce) } : {}),
    log,
    now: () => engine.now()
  });
  engine.onChange((agentIds) => {
    for (const agentId of agentIds) {
      const presence = engine.cachedPresence(agentId);
      if (presence) directories.presenceChanged(agentId, presence);
    }
  });
  /** Sign-in adds the agent to the directory (queues, language): routing, membership and the directories follow. */
  const signedIn = (agent: { agentId: string; name: string; language?: string | null }) => {
    if (!directory.ensure(agent.agentId, agent.name, { language: agent.language ?? null })) return;
    core.setDigitalQueueMembers(directory.membersByQueue());
    directories.agentChanged(agent.agentId);
  };
  const tokens = new SessionTokens(env.CONNECTOR_SESSION_SECRET, env.CONNECTOR_SESSION_TTL_SECONDS);
  const metrics = new Metrics();
  let ready = false;
  const signedInSessions = new MemorySignedInSessions(10_000);
  const revocations = new StoreSessionRevocations(db, env.CONNECTOR_SESSION_TTL_SECONDS);
  const orgId = options.signIn?.orgId ?? env.SALESFORCE_ORG_ID;
  const handlers: Handler[] = [];
  let settings: SettingsLoader | null = null;
  // A2: the org's ServicePresenceStatus Ids, read with the settings (the console sets Omni statuses by Id).
  const presenceStatuses = new PresenceStatusIds({ api: salesforce, log });
  const omni: OmniBridge = new OmniBridge({
    db,
    engine,
    statusMap: () => settings?.settings?.omni ?? DEFAULT_OMNI_MAP,
    statusIdOf: (statusApiName) => presenceStatuses.idOf(statusApiName),
    send: (agentId, action) => sessions.sendOmniAction(agentId, action),
    log,
    now: () => engine.now()
  });
  engine.onChange((agentIds) => {
    for (const agentId of agentIds) void omni.presenceChanged(agentId);
  });
  engine.onWorkItem((op) => void omni.workItemChanged(op));
  const sessions: PanelSessions = new PanelSessions({
    ...(orgId ? { orgId } : {}),
    signedIn: options.signIn ? signedInSessions : null,
    revocations,
    directories,
    omni,
    engine,
    tokens,
    metrics,
    log,
    commandsPerSecond: env.CONNECTOR_MAX_COMMANDS_PER_SECOND
  });
  const server: Server = createServer(
    createHttpHandler({
      db,
      engine,
      metrics,
      tokens,
      devSignIn: env.CONNECTOR_UNSAFE_DEV_SIGNIN,
      orgId: orgId ?? 'local',
      revocations,
      extraHandlers: handlers,
      onSignIn: signedIn,
      isReady: () => ready
    })
  );
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://connector').pathname !== '/ws') return socket.destroy();
    sessions.handleUpgrade(req, socket, head);
  });
  // A sign-out on any instance closes that sign-in's sockets here too (the row in the store is the truth; see auth.md).
  const stopRevokedListener = await db.listen(revokedSessions.REVOKED_CHANNEL, (sid) => sessions.signedOut(sid));
  await engine.start();
  // Settings from the org (custom metadata records), read before the first panel connects and then kept current.
  settings = salesforce
    ? new SettingsLoader({
        api: salesforce,
        base: core.config,
        settingRecord: env.CONNECTOR_SETTINGS_RECORD,
        queueIds: () => baseCatalog.queues.map((q) => q.id),
        refreshMs: env.CONNECTOR_SETTINGS_REFRESH_SECONDS * 1000,
        alongside: async () => {
          if (await presenceStatuses.refresh()) await omni.statusesChanged();
        },
        log,
        now: () => engine.now(),
        apply: async (next) => {
          catalog = { ...baseCatalog, busyReasonLabels: next.busyReasonLabels, wrapUpCodes: next.wrapUpCodes };
          await engine.reconfigure(next.core);
          directories.refresh();
        }
      })
    : null;
  await settings?.load();
  settings?.start();
  await directories.start();
  const flusher = salesforce ? startSync(salesforce, db, engine, omni, log) : null;
  if (flusher && env.CONNECTOR_ADMIN_KEY) handlers.push(createAdminSyncHandler(flusher, env.CONNECTOR_ADMIN_KEY));
  if (settings && env.CONNECTOR_ADMIN_KEY) handlers.push(createAdminSettingsHandler(settings, env.CONNECTOR_ADMIN_KEY));
  if (options.provider) {
    engine.attachProvider(options.provider.port);
    await options.provider.port.start(engine);
  }
  await new Promise<void>((resolve) => server.listen(env.CONNECTOR_PORT, env.CONNECTOR_HOST, resolve));
  ready = true;
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.CONNECTOR_HOST}:${port}`;
  const redirectUri = callbackUrl(env.CONNECTOR_PUBLIC_URL ?? url);
  if (options.signIn) {
    handlers.push(
      createAuthHandler({
        loginUrl: options.signIn.loginUrl,
        clientId: options.signIn.clientId,
        ...(options.signIn.clientSecret ? { clientSecret: options.signIn.clientSecret } : {}),
        ...(orgId ? { orgId } : {}),
        redirectUri,
        allowedPanelOrigins: env.CONNECTOR_PANEL_ORIGINS,
        tokens,
        sessions: signedInSessions,
        revocations,
        sessionTtlSeconds: env.CONNECTOR_SESSION_TTL_SECONDS,
        now: () => engine.now(),
        log,
        onSignIn: signedIn
      })
    );
  }
  handlers.push(...(options.provider?.handlers ?? []));
  if (env.CONNECTOR_UNSAFE_DEV_SIGNIN) log.warn('UNSAFE development sign-in is ON: anyone can sign in as any agent');
  log.info({ url, store: db.kind }, 'connector listening');
  return {
    url,
    redirectUri,
    wsUrl: `ws://${env.CONNECTOR_HOST}:${port}/ws`,
    db,
    engine,
    tokens,
    settings,
    async close() {
      ready = false;
      await options.provider?.port.stop();
      await sessions.close();
      await stopRevokedListener();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await flusher?.stop();
      settings?.stop();
      directories.stop();
      await engine.stop();
      await db.close();
    }
  };
}

/** S7: the outbox flusher beside the engine; it wakes on every change and reports its health to the panels. */
function salesforceClient(input: SalesforceOptionsInput): SalesforceClient {
  const created = createSalesforceClient(input);
  if (!created.ok) {
    throw new ConfigError(
      created.rejection.issues?.map((i) => `sync ${i.path}: ${i.message}`) ?? ['sync settings are wrong']
    );
  }
  return created.value;
}

function startSync(client: SalesforceClient, db: Db, engine: Engine, omni: OmniBridge, log: Logger): SyncFlusher {
  const flusher = new SyncFlusher({
    db,
    api: client,
    serviceChannels: client.options.serviceChannels,
    log,
    onWorkRouted: (routed) => omni.workRouted(routed),
    onScreenPop: (interactionId, matches) =>
      engine.setScreenPop(
        interactionId,
        matches.map((m) => ({
          objectType: m.objectType,
          id: m.id,
          name: m.name,
          accountName: m.accountName,
          company: m.company
        }))
      )
  });
  flusher.onStatusChange((state, reason) => engine.setSyncHealth({ state, reason }));
  engine.onChange(() => flusher.kick());
  flusher.start();
  return flusher;
}
