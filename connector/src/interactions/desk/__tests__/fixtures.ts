// Builders for desk tests: a real interaction core (all machines) and offers of each channel.
import { coreConfigSchema, InteractionCoreRuntime, type AnyInteraction } from '../../registry';
import type { DeskEvent } from '../machine';
import { initialDesk, type DeskState } from '../state';
import type { Transition } from '../../kernel/types';

export const T0 = 1_700_000_000_000;
export const AGENT = {
  agentId: '005000000000001AAA',
  agentName: 'Ada Agent',
  outboundSkills: [{ id: 'sk-out', name: 'Outbound' }]
};

export const runtime = (overrides: Record<string, unknown> = {}) =>
  new InteractionCoreRuntime(
    coreConfigSchema.parse({
      digital: {
        queues: [{ id: 'q-email', name: 'E-mail', kind: 'digital', members: [AGENT.agentId] }]
      },
      ...overrides
    })
  );

export type Core = InteractionCoreRuntime;

export function ok<S>(t: Transition<S>): S {
  if (!t.ok)
    throw new Error(`refused: ${t.rejection.code} ${t.rejection.message} ${JSON.stringify(t.rejection.issues ?? [])}`);
  return t.state;
}

export function apply(core: Core, desk: DeskState<AnyInteraction>, ...events: DeskEvent<AnyInteraction>[]) {
  for (const event of events) desk = ok(core.desk.transition(desk, event));
  return desk;
}

export const available = (core: Core) =>
  apply(core, initialDesk<AnyInteraction>(AGENT, T0), {
    type: 'presenceCommand',
    at: T0,
    command: { command: 'goAvailable' }
  });

export function callOffer(core: Core, id: string, at = T0 + 10): DeskEvent<AnyInteraction> {
  const created = core.offerCall(
    {
      type: 'callOffered',
      interactionId: id,
      providerCallId: `pc-${id}`,
      direction: 'inbound',
      number: '+14155550100',
      agentId: AGENT.agentId,
      queueId: 'q-voice'
    },
    at
  );
  if (!created.ok) throw new Error(created.rejection.code);
  return { type: 'offer', at, interaction: created.state, effects: created.effects };
}

export function chatOffer(core: Core, id: string, at = T0 + 10): DeskEvent<AnyInteraction> {
  const created = core.offerChat(
    {
      type: 'chat.offered',
      interactionId: id,
      agentId: AGENT.agentId,
      queueId: 'q-chat',
      customer: { id: `visitor-${id}`, name: 'Chris Customer', email: null },
      waitingSince: at - 5000
    },
    at
  );
  if (!created.ok) throw new Error(created.rejection.code);
  return { type: 'offer', at, interaction: created.state, effects: created.effects };
}

export function emailInQueue(core: Core, id: string, at = T0 + 10): AnyInteraction {
  return ok(
    core.receiveInbound(
      {
        type: 'inbound',
        interactionId: id,
        interactionNumber: `N-${id}`,
        channel: 'email',
        queueId: 'q-email',
        from: { address: 'jane@example.org', name: 'Jane', email: 'jane@example.org' },
        message: { id: `m-${id}`, text: 'Hello, my parcel is late', attachments: [] },
        subject: 'Parcel'
      },
      at
    )
  );
}

export const command = (interactionId: string, name: string, at = T0 + 20, args?: Record<string, unknown>) =>
  ({ type: 'command', at, interactionId, command: args ? { command: name, args } : { command: name } }) as const;
