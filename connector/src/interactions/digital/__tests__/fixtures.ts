// Shared builders for the digital machine's tests.
import type { Effect, SyncOperation } from '../../kernel/effects';
import type { RejectionCode } from '../../kernel/rejections';
import type { DigitalChannel, Instant, Transition } from '../../kernel/types';
import { createDigitalMachine, digitalConfigSchema, receiveInbound, startOutbound } from '..';
import type { DigitalCommand, DigitalConfig, DigitalEvent, DigitalProviderEvent, DigitalState } from '..';

export const T0: Instant = 1_700_000_000_000;
export const PAN = '4111 1111 1111 1111';

export const config = (overrides: Record<string, unknown> = {}): DigitalConfig =>
  digitalConfigSchema.parse({
    queues: [
      { id: 'q-support', name: 'Support', kind: 'digital', members: ['a1', 'a2'] },
      { id: 'q-billing', name: 'Billing', kind: 'digital', members: ['a2', 'a3'] },
      { id: 'q-solo', name: 'Escalations', kind: 'digital', members: ['a1'] },
      { id: 'q-omni', name: 'Omni cases', kind: 'omniOnly', members: ['a1', 'a2'] },
      { id: 'q-outbound', name: 'Outbound e-mail', kind: 'digital', members: ['a1'], outboundEmail: true }
    ],
    senders: [
      { id: 's-email', channel: 'email', address: 'support@example.com', label: 'Support', queueId: 'q-support' },
      { id: 's-sms', channel: 'sms', address: '+15550000001', label: 'Support SMS', queueId: 'q-support' }
    ],
    ...overrides
  });

export const ADDRESS: Record<DigitalChannel, string> = {
  email: 'jane@example.org',
  sms: '+14155550123',
  whatsapp: '+447700900123',
  messenger: 'psid-123',
  instagram: 'igsid-456',
  x: 'x-789'
};

export const inboundEvent = (overrides: Record<string, unknown> = {}) => {
  const channel = (overrides.channel as DigitalChannel | undefined) ?? 'whatsapp';
  return {
    type: 'inbound',
    interactionId: 'd-1',
    interactionNumber: '00001234',
    channel,
    queueId: 'q-support',
    from: { address: ADDRESS[channel], name: 'Jane Roe' },
    message: { id: 'm-1', text: 'Hello, my parcel is late' },
    ...overrides
  };
};

export function expectOk<S>(t: Transition<S>): { state: S; effects: Effect[] } {
  if (!t.ok) throw new Error(`expected ok, got ${t.rejection.code}`);
  return t;
}

export function expectRefused<S>(t: Transition<S>, code: RejectionCode): void {
  if (t.ok) throw new Error(`expected ${code}, got ok`);
  expect(t.rejection.code).toBe(code);
}

export const inbound = (overrides: Record<string, unknown> = {}, cfg = config()): DigitalState =>
  expectOk(receiveInbound(inboundEvent(overrides), T0, cfg)).state;

export const agent = (command: DigitalCommand, agentId = 'a1', at: Instant = T0 + 1_000): DigitalEvent => ({
  source: 'agent',
  at,
  agentId,
  agentName: `Agent ${agentId}`,
  command
});

export const provider = (event: DigitalProviderEvent, at: Instant = T0 + 1_000): DigitalEvent => ({
  source: 'provider',
  at,
  event
});

export const customer = (messageId: string, text = 'Any news?', at: Instant = T0 + 1_000): DigitalEvent =>
  provider({ type: 'customerMessage', messageId, text, attachments: [] }, at);

export const reply = (text = 'It arrives tomorrow.', attachments: DigitalAttachmentInput[] = []): DigitalCommand => ({
  command: 'reply',
  args: { text, attachments }
});

export interface DigitalAttachmentInput {
  id: string;
  name: string;
  contentType: string;
  sizeBytes: number;
}

export const file = (sizeBytes = 1_000, name = 'photo.jpg'): DigitalAttachmentInput => ({
  id: `f-${name}-${sizeBytes}`,
  name,
  contentType: 'image/jpeg',
  sizeBytes
});

/** Runs events in order, each must be accepted; returns the final state and every effect. */
export function run(
  state: DigitalState,
  events: DigitalEvent[],
  cfg = config()
): { state: DigitalState; effects: Effect[] } {
  const machine = createDigitalMachine(cfg);
  let current = state;
  const effects: Effect[] = [];
  for (const event of events) {
    const t = expectOk(machine.transition(current, event));
    current = t.state;
    effects.push(...t.effects);
  }
  return { state: current, effects };
}

/** The conversation opened by agent a1. */
export const opened = (overrides: Record<string, unknown> = {}, cfg = config()): DigitalState =>
  run(inbound(overrides, cfg), [agent({ command: 'open' }, 'a1', T0 + 500)], cfg).state;

export const syncOps = (effects: Effect[]): SyncOperation[] =>
  effects.flatMap((e) => (e.kind === 'sync' ? [e.operation] : []));

export { startOutbound };
