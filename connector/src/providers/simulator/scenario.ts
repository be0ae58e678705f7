// The scenario file: queues, agents' memberships, timing settings and scripted customers. JSON, parsed with zod; a
// wrong file is refused with every wrong path named ("customers.3.queueId: no queue q-x").
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { isDigitalIdOf, normalisePhoneNumber } from '../../interactions/digital/channels';
import { parseWith } from '../../interactions/kernel/parse';
import { CHANNELS, DIGITAL_CHANNELS, type Channel } from '../../interactions/kernel/types';
import defaultScenarioJson from '../scenarios/default.json';

const id = z.string().trim().min(1).max(80);
const delayMs = z.number().int().min(0).max(86_400_000);
const e164 = z
  .string()
  .transform(normalisePhoneNumber)
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number such as +14155550100'));
const failureReason = z.enum(['busy', 'noAnswer', 'invalidNumber', 'rejected', 'failed']);
export type FailureReason = z.infer<typeof failureReason>;

const settingsSchema = z
  .object({
    /** How long a simulated phone rings before it answers (dial, callback, consult, blind transfer). */
    ringMs: delayMs.default(2_000),
    /** How long a scripted customer takes to answer an agent's message. */
    replyDelayMs: delayMs.default(4_000),
    /** Routing runs again this often even when nothing tells it to (expired exclusions, fall-backs, timeouts). */
    sweepMs: z.number().int().min(100).max(600_000).default(5_000),
    /** A4: an agent who missed or declined an offer is skipped for it this long, unless nobody else took it. */
    reofferAfterMs: delayMs.default(15_000),
    /** A call or chat transferred to an agent who cannot take it goes to its queue after this long. */
    agentTransferTimeoutMs: delayMs.default(30_000),
    /** C8: a chat transfer nobody accepts is withdrawn after this long (the sender keeps the chat). */
    chatTransferTimeoutMs: delayMs.default(60_000),
    /** Numbers that never connect when dialled, consulted or transferred to, and why. */
    unreachableNumbers: z
      .array(z.object({ number: e164, reason: failureReason.default('noAnswer') }).strict())
      .max(1_000)
      .default([]),
    /** Digital addresses whose messages cannot be delivered (an agent's reply comes back as deliveryFailed). */
    undeliverableAddresses: z.array(z.string().min(1).max(320)).max(1_000).default([]),
    /** Every recording start fails (recordingFailed), to show that notice. */
    recordingFails: z.boolean().default(false),
    /** Start the scripted customers again this long after the script started; null runs them once. */
    repeatEveryMs: z.number().int().min(10_000).max(86_400_000).nullable().default(null)
  })
  .strict();
export type ScenarioSettings = z.infer<typeof settingsSchema>;

const queueSchema = z
  .object({
    id,
    name: z.string().trim().min(1).max(255),
    /** Which kinds of contact wait here: voice, chat or a digital channel. */
    channels: z.array(z.enum(CHANNELS)).min(1),
    /** Skills the queue stands for, shown to agents as the queue/skill of a call (V1). */
    skills: z.array(z.string().trim().min(1).max(80)).max(50).default([]),
    /** Agents serving the queue, besides those the engine reports as members. */
    members: z.array(id).max(1_000).default([]),
    /** D13: members of this queue may send outbound e-mail. */
    outboundEmail: z.boolean().default(false)
  })
  .strict();
export type ScenarioQueue = z.infer<typeof queueSchema>;

/** D13/D14: a business address or number of the provider's that agents send from; answers land in its queue. */
const senderSchema = z
  .object({
    id,
    channel: z.enum(DIGITAL_CHANNELS),
    address: z.string().trim().min(1).max(320),
    label: z.string().trim().min(1).max(120),
    queueId: id
  })
  .strict();
export type ScenarioSender = z.infer<typeof senderSchema>;

const agentSchema = z
  .object({
    agentId: id,
    name: z.string().min(1).max(200),
    queueIds: z.array(id).max(200),
    /** C8, C9: supervisors are listed as such among transfer and conference targets. */
    role: z.enum(['agent', 'supervisor']).default('agent')
  })
  .strict();

