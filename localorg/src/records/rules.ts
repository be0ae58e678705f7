// The org's validation rules (Setup > Validation Rules), refused with FIELD_CUSTOM_VALIDATION_EXCEPTION.
import type { RecordValues } from '../schema/types';
import { sfError, type SfError } from './errors';

interface ValidationRule {
  objectName: string;
  name: string;
  /** True when the record violates the rule. */
  violated(record: RecordValues): boolean;
  message: string;
  field?: string;
}

export const VALIDATION_RULES: readonly ValidationRule[] = [
  {
    objectName: 'Task',
    name: 'Call_Duration_Not_Negative',
    violated: (r) => typeof r.CallDurationInSeconds === 'number' && r.CallDurationInSeconds < 0,
    message: 'Call duration cannot be negative.',
    field: 'CallDurationInSeconds'
  }
];

export function checkRules(objectName: string, record: RecordValues): SfError[] {
  return VALIDATION_RULES.filter((rule) => rule.objectName === objectName && rule.violated(record)).map((rule) =>
    sfError('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message, rule.field ? [rule.field] : [])
  );
}
