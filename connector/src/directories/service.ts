// The directory documents of every connected panel: built from configuration, the catalogue and live presence,
// versioned, serialised once, and pushed only when they change. The agents directory is large (every colleague with
// presence) and changes all the time: panels get it whole at hello, then presence changes as agentsDelta frames,
// coalesced over a second and serialised once for all panels (2,000 agents: one frame a second, not 2,000 x 2,000).
import type { DirectoryDocuments, DirectoryName, ServerFrame } from '../api/schema';
import type { AgentDirectory, AgentProfile } from '../engine/directory';
import type { PresenceState } from '../interactions/presence/state';
import type { CoreConfig } from '../interactions/registry';
import type { Logger } from '../log';
import type { Catalog } from './catalog';
import {
  personalDocuments,
  quickTextLanguageOf,
  sharedDocuments,
  type PersonalDirectory,
  type QuickTextLanguage,
  type SharedDirectory
} from './documents';

type AgentEntry = DirectoryDocuments['agents']['agents'][number];
export type PresenceView = Pick<PresenceState, 'status' | 'reasonCode' | 'since'>;

/** C7: Quick Texts of one language, every channel (see salesforce/quickText.ts). */
export interface QuickTextSource {
  forLanguage(language: QuickTextLanguage): Promise<DirectoryDocuments['quickTexts']['texts'] | null>;
}

/** Who a pushed frame is for. */
export type DirectoryAudience = { all: true } | { agentId: string } | { language: QuickTextLanguage };

export interface DirectoryServiceDeps {
  directory: AgentDirectory;
  config: () => CoreConfig;
  catalog: () => Catalog;
  /** Presence of every agent in the directory, for the first list (afterwards changes are reported). */
  presences: () => Promise<Map<string, PresenceView>>;
  quickTexts?: QuickTextSource;
  log: Logger;
  now: () => number;
  /** How long presence changes are gathered before one agentsDelta frame carries them. */
  coalesceMs?: number;
  /** How long a language's Quick Texts are shown before they are asked for again. */
  quickTextTtlMs?: number;
}

interface Held {
  version: number;
  text: string;
}

const DEFAULT_COALESCE_MS = 1000;
const DEFAULT_QUICK_TEXT_TTL_MS = 15 * 60_000;

export class DirectoryService {
  private counter = 0;
  private readonly shared = new Map<SharedDirectory, Held>();
  private readonly personal = new Map<string, Map<PersonalDirectory, Held>>();
  private readonly quickTexts = new Map<QuickTextLanguage, Held & { fetchedAt: number }>();
  private readonly loadingTexts = new Map<QuickTextLanguage, Promise<void>>();
  private readonly agents = new Map<string, AgentEntry>();
  private agentsVersion = 0;
  /** The agents directory as of the last agentsDelta (entries are replaced, never changed): what hello sends. */
  private agentsAtFlush: AgentEntry[] = [];
  /** Its frame, built when a panel first asks for it after a flush. */
  private agentsText: string | null = null;
  private readonly pending = new Map<string, AgentEntry>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(audience: DirectoryAudience, text: string) => void>();
  private stopped = false;

  constructor(private readonly deps: DirectoryServiceDeps) {}

  async start(): Promise<void> {
    const presences = await this.deps.presences();
    for (const profile of this.deps.directory.all()) {
      this.agents.set(profile.agentId, entryOf(profile, presences.get(profile.agentId)));
    }
    this.agentsAtFlush = [...this.agents.values()];
    this.agentsText = null;
    this.refresh();
  }

