// The customer API (docs/simulator.md): act as a customer by hand or from tests — place calls, press keys, hang up,
// chat, write on digital channels, and read what the customer has seen. Mounted by the connector under /customer/.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { parseWith } from '../../interactions/kernel/parse';
import type { CustomerView } from './contact';
import { errorName } from './core';
import {
  chatMessageSchema,
  digitsSchema,
  newCallSchema,
  newChatSchema,
  newMessageSchema,
  noBodySchema,
  replySchema
} from './customerInputs';
import { bearerMatches, readJsonBody, sendError, sendJson } from './http';
import type { SimError, SimResult } from './results';
import type { Simulator } from './simulator';

export interface CustomerApiOptions {
  /** Every request must carry `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** A pino logger fits; only method, route and status are logged. */
  log?: { warn(fields: object, message?: string): void };
}

type Handler = (params: string[], body: unknown) => Promise<Answer>;
type Answer = { status: number; body: unknown } | { error: SimError; status: number };

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Whether the route reads a JSON body. */
  body: boolean;
  handle: Handler;
}

const ID = '([^/]{1,200})';
const MIN_KEY_LENGTH = 8;

/** Refusals a customer cannot fix by changing the request body get their own statuses; the rest are 422. */
const STATUS_BY_CODE: Record<string, number> = {
  UNKNOWN_INTERACTION: 404,
  WRONG_CHANNEL: 409,
  INTERACTION_ENDED: 409,
  CHAT_CONVERSATION_ENDED: 409,
  SIMULATOR_NOT_STARTED: 503,
  ENGINE_FAILED: 502
};

export function createCustomerApi(
  simulator: Simulator,
  options: CustomerApiOptions
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  // A short or missing key would make the API open to anyone: refuse to build it at start-up.
  if (options.apiKey.length < MIN_KEY_LENGTH) {
    throw new Error(`The customer API needs an API key of at least ${MIN_KEY_LENGTH} characters.`);
  }
  const routes = buildRoutes(simulator);
  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://customer.local').pathname;
    if (path !== '/customer' && !path.startsWith('/customer/')) return false;
    try {
      await serve(req, res, path, routes, options);
    } catch (error) {
      options.log?.warn({ event: 'customerApi.failed', code: 'INTERNAL', error: errorName(error) });
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'Something went wrong; try again.' });
    }
    return true;
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  routes: Route[],
  options: CustomerApiOptions
): Promise<void> {
  if (!bearerMatches(req, options.apiKey)) {
    req.resume();
    sendError(
      res,
      401,
      { code: 'UNAUTHORIZED', message: 'Send the customer API key as "Authorization: Bearer <key>".' },
      { 'www-authenticate': 'Bearer realm="customer"' }
    );
    return;
  }
  const matching = routes.flatMap((route) => {
    const match = route.pattern.exec(path);
    const params = match ? match.slice(1).map(safeDecode) : [];
    return match && params.every((param) => param !== null) ? [{ route, params: params as string[] }] : [];
  });
  const found = matching.find(({ route }) => route.method === req.method);
  if (!found) {
    req.resume();
    if (matching.length === 0) sendError(res, 404, { code: 'NOT_FOUND', message: `No endpoint ${path}.` });
    else {
      const allow = [...new Set(matching.map(({ route }) => route.method))].join(', ');
      sendError(res, 405, { code: 'METHOD_NOT_ALLOWED', message: `Use ${allow}.` }, { allow });
    }
    return;
  }
  let body: unknown = {};
  if (found.route.body) {
    const read = await readJsonBody(req);
    if (!read.ok) {
      sendError(res, read.status, { code: read.code, message: read.message });
      return;
    }
    body = read.json;
  } else {
    req.resume();
  }
  const answer = await found.route.handle(found.params, body);
  if ('error' in answer) sendError(res, answer.status, answer.error);
  else sendJson(res, answer.status, answer.body);
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Parses a body, or answers 400 with every wrong path. */
function parsed<S extends z.ZodType>(schema: S, body: unknown, then: (value: z.infer<S>) => Promise<Answer>) {
  const result = parseWith(schema, body);
  if (!result.ok) {
    const { code, message, issues } = result.rejection;
    return Promise.resolve<Answer>({ status: 400, error: { code, message, ...(issues ? { issues } : {}) } });
  }
  return then(result.value);
}

function answer(result: SimResult<CustomerView>, created: boolean): Answer {
  if (!result.ok) return { status: STATUS_BY_CODE[result.error.code] ?? 422, error: result.error };
  const view = result.value;
  if (!created) return { status: 200, body: view };
  return {
    status: 201,
    body: view.interactionNumber
      ? { interactionId: view.interactionId, interactionNumber: view.interactionNumber }
      : { interactionId: view.interactionId }
  };
}

function buildRoutes(sim: Simulator): Route[] {
  const route = (method: Route['method'], path: string, body: boolean, handle: Handler): Route => ({
    method,
    pattern: new RegExp(`^/customer/${path}/?$`),
    body,
    handle
  });
  const id = (params: string[]) => params[0] ?? '';
  return [
    route('POST', 'calls', true, (_, body) =>
      parsed(newCallSchema, body, async (input) => answer(await sim.placeCall(input), true))
    ),
    route('POST', `calls/${ID}/digits`, true, (params, body) =>
      parsed(digitsSchema, body, async (input) => answer(await sim.pressDigits(id(params), input.digits), false))
    ),
    route('POST', `calls/${ID}/hangup`, true, (params, body) =>
      parsed(noBodySchema, body, async () => answer(await sim.hangUp(id(params)), false))
    ),
    route('POST', 'chats', true, (_, body) =>
      parsed(newChatSchema, body, async (input) => answer(await sim.startChat(input), true))
    ),
    route('POST', `chats/${ID}/messages`, true, (params, body) =>
      parsed(chatMessageSchema, body, async (input) =>
        answer(await sim.writeInChat(id(params), input.text, input.attachments), false)
      )
    ),
    route('POST', `chats/${ID}/leave`, true, (params, body) =>
      parsed(noBodySchema, body, async () => answer(await sim.leaveChat(id(params)), false))
    ),
    route('POST', 'messages', true, (_, body) =>
      parsed(newMessageSchema, body, async (input) => answer(await sim.sendMessage(input), true))
    ),
    route('POST', `messages/${ID}/replies`, true, (params, body) =>
      parsed(replySchema, body, async (input) => answer(await sim.writeAgain(id(params), input.text), false))
    ),
    route('GET', `interactions/${ID}`, false, async (params) => answer(await sim.customerView(id(params)), false)),
    route('GET', 'queues', false, async () => ({ status: 200, body: { queues: sim.queues() } }))
  ];
}
