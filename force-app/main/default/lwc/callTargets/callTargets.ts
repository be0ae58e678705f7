// V4, V6, V7: a call target (consult, transfer, conference party) as a person reads it, from the directories:
// an agent's or queue's name, an address-book contact's name, else the number itself.
import type { AddressBookDirectory, AgentEntry, CallTarget, QueuesDirectory } from 'c/connectorProtocol';

export interface TargetDirectories {
  agents?: AgentEntry[] | null;
  queues?: QueuesDirectory['queues'] | null;
  addressBook?: AddressBookDirectory['entries'] | null;
}

export function targetName(target: CallTarget | null | undefined, directories: TargetDirectories = {}): string {
  if (!target) return '';
  switch (target.kind) {
    case 'agent':
      return (directories.agents ?? []).find((a) => a.agentId === target.agentId)?.name ?? target.agentId;
    case 'queue':
      return (directories.queues ?? []).find((q) => q.id === target.queueId)?.name ?? target.queueId;
    case 'contact':
      return (directories.addressBook ?? []).find((e) => e.id === target.contactId)?.name ?? target.number;
    default:
      return target.number;
  }
}

/** V9, V10: a new client-made interaction id for `dial` (the dial schema takes any id of 1-100 characters). */
export function newCallId(): string {
  const crypto = globalThis.crypto as Crypto | undefined;
  if (crypto && typeof crypto.randomUUID === 'function') return `voice-${crypto.randomUUID()}`;
  const bytes = new Uint8Array(16);
  if (crypto && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `voice-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
