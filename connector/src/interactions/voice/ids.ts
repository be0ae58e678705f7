// Identifier shapes shared by the voice schemas.
import { z } from 'zod';

export const salesforceId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'a 15 or 18 character Salesforce id');
export const externalId = z.string().min(1).max(100);

/** Contacts (003) and leads (00Q) are a Task's Name (WhoId); any other record is its Related To (WhatId). */
export const isWhoRecord = (recordId: string): boolean => /^(003|00Q)/.test(recordId);
