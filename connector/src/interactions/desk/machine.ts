// The agent's desk: presence plus the agent's interactions, and the rules that span them (A3–A6, V10, V11).
// Each interaction keeps its own machine; the desk routes events to it and settles the cross-cutting consequences.
import type { Effect, TimerName } from '../kernel/effects';
import type { InteractionCore, MachineEvent } from '../kernel/machine';
import { refuse, type RejectionCode } from '../kernel/rejections';
import type { CommandAvailability, Instant, Transition } from '../kernel/types';
import type { OmniPresenceEvent, PresenceCommand, PresenceCommandName } from '../presence/commands';
import { presenceAllowedCommands, presenceTransition, type PresenceEvent } from '../presence/machine';
import type { AnyCommand, AnyProviderEvent, DeskChannels, DialRequest, OutboundChannel } from './channels';
import type { DeskConfig } from './config';
import { offerBlockedBy } from './eligibility';
import { isOpen, type DeskState } from './state';

export type DeskEvent<I extends InteractionCore = InteractionCore> =
  | { type: 'presenceCommand'; at: Instant; command: PresenceCommand }
  | { type: 'omniPresence'; at: Instant; event: OmniPresenceEvent }
  /** Routing offers an interaction, created by its channel's offer function together with that function's effects. */
  | { type: 'offer'; at: Instant; interaction: I; effects: Effect[] }
  /** The agent takes work by hand (D4: opening an inbox item): added to the desk, then the command applied. */
  | { type: 'take'; at: Instant; interaction: I; command: AnyCommand }
  | { type: 'command'; at: Instant; interactionId: string; command: AnyCommand }
  | { type: 'dial'; at: Instant; request: DialRequest }
  | { type: 'provider'; at: Instant; interactionId: string; event: AnyProviderEvent }
  | { type: 'clock'; at: Instant; interactionId: string; timer: TimerName };

export interface DeskAvailability {
  presence: CommandAvailability<PresenceCommandName>[];
  /** Dialling a normal number; emergency numbers (V10) are always allowed and need no entry. */
  dial: CommandAvailability<'dial'>;
  /** D13/D14: `sendOutbound` per value of its `channel` argument (A3: not Offline; D13: e-mail for its members). */
  sendOutbound: Record<OutboundChannel, CommandAvailability<'sendOutbound'>>;
  interactions: Record<string, CommandAvailability[]>;
}

export class Desk<I extends InteractionCore = InteractionCore> {
  constructor(
    private readonly channels: DeskChannels<I>,
    private readonly config: DeskConfig
  ) {}

  transition(desk: DeskState<I>, event: DeskEvent<I>): Transition<DeskState<I>> {
    switch (event.type) {
      case 'presenceCommand':
        return this.presence(desk, {
          type: 'agent',
          at: event.at,
          command: event.command,
          openInteractions: openCount(desk)
        });
      case 'omniPresence':
        return this.presence(desk, {
          type: 'omni',
          at: event.at,
          event: event.event,
          openInteractions: openCount(desk)
        });
      case 'offer': {
        const blocked = offerBlockedBy(desk, event.interaction.channel, this.config);
        if (blocked) return refuse(blocked);
        return this.settle(desk, event.interaction, event.effects, event.at);
      }
      case 'take':
        return this.take(desk, event);
      case 'command': {
        const result = this.toInteraction(desk, event.interactionId, event.at, {
          source: 'agent',
          at: event.at,
          agentId: desk.agent.agentId,
          agentName: desk.agent.agentName,
          command: event.command
        });
        // The interaction's own guard spoke first (its reason is the more fundamental one); then the desk's.
        const blocked = result.ok ? this.crossBlocked(desk, event.interactionId, event.command.command) : null;
        return blocked ? refuse(blocked) : result;
      }
      case 'provider':
        return this.toInteraction(desk, event.interactionId, event.at, {
          source: 'provider',
          at: event.at,
          event: event.event
        });
      case 'clock':
        return this.toInteraction(desk, event.interactionId, event.at, {
          source: 'clock',
          at: event.at,
          timer: event.timer
        });
      case 'dial':
        return this.dial(desk, event.request, event.at);
    }
  }

