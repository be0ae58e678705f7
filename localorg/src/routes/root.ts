// The version root (resource list) and /limits with DailyApiRequests as the org counts them.
import { json } from '../http/types';
import type { ApiRouter } from './router';

export function addRootRoutes(router: ApiRouter): void {
  router
    .add(/^\/?$/, {
      GET: async (_ctx, req) => {
        const base = `/services/data/v${req.version}`;
        return json(200, {
          composite: `${base}/composite`,
          limits: `${base}/limits`,
          query: `${base}/query`,
          queryAll: `${base}/queryAll`,
          sobjects: `${base}/sobjects`
        });
      }
    })
    .add(/^\/limits\/?$/, {
      GET: async (ctx) => {
        const { used, max } = ctx.usage();
        return json(200, {
          DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
          DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
          DataStorageMB: { Max: 1024, Remaining: 1000 },
          FileStorageMB: { Max: 2048, Remaining: 2048 },
          SingleEmail: { Max: 5000, Remaining: 5000 }
        });
      }
    });
}
