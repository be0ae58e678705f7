// /query and /queryAll: SOQL through the real parser, batches of 2000 (or Sforce-Query-Options batchSize) with
// nextRecordsUrl for the rest, as jsforce's autoFetch expects.
import { sfError } from '../records/errors';
import type { ApiRecord } from '../records/format';
import { SoqlError, soqlErrorBody } from '../soql/errors';
import { runSoql } from '../soql/execute';
import { json, type ApiRequest, type ApiResponse } from '../http/types';
import type { ApiContext, Handler } from './context';
import type { ApiRouter } from './router';

const DEFAULT_BATCH = 2000;

function batchSize(req: ApiRequest): number {
  const header = req.headers['sforce-query-options'];
  const match = /batchSize=(\d+)/i.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
  const asked = match ? Number(match[1]) : DEFAULT_BATCH;
  return Math.min(DEFAULT_BATCH, Math.max(200, asked));
}

function page(
  ctx: ApiContext,
  req: ApiRequest,
  records: ApiRecord[],
  totalSize: number,
  locator: string | null,
  offset: number
) {
  const size = batchSize(req);
  const batch = records.slice(0, size);
  if (records.length <= size) {
    if (locator) ctx.cursors.close(locator);
    return json(200, { totalSize, done: true, records: batch });
  }
  const id = locator ?? ctx.cursors.open(records, totalSize);
  const next = offset + size;
  return json(200, {
    totalSize,
    done: false,
    nextRecordsUrl: `/services/data/v${req.version}/query/${id}-${next}`,
    records: batch
  });
}

const runQuery: Handler = async (ctx, req) => {
  const soql = req.query.get('q');
  if (soql === null || soql.trim() === '') {
    return json(400, [sfError('MALFORMED_QUERY', 'A query string has to be specified')]);
  }
  try {
    const outcome = await runSoql(ctx.sql, ctx.schema, soql, ctx.now(), req.version);
    if (outcome.countOnly) return json(200, { totalSize: outcome.totalSize, done: true, records: [] });
    return page(ctx, req, outcome.records, outcome.records.length, null, 0);
  } catch (error) {
    if (error instanceof SoqlError) return json(400, [soqlErrorBody(soql, error)]);
    throw error;
  }
};

/** GET /query/<locator>-<offset>: the next batch of a query whose first answer had nextRecordsUrl. */
const nextBatch: Handler = async (ctx, req, [locator = '', offsetText = '0']): Promise<ApiResponse> => {
  const offset = Number(offsetText);
  const cursor = ctx.cursors.take(locator, offset);
  if (!cursor) return json(400, [invalidLocator()]);
  return page(ctx, req, cursor.records, cursor.totalSize, locator, offset);
};

const invalidLocator = () => sfError('INVALID_QUERY_LOCATOR', 'invalid query locator');

export function addQueryRoutes(router: ApiRouter): void {
  router
    .add(/^\/query(?:All)?\/?$/, { GET: runQuery })
    .add(/^\/query(?:All)?\/([^/-]+)-(\d+)\/?$/, { GET: nextBatch })
    .add(/^\/query(?:All)?\/([^/]+)\/?$/, { GET: async () => json(400, [invalidLocator()]) });
}