/** V4: contacts outside the contact centre a call can be consulted with or transferred to. */
const addressBookSchema = z
  .object({
    id,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(500).nullable().default(null),
    numbers: z
      .array(
        z
          .object({ label: z.string().trim().min(1).max(80), number: z.string().regex(/^\+[1-9]\d{6,14}$/, 'E.164') })
          .strict()
      )
      .min(1)
      .max(10)
  })
  .strict();

const spokenSchema = z.object({ afterMs: delayMs, text: z.string().min(1).max(2_000) }).strict();
const digitsSchema = z
  .object({ afterMs: delayMs, digits: z.string().regex(/^[0-9*#]{1,32}$/, 'digits 0-9, * and #') })
  .strict();

const callSchema = z
  .object({
    kind: z.literal('call'),
    /** When the customer appears, in ms after the script starts. */
    at: delayMs,
    from: e164,
    name: z.string().min(1).max(200).optional(),
    queueId: id,
    callKind: z.enum(['inbound', 'callback']).default('inbound'),
    /** Hangs up when no agent has answered this long after the call entered the queue. */
    patienceMs: delayMs.optional(),
    /** Hangs up this long after first being connected with an agent. */
    hangUpAfterMs: delayMs.optional(),
    /** Callback: false makes the customer's phone ring out (dialFailed noAnswer). */
    answers: z.boolean().default(true),
    /** Keys pressed on the phone once connected (customer side only: there is no provider event for them). */
    digits: z.array(digitsSchema).max(50).default([]),
    /** V14: what the customer says once connected, reported as live transcript segments. */
    says: z.array(spokenSchema).max(200).default([])
  })
  .strict();

const chatSchema = z
  .object({
    kind: z.literal('chat'),
    at: delayMs,
    customerId: z.string().min(1).max(200),
    name: z.string().min(1).max(200).optional(),
    email: z.email().max(254).optional(),
    queueId: id,
    /** C2: what a bot and the customer said before the chat was routed. */
    botTranscript: z
      .array(
        z
          .object({
            from: z.enum(['bot', 'customer']),
            author: z.string().min(1).max(200).optional(),
            text: z.string().min(1).max(20_000)
          })
          .strict()
      )
      .max(200)
      .default([]),
    /** One reply per agent message, in order. */
    replies: z.array(z.string().min(1).max(20_000)).max(200).default([]),
    /** After the last reply, the customer closes the chat window (C10 "customer left"). */
    leavesWhenDone: z.boolean().default(false),
    /** Leaves when no agent has accepted this long after the chat entered the queue. */
    patienceMs: delayMs.optional()
  })
  .strict();

const messageSchema = z
  .object({
    kind: z.literal('message'),
    at: delayMs,
    channel: z.enum(DIGITAL_CHANNELS),
    /** The channel's digital id: e-mail address, E.164 number, or a Messenger / Instagram / X id. */
    from: z.string().trim().min(1).max(320),
    name: z.string().min(1).max(200).optional(),
    queueId: id,
    subject: z.string().min(1).max(998).optional(),
    text: z.string().min(1).max(100_000),
    /** One reply per agent message, in order. */
    replies: z.array(z.string().min(1).max(100_000)).max(200).default([]),
    /** Writes again on its own (D8: Open), this long after the first message. */
    followUps: z.array(spokenSchema).max(50).default([])
  })
  .strict();

const customerSchema = z.discriminatedUnion('kind', [callSchema, chatSchema, messageSchema]);
export type ScriptedCustomer = z.infer<typeof customerSchema>;
export type ScriptedCall = z.infer<typeof callSchema>;
export type ScriptedChat = z.infer<typeof chatSchema>;
export type ScriptedMessage = z.infer<typeof messageSchema>;

/** The channel a scripted customer uses; a queue must serve it. */
export const channelOfCustomer = (customer: ScriptedCustomer): Channel =>
  customer.kind === 'call' ? 'voice' : customer.kind === 'chat' ? 'chat' : customer.channel;

export const scenarioSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1).max(200).optional(),
    description: z.string().max(2_000).optional(),
    settings: settingsSchema.default(settingsSchema.parse({})),
    queues: z.array(queueSchema).max(500),
    agents: z.array(agentSchema).max(5_000).default([]),
    senders: z.array(senderSchema).max(1_000).default([]),
    addressBook: z.array(addressBookSchema).max(5_000).default([]),
    customers: z.array(customerSchema).max(10_000).default([])
  })
  .strict()
  .superRefine((scenario, ctx) => {
    const queues = new Map<string, ScenarioQueue>();
    scenario.queues.forEach((queue, index) => {
      if (queues.has(queue.id))
        ctx.addIssue({ code: 'custom', path: ['queues', index, 'id'], message: 'duplicate id' });
      queues.set(queue.id, queue);
    });
    scenario.agents.forEach((agent, index) =>
      agent.queueIds.forEach((queueId, q) => {
        if (!queues.has(queueId))
          ctx.addIssue({ code: 'custom', path: ['agents', index, 'queueIds', q], message: `no queue ${queueId}` });
      })
    );
    scenario.senders.forEach((sender, index) => {
      const queue = queues.get(sender.queueId);
      if (!queue?.channels.includes(sender.channel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['senders', index, 'queueId'],
          message: queue ? `queue ${queue.id} does not serve ${sender.channel}` : `no queue ${sender.queueId}`
        });
      }
      if (!isDigitalIdOf(sender.channel, addressFor(sender.channel, sender.address))) {
        ctx.addIssue({
          code: 'custom',
          path: ['senders', index, 'address'],
          message: `not a valid ${sender.channel} address`
        });
      }
    });
    scenario.customers.forEach((customer, index) => {
      const queue = queues.get(customer.queueId);
      const channel = channelOfCustomer(customer);
      if (!queue) {
        ctx.addIssue({
          code: 'custom',
          path: ['customers', index, 'queueId'],
          message: `no queue ${customer.queueId}`
        });
      } else if (!queue.channels.includes(channel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['customers', index, 'queueId'],
          message: `queue ${queue.id} does not serve ${channel}`
        });
      }
      if (customer.kind !== 'message') return;
      if (!isDigitalIdOf(customer.channel, addressFor(customer.channel, customer.from))) {
        ctx.addIssue({
          code: 'custom',
          path: ['customers', index, 'from'],
          message: `not a valid ${customer.channel} address`
        });
      }
      if (customer.subject !== undefined && customer.channel !== 'email') {
        ctx.addIssue({ code: 'custom', path: ['customers', index, 'subject'], message: 'only e-mail has a subject' });
      }
    });
  });
