// Salesforce sync without Apex (S2–S7, C7): a jsforce connection as the integration user, the mapping from
// SyncOperation to REST, the outbox flusher, and the Quick Text catalog. See docs/sync.md.
export { SalesforceClient, createSalesforceClient } from './client';
export type { ApiLimits, CallOutcome, CompositeSubrequest, CompositeSubresponse, SalesforceApi } from './client';
export { parseSalesforceOptions, salesforceOptionsSchema } from './options';
export type { SalesforceAuth, SalesforceOptions, SalesforceOptionsInput } from './options';
export { SyncFlusher } from './flusher';
export type {
  FlushReport,
  FlusherDeps,
  ParkedWrite,
  RetryParkedResult,
  Scheduler,
  SyncState,
  SyncStatus
} from './flusher';
export { flusherOptionsSchema } from './flusherOptions';
export type { FlusherOptions, FlusherOptionsInput } from './flusherOptions';
export type { FailureKind, SyncFailure } from './failures';
export { QuickTextCatalog, quickTextChannelOf } from './quickText';
export type { QuickText, QuickTextResult } from './quickText';
export { screenPopOutcome } from './mapping/screenPop';
export type { ScreenPopMatch, ScreenPopOutcome } from './mapping/screenPop';
export { planOperation } from './mapping/plan';
export type { OperationPlan, PlanContext } from './mapping/plan';
export { taskFields } from './mapping/task';
