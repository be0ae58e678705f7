import { z } from 'zod';

/** Panel commands on the agent's own presence (A1). */
export const presenceCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('goAvailable') }).strict(),
  z
    .object({ command: z.literal('goBusy'), args: z.object({ reasonCode: z.string().min(1).max(40) }).strict() })
    .strict(),
  z.object({ command: z.literal('goOffline') }).strict()
]);
export type PresenceCommand = z.infer<typeof presenceCommandSchema>;
export type PresenceCommandName = PresenceCommand['command'];

/** A2: Omni-Channel reported a status change, already mapped from its ServicePresenceStatus to ours. */
export const omniPresenceEventSchema = z
  .object({
    type: z.literal('omni.statusChanged'),
    status: z.enum(['Available', 'Busy', 'Offline']),
    reasonCode: z.string().min(1).max(40).nullable().default(null),
    /** When the change was made on the Omni side (for the lastChange policy). */
    changedAt: z.number().int().nonnegative()
  })
  .strict();
export type OmniPresenceEvent = z.infer<typeof omniPresenceEventSchema>;