export type Scenario = z.infer<typeof scenarioSchema>;

/** Numbers on SMS and WhatsApp are accepted with spaces, brackets and 00 and kept in E.164. */
export function addressFor(channel: Channel, raw: string): string {
  const trimmed = raw.trim();
  return channel === 'sms' || channel === 'whatsapp' ? normalisePhoneNumber(trimmed) : trimmed;
}

export interface ScenarioError {
  code: 'SCENARIO_INVALID' | 'SCENARIO_NOT_JSON' | 'SCENARIO_UNREADABLE';
  /** One sentence naming the file (when there is one) and every wrong path. */
  message: string;
  issues: { path: string; message: string }[];
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; error: ScenarioError };

export function parseScenario(input: unknown, source = 'scenario'): ScenarioResult {
  const parsed = parseWith(scenarioSchema, input);
  if (parsed.ok) return { ok: true, scenario: parsed.value };
  const issues = parsed.rejection.issues ?? [];
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return {
    ok: false,
    error: { code: 'SCENARIO_INVALID', message: `${source} is not a valid scenario: ${listed}`, issues }
  };
}

/** Reads and parses a scenario file; never throws. */
export async function loadScenarioFile(path: string): Promise<ScenarioResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    // Not instanceof Error: errors from node:fs may come from another realm (jest's sandbox).
    const reason = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'read error';
    return {
      ok: false,
      error: { code: 'SCENARIO_UNREADABLE', message: `${path} cannot be read (${reason}).`, issues: [] }
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    return { ok: false, error: { code: 'SCENARIO_NOT_JSON', message: `${path} is not JSON: ${reason}`, issues: [] } };
  }
  return parseScenario(json, path);
}

/** The scenario shipped with the connector (connector/src/providers/scenarios/default.json). */
export function defaultScenario(): Scenario {
  const result = parseScenario(defaultScenarioJson, 'default.json');
  // The shipped file is checked by the tests; reaching this means the build itself is broken.
  if (!result.ok) throw new Error(result.error.message);
  return result.scenario;
}
