// C7: canned responses are Salesforce Quick Texts, fetched per language and channel and cached for a while, so the
// list opens at once and costs one API call per language and channel per TTL, not one per agent or per chat.
import { z } from 'zod';
import type { Channel, Instant } from '../interactions/kernel/types';
import { CHANNELS } from '../interactions/kernel/types';
import type { SalesforceApi } from './client';
import { soqlString } from './mapping/soql';

export interface QuickText {
  id: string;
  name: string;
  message: string;
  category: string | null;
}

export type QuickTextResult =
  /** stale: Salesforce could not be asked just now, these are the last ones fetched. */
  { ok: true; items: QuickText[]; stale: boolean; fetchedAt: Instant } | { ok: false; code: string; message: string };

/** Quick Text's Channel picklist values, per interaction channel. */
export function quickTextChannelOf(channel: Channel): 'Phone' | 'Chat' | 'Email' | 'Messaging' {
  if (channel === 'voice') return 'Phone';
  if (channel === 'chat') return 'Chat';
  if (channel === 'email') return 'Email';
  return 'Messaging';
}

export interface LanguageQuickText extends QuickText {
  channels: Channel[];
}

/** Quick Text's Channel picklist values (";"-separated) as the interaction channels they are offered on. */
export function channelsOf(picklist: string | null): Channel[] {
  const values = new Set((picklist ?? '').split(';').map((v) => v.trim()));
  return CHANNELS.filter((channel) => values.has(quickTextChannelOf(channel)));
}

/** A language as the org stores it on Quick Text (Language__c): "de" for de, de_DE or de-AT. */
const languageSchema = z
  .string()
  .regex(/^[a-z]{2}(?:[_-][A-Za-z]{2})?$/, 'a language such as de or de_DE')
  .transform((l) => l.slice(0, 2));
const channelSchema = z.enum(CHANNELS);

const quickTextRecord = z.object({
  Id: z.string(),
  Name: z.string(),
  Message: z.string(),
  Category: z.string().nullable().optional()
});

/** Most Quick Texts read per language and channel; a catalogue longer than this is cut (see docs/sync.md). */
const MAX_QUICK_TEXTS = 500;

interface Entry {
  items: QuickText[];
  fetchedAt: Instant;
}

export class QuickTextCatalog {
  private readonly cache = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<QuickTextResult>>();
  private readonly ttlMs: number;
  private readonly clock: () => Instant;

  constructor(
    private readonly api: Pick<SalesforceApi, 'query'>,
    options: { ttlMs?: number; clock?: () => Instant } = {}
  ) {
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.clock = options.clock ?? Date.now;
  }

  /** The Quick Texts for a language and channel, from the cache while fresh. */
  async get(language: unknown, channel: unknown): Promise<QuickTextResult> {
    const lang = languageSchema.safeParse(language);
    if (!lang.success) return { ok: false, code: 'INVALID_LANGUAGE', message: 'Name a language such as de or de_DE.' };
    const chan = channelSchema.safeParse(channel);
    if (!chan.success)
      return { ok: false, code: 'INVALID_CHANNEL', message: `Name a channel: ${CHANNELS.join(', ')}.` };
    const key = `${lang.data}|${quickTextChannelOf(chan.data)}`;
    const cached = this.cache.get(key);
    if (cached && this.clock() - cached.fetchedAt < this.ttlMs) {
      return { ok: true, items: cached.items, stale: false, fetchedAt: cached.fetchedAt };
    }
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight;
    const load = this.load(key, lang.data, quickTextChannelOf(chan.data)).finally(() => this.loading.delete(key));
    this.loading.set(key, load);
    return load;
  }

  /**
   * C7: every Quick Text of one language with the channels it is for, in one query (the directory document panels
   * get). Null when Salesforce could not be asked or answered in an unknown shape: the caller keeps what it shows.
   */
  async forLanguage(language: string): Promise<LanguageQuickText[] | null> {
    const lang = languageSchema.safeParse(language);
    if (!lang.success) return null;
    const soql =
      `SELECT Id, Name, Message, Category, Channel FROM QuickText WHERE Language__c = ${soqlString(lang.data)} ` +
      `ORDER BY Category, Name LIMIT ${MAX_QUICK_TEXTS}`;
    const answer = await this.api.query(soql);
    if (!answer.ok) return null;
    const parsed = z
      .array(quickTextRecord.extend({ Channel: z.string().nullable().optional() }))
      .safeParse(answer.value);
    if (!parsed.success) return null;
    return parsed.data.map((r) => ({
      id: r.Id,
      name: r.Name,
      message: r.Message,
      category: r.Category ?? null,
      channels: channelsOf(r.Channel ?? null)
    }));
  }

  /** Forget everything (an admin changed the Quick Texts). */
  invalidate(): void {
    this.cache.clear();
  }

  private async load(key: string, language: string, channel: string): Promise<QuickTextResult> {
    const soql =
      `SELECT Id, Name, Message, Category FROM QuickText WHERE Language__c = ${soqlString(language)} ` +
      `AND Channel INCLUDES (${soqlString(channel)}) ORDER BY Category, Name LIMIT ${MAX_QUICK_TEXTS}`;
    const answer = await this.api.query(soql);
    const parsed = answer.ok ? z.array(quickTextRecord).safeParse(answer.value) : null;
    if (parsed?.success) {
      const entry: Entry = {
        items: parsed.data.map((r) => ({ id: r.Id, name: r.Name, message: r.Message, category: r.Category ?? null })),
        fetchedAt: this.clock()
      };
      this.cache.set(key, entry);
      return { ok: true, items: entry.items, stale: false, fetchedAt: entry.fetchedAt };
    }
    const stale = this.cache.get(key);
    if (stale) return { ok: true, items: stale.items, stale: true, fetchedAt: stale.fetchedAt };
    return answer.ok
      ? { ok: false, code: 'UNEXPECTED_ANSWER', message: 'Salesforce answered with Quick Texts of an unknown shape.' }
      : { ok: false, code: answer.failure.code, message: answer.failure.message };
  }
}
