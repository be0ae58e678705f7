// Fields the platform computes: full names, closed flags, auto numbers, Task.AccountId.
import { keyPrefixOf } from '../ids/salesforceId';
import type { ObjectDef, RecordValues } from '../schema/types';
import { selectById } from '../store/rows';
import { isoNow, type DataContext } from './context';

const AUTO_NUMBER: Record<string, { field: string; format: (n: number) => string }> = {
  Case: { field: 'CaseNumber', format: (n) => String(1000 + n).padStart(8, '0') },
  AgentWork: { field: 'Name', format: (n) => `AW-${String(n).padStart(8, '0')}` },
  PendingServiceRouting: { field: 'Name', format: (n) => `PSR-${String(n).padStart(8, '0')}` },
  UserServicePresence: { field: 'Name', format: (n) => `USP-${String(n).padStart(8, '0')}` },
  Interaction__c: { field: 'Name', format: (n) => `INT-${String(n).padStart(6, '0')}` }
};

export function autoNumber(obj: ObjectDef, n: number): RecordValues {
  const spec = AUTO_NUMBER[obj.name];
  return spec ? { [spec.field]: spec.format(n) } : {};
}

function fullName(record: RecordValues): string {
  return [record.FirstName, record.LastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
}

async function accountOfTask(ctx: DataContext, record: RecordValues): Promise<string | null> {
  const what = typeof record.WhatId === 'string' ? record.WhatId : null;
  if (what && keyPrefixOf(what) === '001') return what;
  const lookups: [string | null, string][] = [
    [what && keyPrefixOf(what) === '500' ? what : null, 'Case'],
    [typeof record.WhoId === 'string' && keyPrefixOf(record.WhoId) === '003' ? record.WhoId : null, 'Contact']
  ];
  for (const [id, objectName] of lookups) {
    const obj = ctx.schema.object(objectName);
    if (!id || !obj) continue;
    const parent = await selectById(ctx.sql, obj, id);
    if (parent && typeof parent.AccountId === 'string') return parent.AccountId;
  }
  return null;
}

/** Recomputes derived fields in place; before is the stored record on update (null on insert). */
export async function derive(ctx: DataContext, obj: ObjectDef, record: RecordValues, before: RecordValues | null) {
  switch (obj.name) {
    case 'Contact':
    case 'Lead':
    case 'User':
      record.Name = fullName(record);
      break;
    case 'Task': {
      record.IsClosed = record.Status === 'Completed';
      record.IsHighPriority = record.Priority === 'High';
      const wasClosed = before?.IsClosed === true;
      if (record.IsClosed && !wasClosed) record.CompletedDateTime = isoNow(ctx);
      if (!record.IsClosed) record.CompletedDateTime = null;
      record.AccountId = await accountOfTask(ctx, record);
      break;
    }
    case 'Case': {
      // Like the platform, a case with a contact but no account takes the contact's account.
      const contactObj = ctx.schema.object('Contact');
      if (typeof record.ContactId === 'string' && !record.AccountId && contactObj) {
        const contact = await selectById(ctx.sql, contactObj, record.ContactId);
        record.AccountId = typeof contact?.AccountId === 'string' ? contact.AccountId : null;
      }
      record.IsClosed = record.Status === 'Closed';
      if (record.IsClosed && before?.IsClosed !== true) record.ClosedDate = isoNow(ctx);
      if (!record.IsClosed) record.ClosedDate = null;
      break;
    }
    default:
      // Custom metadata: without a namespace the qualified name is the record name, and Label is MasterLabel.
      if (obj.name.endsWith('__mdt')) {
        record.QualifiedApiName = record.DeveloperName ?? null;
        record.Label = record.MasterLabel ?? null;
      }
      break;
  }
}
