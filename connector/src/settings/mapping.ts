// The org's settings records -> the connector's configuration. Pure. Every value is checked by the same zod schemas
// that check the configuration anywhere else; a refusal names the record and the field, so an admin knows what to fix.
import type { z } from 'zod';
import type { WrapUpCode } from '../directories/catalog';
import { CHANNELS, DIGITAL_CHANNELS, type Channel, type DigitalChannel } from '../interactions/kernel/types';
import { coreConfigSchema, type CoreConfig } from '../interactions/registry';
import { SETTINGS_TYPES, type SettingsRecords, type SettingsType } from './records';

/** A2: which Omni-Channel presence status stands for each softphone status. */
export interface OmniStatusMap {
  available: string;
  busy: string;
  /** Per Busy reason code, when the admin mapped one to its own Omni status. */
  busyByReason: Record<string, string>;
  /** Offline logs the agent out of Omni-Channel (otherwise Offline mirrors as busy). */
  offlineLogsOut: boolean;
}

export interface OrgSettings {
  core: CoreConfig;
  busyReasonLabels: Record<string, string>;
  wrapUpCodes: WrapUpCode[];
  omni: OmniStatusMap;
}

export interface SettingsProblem {
  /** "Softphone_Channel_Setting__mdt.Chat" */
  record: string;
  field: string;
  message: string;
}

export type SettingsResult = { ok: true; settings: OrgSettings } | { ok: false; problems: SettingsProblem[] };

/** Where a configuration path came from: zod's issues are told in the admin's words. */
type Origins = Map<string, { record: string; field: string }>;

const PCI_MODES: Record<string, 'redact' | 'drop'> = { Redact: 'redact', Drop: 'drop' };
const POLICIES: Record<string, 'softphone' | 'omni' | 'lastChange'> = {
  Softphone: 'softphone',
  Omni: 'omni',
  Last_Change: 'lastChange'
};
const SIDES: Record<string, 'none' | 'agent' | 'customer' | 'both'> = {
  None: 'none',
  Agent: 'agent',
  Customer: 'customer',
  Both: 'both'
};
const MB = 1024 * 1024;

