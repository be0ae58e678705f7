// S5: one finished interaction -> one Task, upserted by Interaction_Key__c (the outbox dedupe key), so a retry updates
// the Task it already made instead of making a second one.
import type { Channel } from '../../interactions/kernel/types';
import type { TaskLogOperation } from '../operation';
import { externalKey } from './keys';
import { fit } from './soql';

/** Field lengths on Task (standard fields, and the custom ones the package deploys). */
const SUBJECT_MAX = 255;
const CALL_DISPOSITION_MAX = 255;
const CALL_OBJECT_MAX = 255;
const TAGS_MAX = 255;
const DESCRIPTION_MAX = 32_000;

/** TaskSubtype is create-only: it is sent when the upsert may create, and left out when the Task already exists. */
export function taskSubtypeOf(channel: Channel): 'Call' | 'Email' | 'Task' {
  if (channel === 'voice') return 'Call';
  if (channel === 'email') return 'Email';
  return 'Task';
}

export function taskTypeOf(channel: Channel): 'Call' | 'Email' | 'Other' {
  if (channel === 'voice') return 'Call';
  if (channel === 'email') return 'Email';
  return 'Other';
}

export function callTypeOf(direction: TaskLogOperation['direction']): 'Inbound' | 'Outbound' | 'Internal' {
  if (direction === 'inbound') return 'Inbound';
  if (direction === 'internal') return 'Internal';
  return 'Outbound'; // outbound and callback: the agent dialled
}

/** YYYY-MM-DD of an instant, in UTC. */
export function activityDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The Task's external id: the outbox dedupe key, hashed when longer than the field. */
export function taskKey(dedupeKey: string): string {
  return externalKey(dedupeKey);
}

/**
 * The Task's fields. Every chosen disposition goes to CallDisposition (";"-separated, as multi-select values are); when they do not fit its 255
 * characters the full list is added to the Description, so nothing chosen is lost.
 */
export function taskFields(op: TaskLogOperation, options: { withSubtype: boolean }): Record<string, unknown> {
  const dispositions = op.details.dispositions.join(';');
  const tags = op.details.tags.join(';');
  const overflow: string[] = [];
  if (dispositions.length > CALL_DISPOSITION_MAX) overflow.push(`Dispositions: ${dispositions}`);
  if (tags.length > TAGS_MAX) overflow.push(`Tags: ${tags}`);
  const description = [op.details.notes, ...overflow].filter((part) => part.trim() !== '').join('\n\n');
  const fields: Record<string, unknown> = {
    Subject: fit(op.subject.trim() === '' ? 'Interaction' : op.subject, SUBJECT_MAX),
    Status: 'Completed',
    ActivityDate: activityDate(op.endedAt),
    OwnerId: op.agentId,
    WhoId: op.details.whoId,
    WhatId: op.details.whatId,
    Type: taskTypeOf(op.channel),
    Channel__c: op.channel,
    CallDurationInSeconds: Math.max(0, Math.round(op.durationSeconds)),
    CallDisposition: dispositions === '' ? null : fit(dispositions, CALL_DISPOSITION_MAX),
    CallObject: op.providerCallId === null ? null : fit(op.providerCallId, CALL_OBJECT_MAX),
    Description: description === '' ? null : fit(description, DESCRIPTION_MAX),
    Tags__c: tags === '' ? null : fit(tags, TAGS_MAX)
  };
  // CallType describes a phone call; other channels say what they are in Channel__c and Type.
  if (op.channel === 'voice') fields.CallType = callTypeOf(op.direction);
  if (options.withSubtype) fields.TaskSubtype = taskSubtypeOf(op.channel);
  return fields;
}
