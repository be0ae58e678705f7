// Describe results in Salesforce's shape (the keys jsforce's DescribeSObjectResult reads), built from the schema.
import type { Schema } from '../schema/registry';
import type { FieldDef, ObjectDef } from '../schema/types';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime'
};

function describeField(field: FieldDef) {
  const isText = !SOAP_TYPES[field.type];
  return {
    aggregatable: field.type !== 'textarea',
    autoNumber: field.autoNumber,
    byteLength: isText || field.type === 'id' || field.type === 'reference' ? field.length * 3 : 0,
    calculated: field.calculated,
    calculatedFormula: null,
    cascadeDelete: false,
    caseSensitive: field.caseSensitive,
    compoundFieldName: null,
    controllerName: null,
    createable: field.createable,
    custom: field.custom,
    // A picklist's default is flagged in picklistValues; defaultValue carries only checkbox defaults here.
    defaultValue: field.type === 'boolean' ? (field.defaultValue ?? false) : null,
    defaultValueFormula: null,
    defaultedOnCreate: field.defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: field.type === 'int' ? field.precision : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: field.externalId,
    extraTypeInfo: null,
    filterable: field.type !== 'textarea',
    filteredLookupInfo: null,
    groupable: !['textarea', 'double', 'percent', 'currency', 'datetime'].includes(field.type),
    highScaleNumber: false,
    htmlFormatted: false,
    idLookup: field.name === 'Id' || field.externalId,
    inlineHelpText: null,
    label: field.label,
    length: isText ? field.length : field.type === 'id' || field.type === 'reference' ? 18 : 0,
    mask: null,
    maskType: null,
    name: field.name,
    nameField: field.nameField,
    namePointing: field.referenceTo.length > 1,
    nillable: field.nillable,
    permissionable: field.nillable && !field.calculated,
    picklistValues: (field.picklist?.values ?? []).map((value) => ({
      active: true,
      defaultValue: value === field.picklist?.defaultValue,
      label: value,
      validFor: null,
      value
    })),
    polymorphicForeignKey: field.referenceTo.length > 1,
    precision: field.type === 'int' ? 0 : field.precision,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: [...field.referenceTo],
    relationshipName: field.relationshipName,
    relationshipOrder: null,
    restrictedDelete: false,
    restrictedPicklist: field.picklist?.restricted ?? false,
    scale: field.scale,
    searchPrefilterable: false,
    soapType: SOAP_TYPES[field.type] ?? 'xsd:string',
    sortable: field.type !== 'textarea' && field.type !== 'multipicklist',
    type: field.type,
    unique: field.unique,
    updateable: field.updateable,
    writeRequiresMasterRead: false
  };
}

function urls(version: string, obj: ObjectDef) {
  const base = `/services/data/v${version}/sobjects/${obj.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

/** The per-object summary used by the global describe and GET /sobjects/<Obj>. */
export function objectSummary(version: string, obj: ObjectDef) {
  return {
    activateable: false,
    createable: obj.createable,
    custom: obj.custom,
    customSetting: false,
    deletable: obj.deletable,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isSubtype: false,
    keyPrefix: obj.keyPrefix,
    label: obj.label,
    labelPlural: obj.labelPlural,
    layoutable: obj.createable,
    mergeable: false,
    mruEnabled: false,
    name: obj.name,
    queryable: obj.queryable,
    replicateable: true,
    retrieveable: true,
    searchable: obj.createable,
    triggerable: obj.createable,
    undeletable: obj.deletable,
    updateable: obj.updateable,
    urls: urls(version, obj)
  };
}

const SYSTEM_REFERENCES = new Set(['CreatedById', 'LastModifiedById', 'OwnerId']);

function childRelationships(schema: Schema, parent: ObjectDef) {
  return schema.objects.flatMap((child) =>
    child.fields
      .filter((field) => field.referenceTo.includes(parent.name))
      .map((field) => ({
        cascadeDelete: false,
        childSObject: child.name,
        deprecatedAndHidden: false,
        field: field.name,
        junctionIdListNames: [],
        junctionReferenceTo: [],
        relationshipName: SYSTEM_REFERENCES.has(field.name) ? null : child.labelPlural.replace(/[^A-Za-z]/g, ''),
        restrictedDelete: false
      }))
  );
}

export function describeObject(schema: Schema, version: string, obj: ObjectDef) {
  return {
    ...objectSummary(version, obj),
    actionOverrides: [],
    childRelationships: childRelationships(schema, obj),
    compactLayoutable: obj.createable,
    fields: obj.fields.map(describeField),
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    supportedScopes: [{ label: 'All records', name: 'everything' }],
    urls: {
      ...urls(version, obj),
      compactLayouts: `/services/data/v${version}/sobjects/${obj.name}/describe/compactLayouts`
    }
  };
}

export function describeGlobal(schema: Schema, version: string) {
  return { encoding: 'UTF-8', maxBatchSize: 200, sobjects: schema.objects.map((obj) => objectSummary(version, obj)) };
}
