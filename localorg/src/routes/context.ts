// What a REST handler can reach: the data context plus the dispatcher (for composite) and org-level services.
import type { DataContext } from '../records/context';
import type { ApiRequest, ApiResponse } from '../http/types';
import type { QueryCursors } from './queryCursors';

export interface ApiContext extends DataContext {
  /** Runs another REST request inside the same transaction (composite subrequests). */
  dispatch(req: ApiRequest, options?: { forceAllOrNone?: boolean }): Promise<ApiResponse>;
  cursors: QueryCursors;
  /** Set by an allOrNone composite: every collections subrequest behaves as allOrNone. */
  forceAllOrNone: boolean;
  usage(): { used: number; max: number };
}

export type Handler = (ctx: ApiContext, req: ApiRequest, params: string[]) => Promise<ApiResponse>;
