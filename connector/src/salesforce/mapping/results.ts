// Reading one operation's part of a Composite answer: done, failed (with why), or "the Task already exists" (an
// earlier attempt created it; send it again without the create-only TaskSubtype).
import type { CompositeSubresponse } from '../client';
import { failure, firstSalesforceError, type SyncFailure } from '../failures';
import type { OperationPlan } from './plan';
import type { RoutedWork } from './acceptGuard';
import { readScreenPop, type ScreenPopMatch } from './screenPop';

export type OperationResult =
  | { status: 'done'; screenPop?: ScreenPopMatch[]; routed?: RoutedWork }
  | { status: 'failed'; failure: SyncFailure }
  | { status: 'taskExists' };

/** Salesforce's code for "this subrequest referred to one that failed": the referred one holds the real error. */
const HALTED = 'PROCESSING_HALTED';

function failureOf(response: CompositeSubresponse): SyncFailure {
  const error = firstSalesforceError(response.body);
  if (!error)
    return failure(`ERROR_HTTP_${response.httpStatusCode}`, 'Salesforce refused the write.', response.httpStatusCode);
  return failure(error.code, error.message, response.httpStatusCode, error.fields);
}

/** The first failure among the subrequests, preferring a real error over the halts it caused. */
function firstFailure(responses: CompositeSubresponse[]): SyncFailure | null {
  const failed = responses.filter((r) => r.httpStatusCode >= 400).map(failureOf);
  return failed.find((f) => f.code !== HALTED) ?? failed[0] ?? null;
}

/** The record id a create or upsert answered with. */
function idOf(body: unknown): string | null {
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

export function readOperation(
  plan: Exclude<OperationPlan, { read: 'unsupported' }>,
  answers: ReadonlyMap<string, CompositeSubresponse>
): OperationResult {
  const responses: CompositeSubresponse[] = [];
  for (const sub of plan.subrequests) {
    const answer = answers.get(sub.referenceId);
    if (!answer) {
      return { status: 'failed', failure: failure('UNEXPECTED_ANSWER', `No answer for ${sub.referenceId}.`, 500) };
    }
    responses.push(answer);
  }
  const failed = firstFailure(responses);
  if (plan.read === 'task' && failed && plan.withSubtype && failed.code === 'INVALID_FIELD_FOR_INSERT_UPDATE') {
    const aboutSubtype = (failed.fields ?? []).includes('TaskSubtype') || failed.message.includes('TaskSubtype');
    if (aboutSubtype) return { status: 'taskExists' };
  }
  if (failed) return { status: 'failed', failure: failed };
  if (plan.read === 'route') {
    if (plan.known) return { status: 'done', routed: plan.known };
    const item = idOf(answers.get(plan.refs.item)?.body);
    const work = idOf(answers.get(plan.refs.work)?.body);
    if (item === null || work === null) {
      return {
        status: 'failed',
        failure: failure('UNEXPECTED_ANSWER', 'The routed work answered without its ids.', 500)
      };
    }
    return { status: 'done', routed: { workItemId: item, workId: work } };
  }
  if (plan.read !== 'screenPop') return { status: 'done' };
  if (responses.length === 0) return { status: 'done', screenPop: [] };
  const [contacts, leads] = responses;
  const matches = readScreenPop(contacts?.body, leads?.body);
  return matches === null
    ? { status: 'failed', failure: failure('UNEXPECTED_ANSWER', 'A screen pop query answered in an unknown shape.') }
    : { status: 'done', screenPop: matches };
}
