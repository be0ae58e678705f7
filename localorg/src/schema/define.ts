// Assembles an object definition: the object's own fields after the system fields every sObject has.
import { systemFields } from './fields';
import type { FieldDef, ObjectDef } from './types';

export interface ObjectSpec {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  createable?: boolean;
  updateable?: boolean;
  deletable?: boolean;
  fields: FieldDef[];
}

export function defineObject(spec: ObjectSpec): ObjectDef {
  return {
    name: spec.name,
    label: spec.label,
    labelPlural: spec.labelPlural,
    keyPrefix: spec.keyPrefix,
    custom: spec.name.endsWith('__c'),
    createable: spec.createable ?? true,
    updateable: spec.updateable ?? true,
    deletable: spec.deletable ?? true,
    queryable: true,
    fields: [...systemFields(), ...spec.fields]
  };
}
