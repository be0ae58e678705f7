// External ids on Task and Interaction__c are Text(80): a longer key is replaced by a stable hash of it, so the same
// write still always lands on the same record (S5).
import { createHash } from 'node:crypto';

export const EXTERNAL_ID_MAX = 80;

export function externalKey(key: string): string {
  if (key.length <= EXTERNAL_ID_MAX) return key;
  return `h:${createHash('sha256').update(key).digest('hex')}`;
}
