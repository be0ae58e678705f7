import { z } from 'zod';

export const presenceConfigSchema = z.object({
  /** A1: the configurable list of Busy reason codes. */
  busyReasons: z.array(z.string().min(1).max(40)).min(1).default(['Break', 'Lunch', 'Meeting', 'Training']),
  /** A2: which side wins when the softphone and Omni-Channel disagree. */
  conflictPolicy: z.enum(['softphone', 'omni', 'lastChange']).default('lastChange')
});
export type PresenceConfig = z.infer<typeof presenceConfigSchema>;
