// Identifiers the simulator hands out, as a telephony or messaging vendor would: interaction ids with a channel
// prefix, the provider's call ids, message ids and the human-readable interaction numbers of digital work (D5).
import { randomUUID } from 'node:crypto';
import type { Channel } from '../../interactions/kernel/types';

export interface IdSource {
  /** A unique token; crypto.randomUUID in the running connector, a counter in tests. */
  uuid(): string;
  /** D5: "D-000123". */
  interactionNumber(): string;
}

export function defaultIdSource(firstNumber = 1): IdSource {
  let next = firstNumber;
  return {
    uuid: () => randomUUID(),
    interactionNumber: () => `D-${String(next++).padStart(6, '0')}`
  };
}

export const interactionIdFor = (ids: IdSource, channel: Channel): string => `${channel}-${ids.uuid()}`;

/** Every offer after the first is a new leg of the same customer contact: `<contactId>.<n>` (n from 2). */
export const legIdFor = (contactId: string, legNumber: number): string =>
  legNumber <= 1 ? contactId : `${contactId}.${legNumber}`;
