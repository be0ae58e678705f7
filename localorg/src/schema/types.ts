// What the local org knows about an sObject and its fields: the subset of describe that drives validation and SOQL.
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'email'
  | 'phone'
  | 'url'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'reference';

export type FieldValue = string | number | boolean | null;
export type RecordValues = Record<string, FieldValue>;

export interface PicklistDef {
  values: readonly string[];
  restricted: boolean;
  defaultValue?: string;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  nameField: boolean;
  custom: boolean;
  calculated: boolean;
  autoNumber: boolean;
  picklist?: PicklistDef;
  referenceTo: readonly string[];
  relationshipName: string | null;
  /** Value stored on insert when the request leaves the field out (defaultedOnCreate fields). */
  defaultValue?: FieldValue;
  precision: number;
  scale: number;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: readonly FieldDef[];
}
