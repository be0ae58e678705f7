// Case-insensitive lookups over the modelled objects, as the API resolves names ("task", "TASK" and "Task" alike).
import { account, caseObject, interaction } from './objects/crm';
import {
  agentWork,
  pendingServiceRouting,
  serviceChannel,
  servicePresenceStatus,
  userServicePresence
} from './objects/omni';
import { group, groupMember, quickText } from './objects/org';
import { contact, lead, user } from './objects/people';
import { METADATA_TYPES } from './objects/settings';
import { task } from './objects/task';
import type { FieldDef, ObjectDef } from './types';

export const ALL_OBJECTS: readonly ObjectDef[] = [
  account,
  agentWork,
  caseObject,
  contact,
  group,
  groupMember,
  interaction,
  lead,
  pendingServiceRouting,
  quickText,
  serviceChannel,
  servicePresenceStatus,
  task,
  user,
  userServicePresence,
  ...METADATA_TYPES
];

export interface Relationship {
  field: FieldDef;
  targets: readonly ObjectDef[];
}

export class Schema {
  private readonly byName = new Map<string, ObjectDef>();
  private readonly byPrefix = new Map<string, ObjectDef>();
  private readonly fieldIndex = new Map<string, Map<string, FieldDef>>();
  private readonly relationIndex = new Map<string, Map<string, FieldDef>>();

  constructor(readonly objects: readonly ObjectDef[] = ALL_OBJECTS) {
    for (const obj of objects) {
      this.byName.set(obj.name.toLowerCase(), obj);
      this.byPrefix.set(obj.keyPrefix, obj);
      const fields = new Map<string, FieldDef>();
      const relations = new Map<string, FieldDef>();
      for (const field of obj.fields) {
        fields.set(field.name.toLowerCase(), field);
        if (field.relationshipName) relations.set(field.relationshipName.toLowerCase(), field);
      }
      this.fieldIndex.set(obj.name, fields);
      this.relationIndex.set(obj.name, relations);
    }
  }

  object(name: string): ObjectDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  objectForPrefix(prefix: string): ObjectDef | undefined {
    return this.byPrefix.get(prefix);
  }

  field(obj: ObjectDef, name: string): FieldDef | undefined {
    return this.fieldIndex.get(obj.name)?.get(name.toLowerCase());
  }

  relationship(obj: ObjectDef, relationshipName: string): Relationship | undefined {
    const field = this.relationIndex.get(obj.name)?.get(relationshipName.toLowerCase());
    if (!field) return undefined;
    const targets = field.referenceTo.map((t) => this.object(t)).filter((t): t is ObjectDef => t !== undefined);
    return { field, targets };
  }
}
