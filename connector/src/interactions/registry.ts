// Wires the channel machines to the desk: one place that knows which machine handles which channel, parses what
// crosses into a machine, and holds the configuration of all of them.
import { z } from 'zod';
import { chatMachine, chatOfferSchema, offerChat, chatConfigSchema, type ChatState } from './chat';
import { Desk } from './desk/machine';
import type { AnyCommand, AnyProviderEvent, DeskAgent, DeskChannels, DialRequest } from './desk/channels';
import { deskConfigSchema } from './desk/config';
import {
  createDigitalMachine,
  digitalConfigSchema,
  outboundGuard,
  receiveInbound,
  startOutbound,
  type DigitalState
} from './digital';
import type { InteractionCore, MachineEvent } from './kernel/machine';
import { parseWith } from './kernel/parse';
import { checkDispositions, dispositionsOfCommand, wrapUpRulesSchema } from './kernel/dispositions';
import type { CommandAvailability, Instant, Transition } from './kernel/types';
import {
  createVoiceMachine,
  dialCall,
  isEmergencyNumber,
  offerCall,
  voiceConfigSchema,
  type VoiceState
} from './voice';

export type AnyInteraction = VoiceState | ChatState | DigitalState;

export const coreConfigSchema = z.object({
  desk: deskConfigSchema.default(deskConfigSchema.parse({})),
  voice: voiceConfigSchema.default(voiceConfigSchema.parse({})),
  chat: chatConfigSchema.default(chatConfigSchema.parse({})),
  digital: digitalConfigSchema.default(digitalConfigSchema.parse({})),
  /** C10, D10, V13: the wrap-up codes dispositions must be chosen from, per channel and queue (null: none configured). */
  wrapUpCodes: wrapUpRulesSchema
});
export type CoreConfig = z.infer<typeof coreConfigSchema>;

type Machine<S extends InteractionCore> = {
  commandSchema: z.ZodType<{ command: string }>;
  providerEventSchema: z.ZodType<{ type: string }>;
  transition(state: S, event: MachineEvent<never, never>): Transition<S>;
  allowedCommands(state: S, agentId: string): CommandAvailability[];
};

/** The interaction core: the desk plus everything that creates interactions, all on one configuration. */
export class InteractionCoreRuntime {
  desk: Desk<AnyInteraction>;
  private voice: ReturnType<typeof createVoiceMachine>;
  private digital: ReturnType<typeof createDigitalMachine>;
  private readonly channels: DeskChannels<AnyInteraction>;
  private current: CoreConfig;

  get config(): CoreConfig {
    return this.current;
  }

  /**
   * Queue membership changes while the connector runs (agents sign in, admins edit queues): the digital machine is
   * rebuilt on the new directory. States are plain data, so nothing else changes.
   */
  setDigitalQueueMembers(membersByQueue: ReadonlyMap<string, readonly string[]>): void {
    const queues = this.current.digital.queues.map((q) => ({
      ...q,
      members: [...(membersByQueue.get(q.id) ?? q.members)]
    }));
    this.current = { ...this.current, digital: { ...this.current.digital, queues } };
    this.digital = createDigitalMachine(this.current.digital);
  }

  /**
   * New settings (an admin changed them in the org). Interactions offered from now on follow them; a chat keeps the
   * settings it was offered with, calls and digital conversations follow the ones in force. Queue members are kept.
   */
  reconfigure(config: CoreConfig): void {
    const members = new Map(this.current.digital.queues.map((q) => [q.id, q.members]));
    const queues = config.digital.queues.map((q) => ({ ...q, members: members.get(q.id) ?? q.members }));
    this.current = { ...config, digital: { ...config.digital, queues } };
    this.voice = createVoiceMachine(this.current.voice);
    this.digital = createDigitalMachine(this.current.digital);
    this.desk = new Desk<AnyInteraction>(this.channels, this.current.desk);
  }

  constructor(config: CoreConfig) {
    this.current = config;
    this.voice = createVoiceMachine(config.voice);
    this.digital = createDigitalMachine(config.digital);
    this.channels = this.wireChannels();
    this.desk = new Desk<AnyInteraction>(this.channels, config.desk);
  }

  /** An inbound call or callback offered to one agent (the routing decides whom). */
  offerCall(event: unknown, at: Instant): Transition<VoiceState> {
    return offerCall(event, at, this.config.voice);
  }

  /** A chat offered to one agent. */
  offerChat(event: unknown, at: Instant): Transition<ChatState> {
    return offerChat(event, at, this.config.chat);
  }

