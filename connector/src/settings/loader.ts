// Settings an admin changes in the org: read at start, again every refreshMs (and on the admin endpoint), applied when
// they changed. A wrong record is refused with a sentence naming the record and the field, and the last good settings
// stay in force; an org that cannot be asked leaves them in force too.
import { isDeepStrictEqual } from 'node:util';
import type { CoreConfig } from '../interactions/registry';
import type { Logger } from '../log';
import type { SalesforceApi } from '../salesforce';
import { describeProblem, settingsFromRecords, type OrgSettings, type SettingsProblem } from './mapping';
import { SETTINGS_TYPES, settingsQuery, settingsRecordsSchema, type SettingsType } from './records';

export interface SettingsLoaderDeps {
  api: Pick<SalesforceApi, 'composite' | 'dataPath'>;
  /** The configuration the records are applied to (what the connector was started with). */
  base: CoreConfig;
  /** DeveloperName of the Softphone_Setting__mdt record this connector reads. */
  settingRecord: string;
  /** Queues the records may name (follow-up queues, wrap-up codes per queue). */
  queueIds: () => readonly string[];
  log: Logger;
  now: () => number;
  /** Called with the new settings when they differ from the ones in force. */
  apply: (settings: OrgSettings) => Promise<void> | void;
  refreshMs?: number;
  /** Read from the org alongside every settings read (A2: the Omni presence status Ids); must not throw. */
  alongside?: () => Promise<void>;
}

export type LoadOutcome =
  | { status: 'applied' | 'unchanged'; at: number }
  | { status: 'refused'; at: number; problems: SettingsProblem[] }
  | { status: 'unreachable'; at: number; code: string; message: string };

/** At most 5 queries go in one Composite request (a real org's limit). */
const QUERIES_PER_REQUEST = 5;
export const DEFAULT_SETTINGS_REFRESH_MS = 60_000;

export class SettingsLoader {
  private current: OrgSettings | null = null;
  private last: LoadOutcome | null = null;
  private timer: NodeJS.Timeout | null = null;
  private loading: Promise<LoadOutcome> | null = null;

  constructor(private readonly deps: SettingsLoaderDeps) {}

  /** The settings in force; null while none were read (the configuration's defaults apply). */
  get settings(): OrgSettings | null {
    return this.current;
  }

  get lastOutcome(): LoadOutcome | null {
    return this.last;
  }

  start(): void {
    const every = this.deps.refreshMs ?? DEFAULT_SETTINGS_REFRESH_MS;
    this.timer = setInterval(() => void this.load(), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Reads every settings record now; concurrent callers share one read. */
  load(): Promise<LoadOutcome> {
    this.loading ??= Promise.all([this.read(), this.deps.alongside?.()])
      .then(([outcome]) => outcome)
      .finally(() => (this.loading = null));
    return this.loading;
  }

  private async read(): Promise<LoadOutcome> {
    const at = this.deps.now();
    const fetched = await this.fetchRecords();
    if (!fetched.ok) {
      this.last = { status: 'unreachable', at, code: fetched.code, message: fetched.message };
      this.deps.log.warn({ code: fetched.code }, 'settings could not be read from the org; the last ones stay');
      return this.last;
    }
    const result = settingsFromRecords(fetched.records, this.deps.base, {
      settingRecord: this.deps.settingRecord,
      queueIds: this.deps.queueIds()
    });
    if (!result.ok) {
      this.last = { status: 'refused', at, problems: result.problems };
      for (const problem of result.problems)
        this.deps.log.error(
          { code: 'SETTINGS_REFUSED', record: problem.record, field: problem.field },
          describeProblem(problem)
        );
      return this.last;
    }
    if (this.current && isDeepStrictEqual(this.current, result.settings)) {
      this.last = { status: 'unchanged', at };
      return this.last;
    }
    this.current = result.settings;
    await this.deps.apply(result.settings);
    this.deps.log.info({ settingRecord: this.deps.settingRecord }, 'settings from the org applied');
    this.last = { status: 'applied', at };
    return this.last;
  }

  private async fetchRecords(): Promise<
    { ok: true; records: ReturnType<typeof settingsRecordsSchema.parse> } | { ok: false; code: string; message: string }
  > {
    const types = Object.keys(SETTINGS_TYPES) as SettingsType[];
    const bodies: Record<string, unknown[]> = {};
    for (let i = 0; i < types.length; i += QUERIES_PER_REQUEST) {
      const batch = types.slice(i, i + QUERIES_PER_REQUEST);
      const answer = await this.deps.api.composite(
        batch.map((type) => ({
          method: 'GET' as const,
          url: `${this.deps.api.dataPath}/query?q=${encodeURIComponent(settingsQuery(type))}`,
          referenceId: type
        }))
      );
      if (!answer.ok) return { ok: false, code: answer.failure.code, message: answer.failure.message };
      for (const type of batch) {
        const sub = answer.value.find((a) => a.referenceId === type);
        const records = (sub?.body as { records?: unknown } | null)?.records;
        if (!sub || sub.httpStatusCode >= 400 || !Array.isArray(records)) {
          const error = Array.isArray(sub?.body) ? (sub.body[0] as { errorCode?: string; message?: string }) : null;
          return {
            ok: false,
            code: error?.errorCode ?? 'UNEXPECTED_ANSWER',
            message: `${SETTINGS_TYPES[type].object} could not be read: ${error?.message ?? 'unexpected answer'}`
          };
        }
        bodies[type] = records;
      }
    }
    const parsed = settingsRecordsSchema.safeParse(bodies);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        code: 'UNEXPECTED_ANSWER',
        message: `Settings records of an unknown shape: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`
      };
    }
    return { ok: true, records: parsed.data };
  }
}