  stop(): void {
    this.stopped = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  /** Pushed frames, each serialised once, with who they are for. */
  onFrame(listener: (audience: DirectoryAudience, text: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every directory frame a panel of this agent gets at hello (Quick Texts follow once fetched, if not cached). */
  framesFor(agentId: string): string[] {
    this.agentsText ??= this.agentsFrame();
    const frames = [this.agentsText, ...[...this.shared.values()].map((h) => h.text)];
    const profile = this.deps.directory.get(agentId);
    if (profile) frames.push(...[...this.personalFor(profile).values()].map((h) => h.text));
    const language = this.languageOf(agentId);
    const texts = this.quickTexts.get(language);
    if (texts) frames.push(texts.text);
    if (!texts || this.deps.now() - texts.fetchedAt >= (this.deps.quickTextTtlMs ?? DEFAULT_QUICK_TEXT_TTL_MS)) {
      void this.loadQuickTexts(language);
    }
    return frames;
  }

  languageOf(agentId: string): QuickTextLanguage {
    return quickTextLanguageOf(this.deps.directory.get(agentId)?.language);
  }

  /** An agent's presence changed (or was first seen): gathered into the next agentsDelta frame. */
  presenceChanged(agentId: string, presence: PresenceView): void {
    const profile = this.deps.directory.get(agentId);
    if (!profile) return;
    const before = this.agents.get(agentId);
    const entry = entryOf(profile, presence);
    if (before && sameEntry(before, entry)) return;
    this.agents.set(agentId, entry);
    this.pending.set(agentId, entry);
    this.scheduleFlush();
  }

  /** An agent was added to the directory or changed there (sign-in): listed, and their own documents rebuilt. */
  agentChanged(agentId: string): void {
    const profile = this.deps.directory.get(agentId);
    if (!profile) return;
    const before = this.agents.get(agentId);
    this.presenceChanged(agentId, before ?? { status: 'Offline', reasonCode: null, since: this.deps.now() });
    if (this.personal.has(agentId)) this.refreshPersonal(profile);
  }

  /** Configuration or catalogue changed: rebuild everything, push what differs. */
  refresh(): void {
    const documents = sharedDocuments(this.deps.config(), this.deps.catalog());
    for (const name of Object.keys(documents) as SharedDirectory[]) {
      const held = this.hold(this.shared.get(name), name, documents[name]);
      if (held === this.shared.get(name)) continue;
      this.shared.set(name, held);
      this.emit({ all: true }, held.text);
    }
    for (const agentId of this.personal.keys()) {
      const profile = this.deps.directory.get(agentId);
      if (profile) this.refreshPersonal(profile);
    }
    // Membership may have changed who is listed.
    for (const profile of this.deps.directory.all()) {
      if (!this.agents.has(profile.agentId)) this.agentChanged(profile.agentId);
    }
  }

  /** Quick Texts changed in the org (or their cache ran out): ask again for every language shown. */
  async reloadQuickTexts(): Promise<void> {
    await Promise.all([...this.quickTexts.keys()].map((language) => this.loadQuickTexts(language, true)));
  }

  /** Flushes gathered presence changes now (tests, and the coalescing timer). */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.size === 0) return;
    this.agentsVersion++;
    const frame: ServerFrame = {
      type: 'agentsDelta',
      version: this.agentsVersion,
      upserts: [...this.pending.values()],
      removed: []
    };
    this.pending.clear();
    // Sorting and serialising 2,000 agents each second is only worth it when a panel says hello.
    this.agentsAtFlush = [...this.agents.values()];
    this.agentsText = null;
    this.emit({ all: true }, JSON.stringify(frame));
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.stopped) return;
    this.flushTimer = setTimeout(() => this.flush(), this.deps.coalesceMs ?? DEFAULT_COALESCE_MS);
    this.flushTimer.unref();
  }

  private agentsFrame(): string {
    const agents = [...this.agentsAtFlush].sort(
      (a, b) => a.name.localeCompare(b.name) || a.agentId.localeCompare(b.agentId)
    );
    const frame: ServerFrame = { type: 'directory', name: 'agents', version: this.agentsVersion, document: { agents } };
    return JSON.stringify(frame);
  }

  private personalFor(profile: AgentProfile): Map<PersonalDirectory, Held> {
    return this.personal.get(profile.agentId) ?? this.refreshPersonal(profile);
  }

  private refreshPersonal(profile: AgentProfile): Map<PersonalDirectory, Held> {
    const documents = personalDocuments(this.deps.config(), profile);
    let mine = this.personal.get(profile.agentId);
    const first = !mine;
    if (!mine) this.personal.set(profile.agentId, (mine = new Map()));
    for (const name of Object.keys(documents) as PersonalDirectory[]) {
      const held = this.hold(mine.get(name), name, documents[name]);
      if (held === mine.get(name)) continue;
      mine.set(name, held);
      if (!first) this.emit({ agentId: profile.agentId }, held.text);
    }
    return mine;
  }

  private async loadQuickTexts(language: QuickTextLanguage, force = false): Promise<void> {
    const source = this.deps.quickTexts;
    const inFlight = this.loadingTexts.get(language);
    if (inFlight && !force) return inFlight;
    const load = (async () => {
      const texts = source ? await source.forLanguage(language) : [];
      const fallback =
        texts !== null && texts.length === 0 && language !== 'en' && source ? await source.forLanguage('en') : null;
      const chosen = fallback && fallback.length > 0 ? fallback : texts;
      if (chosen === null || this.stopped) return; // the org could not be asked: keep what is shown
      const before = this.quickTexts.get(language);
      const held = this.hold(before, 'quickTexts', { language, texts: chosen });
      this.quickTexts.set(language, { ...held, fetchedAt: this.deps.now() });
      if (held !== before) this.emit({ language }, held.text);
    })()
      .catch((error: unknown) => this.deps.log.warn({ err: error, language }, 'quick texts could not be loaded'))
      .finally(() => this.loadingTexts.delete(language));
    this.loadingTexts.set(language, load);
    return load;
  }

  /** The held frame when the document did not change; a new one with the next version when it did. */
  private hold<N extends Exclude<DirectoryName, 'agents'>>(
    before: Held | undefined,
    name: N,
    document: DirectoryDocuments[N]
  ): Held {
    const body = JSON.stringify(document);
    if (before && before.text.endsWith(`,"document":${body}}`)) return before;
    const version = ++this.counter;
    return { version, text: `{"type":"directory","name":"${name}","version":${version},"document":${body}}` };
  }

  private emit(audience: DirectoryAudience, text: string): void {
    if (this.stopped) return;
    for (const listener of this.listeners) listener(audience, text);
  }
}

function entryOf(profile: AgentProfile, presence: PresenceView | undefined): AgentEntry {
  return {
    agentId: profile.agentId,
    name: profile.name,
    role: profile.role,
    status: presence?.status ?? 'Offline',
    reasonCode: presence?.reasonCode ?? null,
    since: presence?.since ?? 0
  };
}

function sameEntry(a: AgentEntry, b: AgentEntry): boolean {
  return (
    a.status === b.status &&
    a.reasonCode === b.reasonCode &&
    a.since === b.since &&
    a.name === b.name &&
    a.role === b.role
  );
}
