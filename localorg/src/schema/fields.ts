// Compact builders for field definitions, so each object file reads like its Setup page.
import type { FieldDef, FieldType, FieldValue } from './types';

export interface FieldOptions {
  label?: string;
  /** nillable=false: the API refuses a missing value unless the field has a default. */
  required?: boolean;
  /** Neither createable nor updateable (system or calculated). */
  readOnly?: boolean;
  /** Createable, not updateable. */
  createOnly?: boolean;
  unique?: boolean;
  externalId?: boolean;
  caseSensitive?: boolean;
  nameField?: boolean;
  calculated?: boolean;
  autoNumber?: boolean;
  defaultValue?: FieldValue;
  /** Set by the platform on create (owner, timestamps) even when the request has no value. */
  defaulted?: boolean;
}

function labelOf(name: string): string {
  const base = name.replace(/__c$/, '').replace(/Id$/, '').replace(/_/g, ' ');
  return base.replace(/([a-z])([A-Z])/g, '$1 $2').trim() || name;
}

function build(
  name: string,
  type: FieldType,
  length: number,
  options: FieldOptions,
  extra: Partial<FieldDef>
): FieldDef {
  const readOnly = options.readOnly === true || options.calculated === true || options.autoNumber === true;
  const hasDefault = options.defaultValue !== undefined || options.defaulted === true;
  return {
    name,
    label: options.label ?? labelOf(name),
    type,
    length,
    nillable: type === 'boolean' ? false : options.required !== true,
    createable: !readOnly,
    updateable: !readOnly && options.createOnly !== true,
    defaultedOnCreate: hasDefault || type === 'boolean',
    unique: options.unique === true,
    externalId: options.externalId === true,
    caseSensitive: options.caseSensitive === true,
    nameField: options.nameField === true,
    custom: name.endsWith('__c'),
    calculated: options.calculated === true,
    autoNumber: options.autoNumber === true,
    referenceTo: [],
    relationshipName: null,
    defaultValue: options.defaultValue ?? (type === 'boolean' ? false : undefined),
    precision: 0,
    scale: 0,
    ...extra
  };
}

export const f = {
  text: (name: string, length = 255, o: FieldOptions = {}) => build(name, 'string', length, o, {}),
  textarea: (name: string, length = 32000, o: FieldOptions = {}) => build(name, 'textarea', length, o, {}),
  email: (name: string, o: FieldOptions = {}) => build(name, 'email', 80, o, {}),
  phone: (name: string, o: FieldOptions = {}) => build(name, 'phone', 40, o, {}),
  url: (name: string, o: FieldOptions = {}) => build(name, 'url', 255, o, {}),
  bool: (name: string, o: FieldOptions = {}) => build(name, 'boolean', 0, o, {}),
  int: (name: string, o: FieldOptions = {}) => build(name, 'int', 0, o, { precision: 9 }),
  double: (name: string, o: FieldOptions = {}) => build(name, 'double', 0, o, { precision: 18, scale: 2 }),
  percent: (name: string, o: FieldOptions = {}) => build(name, 'percent', 0, o, { precision: 5, scale: 2 }),
  date: (name: string, o: FieldOptions = {}) => build(name, 'date', 0, o, {}),
  datetime: (name: string, o: FieldOptions = {}) => build(name, 'datetime', 0, o, {}),
  picklist: (
    name: string,
    values: readonly string[],
    o: FieldOptions & { restricted?: boolean; multi?: boolean; combobox?: boolean } = {}
  ) =>
    build(name, o.multi ? 'multipicklist' : o.combobox ? 'combobox' : 'picklist', o.multi ? 4099 : 255, o, {
      picklist: {
        values,
        restricted: o.restricted === true,
        ...(typeof o.defaultValue === 'string' ? { defaultValue: o.defaultValue } : {})
      }
    }),
  ref: (name: string, referenceTo: readonly string[], relationshipName: string, o: FieldOptions = {}) =>
    build(name, 'reference', 18, o, { referenceTo, relationshipName })
};

/** Id, audit fields and IsDeleted: present on every object, never writable through the API. */
export function systemFields(): FieldDef[] {
  return [
    build('Id', 'id', 18, { readOnly: true, required: true, defaulted: true, label: 'Record ID' }, {}),
    build('IsDeleted', 'boolean', 0, { readOnly: true, label: 'Deleted' }, {}),
    f.datetime('CreatedDate', { readOnly: true, required: true, defaulted: true }),
    f.ref('CreatedById', ['User'], 'CreatedBy', { readOnly: true, required: true, defaulted: true }),
    f.datetime('LastModifiedDate', { readOnly: true, required: true, defaulted: true }),
    f.ref('LastModifiedById', ['User'], 'LastModifiedBy', { readOnly: true, required: true, defaulted: true }),
    f.datetime('SystemModstamp', { readOnly: true, required: true, defaulted: true })
  ];
}

/** OwnerId as on most objects: defaults to the running user, a User or a queue (Group). */
export function ownerField(referenceTo: readonly string[] = ['User', 'Group']): FieldDef {
  return f.ref('OwnerId', referenceTo, 'Owner', { required: true, defaulted: true, label: 'Owner ID' });
}
