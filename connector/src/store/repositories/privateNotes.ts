// Private notes (D6): an agent's notes about a contact, shown to the same agent on the next interaction with that
// contact and to nobody else. Every read takes the author as a required argument, so no call can return another
// author's notes; there is deliberately no "list all notes of a contact".
import { z } from 'zod';
import type { Instant } from '../../interactions/kernel/types';
import type { Queryable } from '../db';
import { checkArgs, idText, instantColumn, parseRows, rowLimit, singleRow, toTimestamp } from '../sqlValues';

export interface PrivateNote {
  id: number;
  authorAgentId: string;
  /** Who the note is about: the contact id when known, else the channel's address (e.g. `sms:+4915...`). */
  contactKey: string;
  interactionId: string;
  body: string;
  at: Instant;
}

export type NewPrivateNote = Omit<PrivateNote, 'id'>;

const row = z
  .object({
    id: z.int().positive(),
    author_agent_id: z.string(),
    contact_key: z.string(),
    interaction_id: z.string(),
    body: z.string(),
    at: instantColumn
  })
  .transform((r): PrivateNote => ({
    id: r.id,
    authorAgentId: r.author_agent_id,
    contactKey: r.contact_key,
    interactionId: r.interaction_id,
    body: r.body,
    at: r.at
  }));

const noteArgs = z.object({ authorAgentId: idText, contactKey: idText, interactionId: idText, body: idText });
const readArgs = z.object({ authorAgentId: idText, contactKey: idText });

const COLUMNS = 'id, author_agent_id, contact_key, interaction_id, body, at';

export async function add(q: Queryable, note: NewPrivateNote): Promise<PrivateNote> {
  checkArgs('private note', noteArgs, note);
  const result = await q.query(
    `INSERT INTO private_notes (author_agent_id, contact_key, interaction_id, body, at)
     VALUES ($1, $2, $3, $4, $5::timestamptz)
     RETURNING ${COLUMNS}`,
    [note.authorAgentId, note.contactKey, note.interactionId, note.body, toTimestamp(note.at)]
  );
  return singleRow('private_notes', row, result.rows);
}

/** The author's own notes about the contact, newest first (at most limit, default 200). */
export async function listForAuthor(
  q: Queryable,
  reader: { authorAgentId: string; contactKey: string },
  options: { limit?: number } = {}
): Promise<PrivateNote[]> {
  const { authorAgentId, contactKey } = checkArgs('private note reader', readArgs, reader);
  const result = await q.query(
    `SELECT ${COLUMNS} FROM private_notes
      WHERE author_agent_id = $1 AND contact_key = $2
      ORDER BY at DESC, id DESC LIMIT $3`,
    [authorAgentId, contactKey, rowLimit(options.limit, 200)]
  );
  return parseRows('private_notes', row, result.rows);
}