const list = (value: string | null | undefined): string[] =>
  (value ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');

export function settingsFromRecords(
  records: SettingsRecords,
  base: CoreConfig,
  options: { settingRecord: string; queueIds: readonly string[] }
): SettingsResult {
  const problems: SettingsProblem[] = [];
  const origins: Origins = new Map();
  const name = (type: SettingsType, developerName: string) => `${SETTINGS_TYPES[type].object}.${developerName}`;
  const problem = (record: string, field: string, message: string) => problems.push({ record, field, message });
  // The candidate configuration, as plain data: parsed whole by coreConfigSchema at the end.
  const draft = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  const set = (path: string[], value: unknown, record: string, field: string) => {
    if (value === undefined) return;
    let node: Record<string, unknown> = draft;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[path.at(-1) as string] = value;
    origins.set(path.join('.'), { record, field });
  };
  const picklist = <T>(map: Record<string, T>, value: string | null | undefined, record: string, field: string) => {
    if (value === null || value === undefined) return undefined;
    const mapped = map[value];
    if (mapped === undefined)
      problem(record, field, `must be one of ${Object.keys(map).join(', ')} (it is "${value}")`);
    return mapped;
  };
  const given = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

  // ---- the one Softphone_Setting__mdt record this connector reads ----------------------------------------------
  const omni: OmniStatusMap = { available: 'Available', busy: 'Busy', busyByReason: {}, offlineLogsOut: true };
  const setting = records.setting.find((r) => r.DeveloperName === options.settingRecord);
  if (!setting) {
    problem(name('setting', options.settingRecord), 'DeveloperName', 'is missing: the connector reads this record');
  } else {
    const rec = name('setting', setting.DeveloperName);
    const pci = picklist(PCI_MODES, setting.PCI_Mode__c, rec, 'PCI_Mode__c');
    for (const channel of ['voice', 'chat', 'digital']) set([channel, 'pci', 'mode'], pci, rec, 'PCI_Mode__c');
    set(
      ['desk', 'presence', 'conflictPolicy'],
      picklist(POLICIES, setting.Presence_Conflict_Policy__c, rec, 'Presence_Conflict_Policy__c'),
      rec,
      'Presence_Conflict_Policy__c'
    );
    for (const [key, field] of [
      ['voice', 'Voice_Capacity__c'],
      ['chat', 'Chat_Capacity__c'],
      ['digital', 'Digital_Capacity__c'],
      ['total', 'Total_Capacity__c']
    ] as const) {
      set(['desk', 'capacity', key], given(setting[field]), rec, field);
    }
    set(['voice', 'defaultCountry'], given(setting.Default_Country__c), rec, 'Default_Country__c');
    set(
      ['voice', 'liveTranscript', 'sides'],
      picklist(SIDES, setting.Transcript_Sides__c, rec, 'Transcript_Sides__c'),
      rec,
      'Transcript_Sides__c'
    );
    set(['chat', 'followUp', 'enabled'], given(setting.Follow_Up_Enabled__c), rec, 'Follow_Up_Enabled__c');
    const followUpQueues = list(setting.Follow_Up_Queues__c);
    for (const queue of followUpQueues) {
      if (!options.queueIds.includes(queue)) problem(rec, 'Follow_Up_Queues__c', `names no known queue "${queue}"`);
    }
    set(['chat', 'followUp', 'queueIds'], followUpQueues, rec, 'Follow_Up_Queues__c');
    omni.available = setting.Omni_Available_Status__c?.trim() || omni.available;
    omni.busy = setting.Omni_Busy_Status__c?.trim() || omni.busy;
    omni.offlineLogsOut = setting.Omni_Offline_Logs_Out__c ?? omni.offlineLogsOut;
  }

  // ---- one Softphone_Channel_Setting__mdt per channel ------------------------------------------------------------
  const interruptible: Channel[] = [];
  const seen = new Map<string, string>();
  for (const r of records.channel) {
    const rec = name('channel', r.DeveloperName);
    const channel = r.Channel__c as Channel;
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      problem(rec, 'Channel__c', `must be one of ${CHANNELS.join(', ')} (it is "${String(r.Channel__c)}")`);
      continue;
    }
    const twin = seen.get(channel);
    if (twin) problem(rec, 'Channel__c', `is ${channel}, as ${twin} already is: keep one record per channel`);
    seen.set(channel, rec);
    if (r.Interruptible_By_Call__c === true && channel !== 'voice') interruptible.push(channel);
    const seconds = (field: 'Offer_Timeout_Seconds__c' | 'Wrap_Up_Timeout_Seconds__c') =>
      r[field] === undefined ? undefined : r[field] === null ? null : Math.round((r[field] as number) * 1000);
    const offerMs = seconds('Offer_Timeout_Seconds__c');
    const wrapUpMs = seconds('Wrap_Up_Timeout_Seconds__c');
    const maxBytes = typeof r.Max_Attachment_MB__c === 'number' ? Math.round(r.Max_Attachment_MB__c * MB) : undefined;
    const blocked = r.Blocked_File_Types__c === undefined ? undefined : list(r.Blocked_File_Types__c);
    if (channel === 'voice') {
      if (offerMs !== null) set(['voice', 'offerTimeoutMs'], offerMs, rec, 'Offer_Timeout_Seconds__c');
      set(['voice', 'wrapUpTimeoutMs'], wrapUpMs, rec, 'Wrap_Up_Timeout_Seconds__c');
      set(['voice', 'requireDisposition'], given(r.Disposition_Required__c), rec, 'Disposition_Required__c');
    } else if (channel === 'chat') {
      if (offerMs !== null) set(['chat', 'offerTimeoutMs'], offerMs, rec, 'Offer_Timeout_Seconds__c');
      set(['chat', 'wrapUpTimeoutMs'], wrapUpMs, rec, 'Wrap_Up_Timeout_Seconds__c');
      set(['chat', 'dispositionRequired'], given(r.Disposition_Required__c), rec, 'Disposition_Required__c');
      set(['chat', 'attachments', 'allowed'], given(r.Attachments_Allowed__c), rec, 'Attachments_Allowed__c');
      set(['chat', 'attachments', 'maxBytes'], maxBytes, rec, 'Max_Attachment_MB__c');
      set(['chat', 'attachments', 'blockedExtensions'], blocked, rec, 'Blocked_File_Types__c');
    } else {
      const d = channel as DigitalChannel;
      set(
        ['digital', 'capabilities', d, 'attachments'],
        given(r.Attachments_Allowed__c),
        rec,
        'Attachments_Allowed__c'
      );
      set(['digital', 'capabilities', d, 'emoji'], given(r.Emoji_Allowed__c), rec, 'Emoji_Allowed__c');
      set(['digital', 'capabilities', d, 'maxAttachmentBytes'], maxBytes, rec, 'Max_Attachment_MB__c');
      set(['digital', 'capabilities', d, 'blockedExtensions'], blocked, rec, 'Blocked_File_Types__c');
      set(['digital', 'dispositionRequiredOn', d], given(r.Disposition_Required__c), rec, 'Disposition_Required__c');
    }
  }
  if (records.channel.length > 0) {
    set(['desk', 'interruptibleByCall'], interruptible, name('channel', '*'), 'Interruptible_By_Call__c');
  }

  // ---- Busy reasons, PCI patterns, emergency numbers ---------------------------------------------------------------
  const reasons = records.busyReason
    .filter((r) => r.Active__c !== false)
    .sort((a, b) => (a.Sort_Order__c ?? 0) - (b.Sort_Order__c ?? 0) || a.DeveloperName.localeCompare(b.DeveloperName));
  const busyReasonLabels: Record<string, string> = {};
  for (const r of reasons) {
    busyReasonLabels[r.DeveloperName] = r.MasterLabel;
    if (r.Omni_Status__c?.trim()) omni.busyByReason[r.DeveloperName] = r.Omni_Status__c.trim();
  }
  if (records.busyReason.length > 0) {
    if (reasons.length === 0) problem(name('busyReason', '*'), 'Active__c', 'leaves no active Busy reason: keep one');
    else
      set(
        ['desk', 'presence', 'busyReasons'],
        reasons.map((r) => r.DeveloperName),
        name('busyReason', '*'),
        'DeveloperName'
      );
  }
  const patterns = records.pciPattern.filter((r) => r.Active__c === true);
  patterns.forEach((r, i) => {
    for (const channel of ['voice', 'chat', 'digital']) {
      set(
        [channel, 'pci', 'extraPatterns', String(i)],
        { name: r.DeveloperName, pattern: r.Pattern__c ?? '' },
        name('pciPattern', r.DeveloperName),
        'Pattern__c'
      );
    }
  });
  for (const channel of ['voice', 'chat', 'digital']) {
    const pci = draft[channel]?.pci as { extraPatterns?: unknown[] } | undefined;
    if (pci) pci.extraPatterns = (pci.extraPatterns ?? []).slice(0, patterns.length);
  }
  if (records.emergencyNumber.length > 0) {
    const byCountry: Record<string, string[]> = {};
    for (const r of records.emergencyNumber) {
      const rec = name('emergencyNumber', r.DeveloperName);
      const country = (r.Country__c ?? '').trim();
      byCountry[country] = [...(byCountry[country] ?? []), ...list(r.Numbers__c)];
      origins.set(`voice.emergencyNumbers.${country}`, { record: rec, field: 'Numbers__c' });
      if (!/^[A-Z]{2}$/.test(country))
        problem(rec, 'Country__c', `must be an ISO country code such as US (it is "${country}")`);
    }
    draft.voice = { ...draft.voice, emergencyNumbers: byCountry };
  }

  // ---- wrap-up codes ---------------------------------------------------------------------------------------------
  const wrapUpCodes: WrapUpCode[] = [];
  const codes = records.wrapUpCode
    .filter((r) => r.Active__c !== false)
    .sort((a, b) => (a.Sort_Order__c ?? 0) - (b.Sort_Order__c ?? 0) || a.DeveloperName.localeCompare(b.DeveloperName));
  for (const r of codes) {
    const rec = name('wrapUpCode', r.DeveloperName);
    const channels: Channel[] = [];
    for (const value of list(r.Channels__c)) {
      if (value === 'digital') channels.push(...DIGITAL_CHANNELS);
      else if ((CHANNELS as readonly string[]).includes(value)) channels.push(value as Channel);
      else problem(rec, 'Channels__c', `names no channel "${value}" (voice, chat, digital or one digital channel)`);
    }
    if (list(r.Channels__c).length === 0) problem(rec, 'Channels__c', 'is empty: name the channels the code is for');
    const queueIds = list(r.Queues__c);
    for (const queue of queueIds) {
      if (!options.queueIds.includes(queue)) problem(rec, 'Queues__c', `names no known queue "${queue}"`);
    }
    wrapUpCodes.push({
      code: r.DeveloperName,
      label: r.MasterLabel,
      category: r.Category__c ?? null,
      channels: [...new Set(channels)],
      queueIds,
      requiresNote: r.Requires_Note__c === true
    });
  }

  // The org is the list's source: from now on dispositions are checked against it (none active: none can be chosen).
  (draft as Record<string, unknown>).wrapUpCodes = wrapUpCodes.map(({ code, channels, queueIds }) => ({
    code,
    channels,
    queueIds
  }));
  const parsed = coreConfigSchema.safeParse(draft);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => fromIssue(issue, origins)));
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, settings: { core: parsed.data, busyReasonLabels, wrapUpCodes, omni } };
}

/** A zod issue in the admin's words: the record and field the value came from. */
function fromIssue(issue: z.core.$ZodIssue, origins: Origins): SettingsProblem {
  const path = issue.path.map(String);
  for (let n = path.length; n > 0; n--) {
    const origin = origins.get(path.slice(0, n).join('.'));
    if (origin) return { ...origin, message: issue.message };
  }
  return { record: 'settings', field: path.join('.'), message: issue.message };
}

/** One sentence for logs and the admin endpoint. */
export const describeProblem = (p: SettingsProblem): string => `${p.record}: ${p.field} ${p.message}.`;
