// C10, C14, D10, V13: dispositions are wrap-up codes the admin configured (Wrap_Up_Code__mdt), each for some channels
// and (an empty list: every) queue. Pure: the codes come in with the core's configuration, never from a lookup.
import { z } from 'zod';
import { reject, type Rejection } from './rejections';
import { CHANNELS, type Channel } from './types';

/** What a disposition check needs of a wrap-up code (the directory document carries its label and category too). */
export const wrapUpRuleSchema = z
  .object({
    code: z.string().min(1).max(80),
    channels: z.array(z.enum(CHANNELS)).min(1),
    /** Empty: the code is for every queue. */
    queueIds: z.array(z.string().min(1).max(80)).default([])
  })
  .strict();
export type WrapUpRule = z.infer<typeof wrapUpRuleSchema>;

/**
 * The wrap-up codes in force. null: none configured at all (no org settings and none given): dispositions are then
 * not checked, as there is no list an agent could pick from (docs/decisions.md).
 */
export const wrapUpRulesSchema = z.array(wrapUpRuleSchema).max(1_000).nullable().default(null);
export type WrapUpRules = z.infer<typeof wrapUpRulesSchema>;

/** Whether `code` may be chosen for an interaction of this channel in this queue (null: waiting in no queue). */
export function isDispositionAllowed(
  rules: readonly WrapUpRule[],
  code: string,
  channel: Channel,
  queueId: string | null
) {
  return rules.some(
    (rule) =>
      rule.code === code &&
      rule.channels.includes(channel) &&
      (rule.queueIds.length === 0 || (queueId !== null && rule.queueIds.includes(queueId)))
  );
}

/**
 * The refusal for the first disposition that is not a wrap-up code of this channel and queue, or null when all are.
 * `path` names where the codes came from in the command ("args.dispositions", "args.disposition").
 */
export function checkDispositions(
  rules: WrapUpRules,
  chosen: readonly { code: string; path: string }[],
  channel: Channel,
  queueId: string | null
): Rejection | null {
  if (rules === null) return null;
  const wrong = chosen.find((c) => !isDispositionAllowed(rules, c.code, channel, queueId));
  if (!wrong) return null;
  const known = rules.some((rule) => rule.code === wrong.code);
  const message = known
    ? `The disposition "${wrong.code}" is not a wrap-up code for ${channel} in this queue; choose one from the list.`
    : `The disposition "${wrong.code}" is not a configured wrap-up code; choose one from the list.`;
  return { ...reject('UNKNOWN_DISPOSITION', [{ path: wrong.path, message }]), message };
}

/** The dispositions a command chooses: `args.dispositions` (setDetails) or `args.disposition` (digital end). */
export function dispositionsOfCommand(command: unknown): { code: string; path: string }[] {
  const args = (command as { args?: unknown } | null)?.args;
  if (typeof args !== 'object' || args === null) return [];
  const { dispositions, disposition } = args as { dispositions?: unknown; disposition?: unknown };
  const out: { code: string; path: string }[] = [];
  if (Array.isArray(dispositions)) {
    dispositions.forEach((code, i) => {
      if (typeof code === 'string') out.push({ code, path: `args.dispositions.${i}` });
    });
  }
  if (typeof disposition === 'string') out.push({ code: disposition, path: 'args.disposition' });
  return out;
}
