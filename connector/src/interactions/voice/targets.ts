// V4: who a call can be consulted with or transferred to.
import { z } from 'zod';
import { externalId as id } from './ids';

/** Raw as typed; the machine normalises it (V9) and refuses it with INVALID_NUMBER when it is not dialable. */
const typedNumber = z.string().min(1).max(40);

export const callTargetSchema = z.discriminatedUnion('kind', [
  /** Another agent of this contact centre (the panel lists them with live presence). */
  z.object({ kind: z.literal('agent'), agentId: id }),
  /** A queue or skill: whoever answers first there takes the call. */
  z.object({ kind: z.literal('queue'), queueId: id }),
  /** An address-book contact, called on one of their numbers. */
  z.object({ kind: z.literal('contact'), contactId: id, number: typedNumber }),
  /** Any number typed on the keypad. */
  z.object({ kind: z.literal('number'), number: typedNumber })
]);

export type CallTarget = z.infer<typeof callTargetSchema>;
