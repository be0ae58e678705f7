// All REST resources under /services/data/vNN.N, registered on one router.
import { addCollectionRoutes } from './collections';
import { addCompositeRoutes } from './composite';
import { addQueryRoutes } from './query';
import { addRootRoutes } from './root';
import { ApiRouter } from './router';
import { addSobjectRoutes } from './sobjects';

export function buildApiRouter(): ApiRouter {
  const router = new ApiRouter();
  addRootRoutes(router);
  addSobjectRoutes(router);
  addQueryRoutes(router);
  addCollectionRoutes(router);
  addCompositeRoutes(router);
  return router;
}
