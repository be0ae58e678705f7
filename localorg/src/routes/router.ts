// Path patterns to handlers per method, with Salesforce's 404 and 405 bodies for misses.
import { errors, sfError } from '../records/errors';
import { json, type ApiRequest, type ApiResponse } from '../http/types';
import type { ApiContext, Handler } from './context';

interface Route {
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
}

export class ApiRouter {
  private readonly routes: Route[] = [];

  add(pattern: RegExp, methods: Partial<Record<string, Handler>>): this {
    this.routes.push({ pattern, methods });
    return this;
  }

  async dispatch(ctx: ApiContext, req: ApiRequest): Promise<ApiResponse> {
    for (const route of this.routes) {
      const match = route.pattern.exec(req.path);
      if (!match) continue;
      const handler = route.methods[req.method.toUpperCase()];
      if (!handler) {
        const allowed = Object.keys(route.methods).join(',');
        return json(405, [
          sfError('METHOD_NOT_ALLOWED', `HTTP Method '${req.method}' not allowed. Allowed are ${allowed}`)
        ]);
      }
      const params = match.slice(1).map((p) => decodeURIComponent(p ?? ''));
      return handler(ctx, req, params);
    }
    return json(404, [errors.notFound()]);
  }
}