  allowedCommands(desk: DeskState<I>): DeskAvailability {
    const interactions: Record<string, CommandAvailability[]> = {};
    for (const [id, interaction] of Object.entries(desk.interactions)) {
      interactions[id] = this.channels.allowedCommands(interaction, desk.agent.agentId).map((entry) => {
        const blocked = entry.enabled ? this.crossBlocked(desk, id, entry.command) : null;
        return blocked ? availability(entry.command, blocked) : entry;
      });
    }
    const dialBlocked: RejectionCode | null = desk.presence.status === 'Offline' ? 'OFFLINE' : null;
    const outbound = (channel: OutboundChannel): CommandAvailability<'sendOutbound'> => {
      const blocked = this.outboundBlockedBy(desk, channel);
      return blocked ? availability('sendOutbound', blocked) : { command: 'sendOutbound', enabled: true };
    };
    return {
      presence: presenceAllowedCommands({ presence: desk.presence, openInteractions: openCount(desk) }),
      dial: dialBlocked ? availability('dial', dialBlocked) : { command: 'dial', enabled: true },
      sendOutbound: { email: outbound('email'), sms: outbound('sms') },
      interactions
    };
  }

  /**
   * D13/D14: why this agent may not send an outbound message now, or null. A3 first (every status but Offline), then
   * the channel's own rule (D13: e-mail only for members of an outbound e-mail queue). With no channel (the panel sent
   * none the shell knows) only A3 is checked. The snapshot's `sendOutbound` entries and the command's refusal both
   * come from here.
   */
  outboundBlockedBy(desk: DeskState<I>, channel: OutboundChannel | null): RejectionCode | null {
    if (desk.presence.status === 'Offline') return 'OFFLINE';
    return channel === null ? null : this.channels.outboundBlockedBy(channel, desk.agent.agentId);
  }

  /** V11: the agent's calls that are live — talking or ringing out, not on hold. At most one at a time. */
  private liveCalls(desk: DeskState<I>): I[] {
    return Object.values(desk.interactions).filter(
      (i) => i.channel === 'voice' && i.lifecycle === 'active' && !this.channels.isCallOnHold(i)
    );
  }

  /**
   * Guards that look beyond one interaction, per command. Checked only once the interaction's own guard allows the
   * command, for the snapshot's commands and for the command alike, so both give the same answer.
   */
  private crossBlocked(desk: DeskState<I>, interactionId: string, command: string): RejectionCode | null {
    const interaction = desk.interactions[interactionId];
    if (interaction === undefined) return null;
    switch (command) {
      case 'resume':
        // V11: only one call is live; a swap holds the live call first, then resumes the other.
        if (interaction.channel !== 'voice') return null;
        return this.liveCalls(desk).some((call) => call.id !== interactionId) ? 'CALL_HOLD_OTHER_FIRST' : null;
      default:
        return null;
    }
  }

  private presence(desk: DeskState<I>, event: PresenceEvent): Transition<DeskState<I>> {
    const result = presenceTransition(desk.presence, event, this.config.presence);
    if (!result.ok) return result;
    return { ok: true, state: { ...desk, presence: result.state }, effects: result.effects };
  }

  private take(desk: DeskState<I>, event: Extract<DeskEvent<I>, { type: 'take' }>): Transition<DeskState<I>> {
    // Work the agent pulls by hand is allowed in every status but Offline (A3), within capacity (A5).
    if (desk.presence.status === 'Offline') return refuse('OFFLINE');
    if (desk.interactions[event.interaction.id] === undefined) {
      const others: DeskState<I> = { ...desk, presence: { ...desk.presence, status: 'Available' } };
      const blocked = offerBlockedBy(others, event.interaction.channel, this.config);
      if (blocked) return refuse(blocked);
    }
    const result = this.channels.transition(event.interaction, {
      source: 'agent',
      at: event.at,
      agentId: desk.agent.agentId,
      agentName: desk.agent.agentName,
      command: event.command
    });
    if (!result.ok) return result;
    return this.settle(desk, result.state, result.effects, event.at);
  }