  /** A first customer message on a digital channel: a new conversation waiting in its queue. */
  receiveInbound(event: unknown, at: Instant): Transition<DigitalState> {
    return receiveInbound(event, at, this.config.digital);
  }

  /** D13/D14: an agent's outbound e-mail or SMS. */
  startOutbound(form: unknown, at: Instant, agent: DeskAgent): Transition<DigitalState> {
    const t = startOutbound(form, at, this.config.digital, agent);
    if (!t.ok) return t;
    const chosen = t.state.details.dispositions.map((code, i) => ({ code, path: `details.dispositions.${i}` }));
    const wrong = checkDispositions(this.config.wrapUpCodes, chosen, t.state.channel, t.state.queueId);
    return wrong ? { ok: false, rejection: wrong } : t;
  }

  readonly chatOfferSchema = chatOfferSchema;

  /**
   * A desk whose every interaction transition is reported to `observe` (the shell persists exactly those states), with
   * timer effects tagged with the interaction they belong to.
   */
  createObservedDesk(observe: (state: AnyInteraction) => void): Desk<AnyInteraction> {
    const base = this.channels;
    const tag = (state: AnyInteraction, t: Transition<AnyInteraction>): Transition<AnyInteraction> => {
      if (!t.ok) return t;
      observe(t.state);
      return { ...t, effects: t.effects.map((e) => (e.kind === 'timer' ? { ...e, interactionId: state.id } : e)) };
    };
    const observed: DeskChannels<AnyInteraction> = {
      ...base,
      transition: (state, event) => tag(state, base.transition(state, event)),
      dial: (request, at, agent) => {
        const t = base.dial(request, at, agent);
        return t.ok ? tag(t.state, t) : t;
      }
    };
    return new Desk<AnyInteraction>(observed, this.config.desk);
  }

  /** Runs an event on one interaction outside any desk (a queued conversation, the customer's side). */
  transition(state: AnyInteraction, event: MachineEvent<AnyCommand, AnyProviderEvent>): Transition<AnyInteraction> {
    return this.channels.transition(state, event);
  }

  private machineFor(state: AnyInteraction): Machine<AnyInteraction> {
    const machine = state.channel === 'voice' ? this.voice : state.channel === 'chat' ? chatMachine : this.digital;
    return machine as unknown as Machine<AnyInteraction>;
  }

  private wireChannels(): DeskChannels<AnyInteraction> {
    return {
      transition: (state, event) => {
        const machine = this.machineFor(state);
        if (event.source === 'agent') {
          const command = parseWith(machine.commandSchema, event.command);
          if (!command.ok) return command;
          // C10, D10, V13: a disposition is one of the wrap-up codes of this channel and queue, or nothing is applied.
          const chosen = dispositionsOfCommand(command.value);
          const wrong = checkDispositions(this.current.wrapUpCodes, chosen, state.channel, state.queueId);
          if (wrong) return { ok: false, rejection: wrong };
          return machine.transition(state, { ...event, command: command.value } as MachineEvent<never, never>);
        }
        if (event.source === 'provider') {
          const providerEvent = parseWith(machine.providerEventSchema, event.event);
          if (!providerEvent.ok) return providerEvent;
          return machine.transition(state, { ...event, event: providerEvent.value } as MachineEvent<never, never>);
        }
        return machine.transition(state, event as MachineEvent<never, never>);
      },
      allowedCommands: (state, agentId) => this.machineFor(state).allowedCommands(state, agentId),
      dial: (request: DialRequest, at, agent) => dialCall(request, at, this.config.voice, agent),
      isEmergencyNumber: (raw) => isEmergencyNumber(raw, this.config.voice),
      isCallOnHold: (state) => state.channel === 'voice' && state.held,
      involves: (state, agentId) => state.ownerAgentId === agentId || isConferenceGuest(state, agentId),
      outboundBlockedBy: (channel, agentId) => outboundGuard(this.current.digital, agentId, channel)
    };
  }
}

/**
 * C9: an agent who joined another agent's chat has it on their desk while it is live (store: listJoinedChats). Its
 * wrap-up is the owner's alone, so it leaves the guest's desk when the chat ends.
 */
export function isConferenceGuest(state: AnyInteraction, agentId: string): boolean {
  return (
    state.channel === 'chat' &&
    state.ownerAgentId !== agentId &&
    state.lifecycle === 'active' &&
    state.conference.some((member) => member.agentId === agentId && member.state === 'Active')
  );
}
