// What the voice panel can ask of a call (V2-V13). Parsed with zod before the machine sees it.
import { z } from 'zod';
import { salesforceId } from './ids';
import { callTargetSchema } from './targets';

const bare = <N extends string>(name: N) => z.object({ command: z.literal(name) });

/** V13: undefined leaves a field as it is; null clears Name or Related To. */
export const callDetailsPatchSchema = z
  .object({
    whoId: salesforceId.nullable().optional(),
    whatId: salesforceId.nullable().optional(),
    dispositions: z.array(z.string().min(1).max(255)).max(20).optional(),
    tags: z.array(z.string().min(1).max(80)).max(50).optional(),
    notes: z.string().max(32_000).optional()
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'name at least one field to change');

export const voiceCommandSchema = z.discriminatedUnion('command', [
  bare('accept'),
  bare('decline'),
  bare('hold'),
  bare('resume'),
  bare('mute'),
  bare('unmute'),
  bare('recordStart'),
  bare('recordStop'),
  bare('mask'),
  bare('unmask'),
  z.object({
    command: z.literal('sendDigits'),
    // DTMF keys; "," is a pause, as on a phone's dial string.
    args: z.object({ digits: z.string().regex(/^[0-9*#ABCD,]{1,64}$/, 'keypad keys 0-9 * # A-D and "," only') })
  }),
  bare('end'),
  z.object({ command: z.literal('consult'), args: z.object({ target: callTargetSchema }) }),
  bare('cancelConsult'),
  bare('merge'),
  bare('completeTransfer'),
  z.object({ command: z.literal('blindTransfer'), args: z.object({ target: callTargetSchema }) }),
  z.object({ command: z.literal('setDetails'), args: callDetailsPatchSchema }),
  bare('wrapUpDone')
]);

export type VoiceCommand = z.infer<typeof voiceCommandSchema>;
export type VoiceCommandName = VoiceCommand['command'];
export type CallDetailsPatch = z.infer<typeof callDetailsPatchSchema>;

/** Every command of the channel, in the order the panel shows them. */
export const VOICE_COMMANDS = [
  'accept',
  'decline',
  'hold',
  'resume',
  'mute',
  'unmute',
  'recordStart',
  'recordStop',
  'mask',
  'unmask',
  'sendDigits',
  'end',
  'consult',
  'cancelConsult',
  'merge',
  'completeTransfer',
  'blindTransfer',
  'setDetails',
  'wrapUpDone'
] as const satisfies readonly VoiceCommandName[];