  private dial(desk: DeskState<I>, request: DialRequest, at: Instant): Transition<DeskState<I>> {
    const emergency = this.channels.isEmergencyNumber(request.number);
    // A3: outbound is allowed in every status but Offline; V10: emergency numbers are never blocked.
    if (!emergency && desk.presence.status === 'Offline') return refuse('OFFLINE');
    let working = desk;
    const effects: Effect[] = [];
    // V11: a live call must be held before another number is dialled; the panel offers to hold it for the agent.
    const live = this.liveCalls(desk);
    if (live.length > 0) {
      if (!request.holdActiveCall && !emergency) return refuse('HOLD_ACTIVE_CALL_FIRST');
      for (const call of live) {
        const held = this.toInteraction(working, call.id, at, {
          source: 'agent',
          at,
          agentId: desk.agent.agentId,
          agentName: desk.agent.agentName,
          command: { command: 'hold' }
        });
        // A call that cannot be held (a conference, V7) stays as it is; an emergency call still goes out.
        if (!held.ok) {
          if (emergency) continue;
          return held;
        }
        working = held.state;
        effects.push(...held.effects);
      }
    }
    const created = this.channels.dial(request, at, desk.agent);
    if (!created.ok) return created;
    const settled = this.settle(working, created.state, created.effects, at);
    if (!settled.ok) return settled;
    return { ok: true, state: settled.state, effects: [...effects, ...settled.effects] };
  }

  private toInteraction(
    desk: DeskState<I>,
    interactionId: string,
    at: Instant,
    event: MachineEvent<AnyCommand, AnyProviderEvent>
  ): Transition<DeskState<I>> {
    const interaction = desk.interactions[interactionId];
    if (interaction === undefined) return refuse('UNKNOWN_INTERACTION');
    const result = this.channels.transition(interaction, event);
    if (!result.ok) return result;
    return this.settle(desk, result.state, result.effects, at);
  }

  /**
   * Puts an interaction's new state on the desk and applies what follows for the agent: a missed offer means RONA
   * (A4); after-contact work moves an Available agent to WrapUp and back; a live call pauses interruptible work and
   * its end resumes it (A6). Closed interactions leave the desk.
   */
  private settle(desk: DeskState<I>, interaction: I, effects: Effect[], at: Instant): Transition<DeskState<I>> {
    const interactions = { ...desk.interactions };
    const stays = interaction.lifecycle !== 'closed' && this.channels.involves(interaction, desk.agent.agentId);
    if (!stays) delete interactions[interaction.id];
    else interactions[interaction.id] = interaction;
    let state: DeskState<I> = { ...desk, interactions };
    const out = [...effects];

    const presenceStep = (event: PresenceEvent) => {
      const r = presenceTransition(state.presence, event, this.config.presence);
      if (r.ok) {
        state = { ...state, presence: r.state };
        out.push(...r.effects);
      }
    };
    if (interaction.lifecycle === 'closed' && interaction.closedReason === 'missed')
      presenceStep({ type: 'offerMissed', at });

    const all = Object.values(state.interactions);
    const inWrapUp = all.some((i) => i.lifecycle === 'wrapUp');
    if (inWrapUp && state.presence.status === 'Available') presenceStep({ type: 'wrapUpStarted', at });
    if (!inWrapUp && state.presence.status === 'WrapUp') presenceStep({ type: 'wrapUpFinished', at });

    const callLive = all.some((i) => i.channel === 'voice' && i.lifecycle === 'active');
    for (const other of all) {
      if (other.channel === 'voice' || other.lifecycle !== 'active') continue;
      // A chat joined as a conference guest (C9) is the owner's work: the guest's call does not pause it.
      if (other.ownerAgentId !== desk.agent.agentId) continue;
      if (!this.config.interruptibleByCall.includes(other.channel)) continue;
      if (callLive === other.pausedByCall) continue;
      const r = this.channels.transition(other, { source: 'desk', at, action: callLive ? 'pause' : 'resume' });
      if (r.ok) {
        state = { ...state, interactions: { ...state.interactions, [other.id]: r.state } };
        out.push(...r.effects);
      }
    }
    return { ok: true, state, effects: out };
  }
}

const openCount = (desk: DeskState): number => Object.values(desk.interactions).filter(isOpen).length;

function availability<C extends string>(command: C, reason: RejectionCode): CommandAvailability<C> {
  return { command, enabled: false, reason, labelKey: refuse(reason).rejection.labelKey };
}
