// The node:http front door: routes by path prefix to the REST API, OAuth, identity and the /__localorg controls.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { handleOAuth } from '../oauth/routes';
import { sfError } from '../records/errors';
import { versionList } from '../routes/versions';
import type { OrgRuntime } from '../runtime';
import { handleAdmin, type StatsSource } from './admin';
import { handleApi } from './apiPipeline';
import { parseForm, readBody } from './body';
import { rawJson, type RawResponse } from './raw';

export interface RunningServer {
  server: Server;
  /** Stops listening and drops open connections (held fault calls included). */
  close(): Promise<void>;
}

async function route(rt: OrgRuntime, stats: StatsSource, req: IncomingMessage, bodyText: string): Promise<RawResponse> {
  const url = new URL(req.url ?? '/', 'http://localorg');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  if (path === '/services/data' || path === '/services/data/') return rawJson(200, versionList());
  if (path.startsWith('/services/data/')) {
    return handleApi(rt, {
      method,
      rest: path.slice('/services/data/'.length),
      query: url.searchParams,
      headers: req.headers,
      bodyText
    });
  }
  if (path.startsWith('/services/oauth2/') || path.startsWith('/id/')) {
    const input = {
      ...Object.fromEntries(url.searchParams.entries()),
      ...(method === 'POST' ? parseForm(bodyText) : {})
    };
    return handleOAuth(rt, method, path, input, req.headers);
  }
  if (path.startsWith('/__localorg')) return handleAdmin(rt, stats, method, path, bodyText);
  return rawJson(404, [sfError('NOT_FOUND', 'The requested resource does not exist')]);
}

function send(res: ServerResponse, response: RawResponse): void {
  if (res.destroyed) return;
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

export function startServer(rt: OrgRuntime, stats: StatsSource, port: number, host: string): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const body = await readBody(req);
        if (!body.ok)
          return send(res, rawJson(413, [sfError('REQUEST_TOO_LARGE', 'The request body is larger than 10 MB')]));
        send(res, await route(rt, stats, req, body.text));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        send(res, rawJson(500, [sfError('UNKNOWN_EXCEPTION', `An unexpected error occurred: ${message}`)]));
      }
    })();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve({
        server,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          })
      });
    });
  });
}
