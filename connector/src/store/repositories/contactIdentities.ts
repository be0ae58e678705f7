// Contact identities: which contact a channel address belongs to (an E.164 number, an e-mail address, a Messenger
// id ...), so a returning customer is recognised (S6 screen pop, D6 notes, C16 history). Addresses are stored as
// given: the caller normalises them (E.164, lower-case e-mail) before put and get.
import { z } from 'zod';
import { CHANNELS, type Channel } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import { checkArgs, idText, parseRows } from '../sqlValues';

export interface ContactIdentity {
  channel: Channel;
  address: string;
  contactId: string;
}

const row = z
  .object({ channel: z.enum(CHANNELS), address: z.string(), contact_id: z.string() })
  .transform((r): ContactIdentity => ({ channel: r.channel, address: r.address, contactId: r.contact_id }));

const identityArgs = z.object({ channel: z.enum(CHANNELS), address: idText, contactId: idText });

/** The contact id for the address, or null when the address is unknown. */
export async function get(q: Queryable, channel: Channel, address: string): Promise<string | null> {
  const result = await q.query(
    'SELECT channel, address, contact_id FROM contact_identities WHERE channel = $1 AND address = $2',
    [channel, address]
  );
  return parseRows('contact_identities', row, result.rows)[0]?.contactId ?? null;
}

/** Links the address to the contact; a later put for the same address wins (contacts get merged). */
export async function put(q: Queryable, identity: ContactIdentity): Promise<void> {
  checkArgs('contact identity', identityArgs, identity);
  await q.query(
    `INSERT INTO contact_identities (channel, address, contact_id) VALUES ($1, $2, $3)
     ON CONFLICT (channel, address) DO UPDATE SET contact_id = EXCLUDED.contact_id`,
    [identity.channel, identity.address, identity.contactId]
  );
}

/** Every address known for the contact, by channel then address. */
export async function listByContact(q: Queryable, contactId: string): Promise<ContactIdentity[]> {
  const result = await q.query(
    'SELECT channel, address, contact_id FROM contact_identities WHERE contact_id = $1 ORDER BY channel, address',
    [contactId]
  );
  return parseRows('contact_identities', row, result.rows);
}
