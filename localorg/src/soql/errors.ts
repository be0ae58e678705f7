// SOQL refusals in Salesforce's words: the query echoed, a caret under the culprit, then the reason.
import { sfError, type SfError } from '../records/errors';

export class SoqlError extends Error {
  constructor(
    readonly errorCode: string,
    readonly reason: string,
    readonly token?: string
  ) {
    super(reason);
  }
}

/** First whole-word occurrence of token (so a field "A" is not found inside "Task"). */
function locate(soql: string, token: string): number {
  const escaped = token.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const wordStart = /^\w/.test(token.trim()) ? '(?<!\\w)' : '';
  const wordEnd = /\w$/.test(token.trim()) ? '(?![\\w])' : '';
  const match = new RegExp(`${wordStart}${escaped}${wordEnd}`, 'i').exec(soql);
  return match ? match.index : -1;
}

/** Builds the API error for a SOQL refusal, pointing at the first occurrence of the token in the query text. */
export function soqlErrorBody(soql: string, error: SoqlError): SfError {
  const index = error.token ? locate(soql, error.token) : -1;
  if (index < 0) return sfError(error.errorCode, error.reason);
  const before = soql.slice(0, index);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = index - lineStart + 1;
  const line = soql.split('\n')[row - 1] ?? soql;
  const caret = `${' '.repeat(column - 1)}^`;
  return sfError(error.errorCode, `\n${line}\n${caret}\nERROR at Row:${row}:Column:${column}\n${error.reason}`);
}

export const soqlErrors = {
  noSuchColumn: (field: string, entity: string) =>
    new SoqlError(
      'INVALID_FIELD',
      `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      field
    ),
  badRelationship: (relationship: string) =>
    new SoqlError(
      'INVALID_FIELD',
      `Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      relationship
    ),
  unknownObject: (name: string) =>
    new SoqlError(
      'INVALID_TYPE',
      `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      name
    ),
  filterType: (field: string, type: string, quoted: boolean) =>
    new SoqlError(
      'INVALID_QUERY_FILTER_OPERATOR',
      `value of filter criterion for field '${field}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
      field
    ),
  invalidId: (value: string) => new SoqlError('INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${value}`, value),
  malformed: (reason: string, token?: string) => new SoqlError('MALFORMED_QUERY', reason, token),
  unsupported: (what: string, token?: string) =>
    new SoqlError('MALFORMED_QUERY', `${what} is not supported by the local org`, token)
};
