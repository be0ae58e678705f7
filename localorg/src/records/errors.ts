// Salesforce's error shape, [{message, errorCode, fields}], and the sentences it uses for each code.
import type { FieldDef } from '../schema/types';

export interface SfError {
  message: string;
  errorCode: string;
  fields?: string[];
}

export const sfError = (errorCode: string, message: string, fields?: string[]): SfError =>
  fields === undefined ? { message, errorCode } : { message, errorCode, fields };

export const errors = {
  notFound: () => sfError('NOT_FOUND', 'The requested resource does not exist'),
  entityDeleted: () => sfError('ENTITY_IS_DELETED', 'entity is deleted', []),
  unknownField: (field: string, objectName: string) =>
    sfError('INVALID_FIELD', `No such column '${field}' on sobject of type ${objectName}`),
  readOnly: (fields: string[]) =>
    sfError(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      fields
    ),
  required: (fields: string[]) =>
    sfError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields),
  tooLong: (field: FieldDef, value: string) =>
    sfError('STRING_TOO_LONG', `${field.label}: data value too large: ${value} (max length=${field.length})`, [
      field.name
    ]),
  badPicklist: (field: FieldDef, value: string) =>
    sfError(
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      `${field.label}: bad value for restricted picklist field: ${value}`,
      [field.name]
    ),
  badEmail: (field: FieldDef, value: string) =>
    sfError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${value}`, [field.name]),
  malformedId: (field: FieldDef, value: string) =>
    sfError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]),
  wrongIdType: (field: FieldDef, value: string) =>
    sfError('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${value}`, [field.name]),
  badReference: (field: FieldDef) => sfError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field.name]),
  notDeserializable: (field: FieldDef, typeName: string, value: unknown) =>
    sfError(
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${typeName} from VALUE_STRING value ${String(value)} or request may be missing a required field`,
      [field.name]
    ),
  outOfRange: (field: FieldDef, value: unknown) =>
    sfError(
      'NUMBER_OUTSIDE_VALID_RANGE',
      `${field.label}: value outside of valid range on numeric field: ${String(value)}`,
      [field.name]
    ),
  duplicate: (field: FieldDef, existingId: string) =>
    sfError(
      'DUPLICATE_VALUE',
      `duplicate value found: ${field.name} duplicates value on record with id: ${existingId}`,
      []
    ),
  unsupported: (objectName: string, operation: 'insert' | 'update' | 'delete') =>
    sfError('INVALID_TYPE_FOR_OPERATION', `entity type ${objectName} does not support ${operation}`),
  invalidType: (objectName: string) =>
    sfError(
      'INVALID_TYPE',
      `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
    ),
  malformedRecordId: (objectName: string, id: string) =>
    sfError('MALFORMED_ID', `${objectName} ID: id value of incorrect type: ${id}`)
};
