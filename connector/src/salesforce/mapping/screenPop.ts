// S6: who is this customer? The caller's number, e-mail or the channel's digital id is matched against Contacts and
// open Leads. Both queries travel in one Composite call; the matches (none, one, several) go to the engine.
import { z } from 'zod';
import type { Channel } from '../../interactions/kernel/types';
import type { ScreenPopOperation } from '../operation';
import { looksLikeEmail, soqlString, toE164 } from './soql';

export interface ScreenPopMatch {
  objectType: 'Contact' | 'Lead';
  id: string;
  name: string;
  /** Contact: its account. Lead: none (see company). */
  accountId: string | null;
  accountName: string | null;
  /** Lead only. */
  company: string | null;
  email: string | null;
  phone: string | null;
}

export type ScreenPopOutcome = 'none' | 'one' | 'several';

/** S6: one match opens it, several show a picker, none offers to create a contact or lead. */
export function screenPopOutcome(matches: readonly ScreenPopMatch[]): ScreenPopOutcome {
  if (matches.length === 0) return 'none';
  return matches.length === 1 ? 'one' : 'several';
}

/** The most records a picker shows per object. */
export const SCREEN_POP_LIMIT = 20;

const PHONE_FIELDS = { Contact: ['Phone', 'MobilePhone', 'HomePhone'], Lead: ['Phone', 'MobilePhone'] } as const;

/** Which fields hold the address on each channel (the same digital id fields exist on Contact and Lead). */
function matchFields(channel: Channel, object: 'Contact' | 'Lead'): readonly string[] {
  switch (channel) {
    case 'voice':
    case 'sms':
      return PHONE_FIELDS[object];
    case 'whatsapp':
      // A WhatsApp id is a phone number: the WhatsApp field first, then the phones.
      return ['WhatsApp_Id__c', ...PHONE_FIELDS[object]];
    case 'email':
    case 'chat':
      return ['Email'];
    case 'messenger':
      return ['Messenger_Id__c'];
    case 'instagram':
      return ['Instagram_Id__c'];
    case 'x':
      return ['X_Id__c'];
  }
}

/** The value to compare: phones in E.164, e-mail addresses as given (SOQL compares text without case). */
export function matchValue(op: Pick<ScreenPopOperation, 'address' | 'channel'>): string | null {
  const address = op.address.trim();
  if (address === '') return null;
  if (op.channel === 'voice' || op.channel === 'sms' || op.channel === 'whatsapp') return toE164(address);
  if (op.channel === 'email' || op.channel === 'chat') return looksLikeEmail(address) ? address : null;
  return address;
}

/** The two SOQL queries of a screen pop, or null when the address cannot match anything (a chat without e-mail). */
export function screenPopQueries(op: Pick<ScreenPopOperation, 'address' | 'channel'>): {
  contacts: string;
  leads: string;
} | null {
  const value = matchValue(op);
  if (value === null) return null;
  const where = (object: 'Contact' | 'Lead') =>
    matchFields(op.channel, object)
      .map((field) => `${field} = ${soqlString(value)}`)
      .join(' OR ');
  return {
    contacts:
      `SELECT Id, Name, AccountId, Account.Name, Email, Phone FROM Contact WHERE ${where('Contact')} ` +
      `ORDER BY LastModifiedDate DESC LIMIT ${SCREEN_POP_LIMIT}`,
    leads:
      `SELECT Id, Name, Company, Email, Phone FROM Lead WHERE (${where('Lead')}) AND IsConverted = false ` +
      `ORDER BY LastModifiedDate DESC LIMIT ${SCREEN_POP_LIMIT}`
  };
}

const text = z.string().nullable().optional();
const contactRecord = z.object({
  Id: z.string(),
  Name: z.string().nullable(),
  AccountId: text,
  Account: z.object({ Name: text }).nullable().optional(),
  Email: text,
  Phone: text
});
const leadRecord = z.object({ Id: z.string(), Name: z.string().nullable(), Company: text, Email: text, Phone: text });
const contactsAnswer = z.object({ records: z.array(contactRecord) });
const leadsAnswer = z.object({ records: z.array(leadRecord) });

/** Reads the two query answers into matches, contacts first. Null when an answer has an unexpected shape. */
export function readScreenPop(contactsBody: unknown, leadsBody: unknown): ScreenPopMatch[] | null {
  const contacts = contactsAnswer.safeParse(contactsBody);
  const leads = leadsAnswer.safeParse(leadsBody);
  if (!contacts.success || !leads.success) return null;
  return [
    ...contacts.data.records.map((r) => {
      return {
        objectType: 'Contact' as const,
        id: r.Id,
        name: r.Name ?? '',
        accountId: r.AccountId ?? null,
        accountName: r.Account?.Name ?? null,
        company: null,
        email: r.Email ?? null,
        phone: r.Phone ?? null
      };
    }),
    ...leads.data.records.map((r) => {
      return {
        objectType: 'Lead' as const,
        id: r.Id,
        name: r.Name ?? '',
        accountId: null,
        accountName: null,
        company: r.Company ?? null,
        email: r.Email ?? null,
        phone: r.Phone ?? null
      };
    })
  ];
}
