// What a panel receives: everything it shows, so it needs no logic of its own (docs/architecture.md, "How the parts talk").
import type { DeskAvailability } from '../interactions/desk/machine';
import { capacityUsed, type CapacityUse } from '../interactions/desk/eligibility';
import { activityOf, isOpen, type DeskState } from '../interactions/desk/state';
import type { AnyInteraction } from '../interactions/registry';
import type { CommandAvailability } from '../interactions/kernel/types';
import type { InboxItem } from '../interactions/inbox';

/**
 * D2: the conversations of the agent's queues and those assigned to them, newest first (D3 "Received"). Its own
 * document, pushed when it changes: a busy queue must not make every snapshot heavy.
 */
export interface AgentInbox {
  items: InboxItem[];
  unread: number;
  truncated: boolean;
}
import type { PresenceState } from '../interactions/presence/state';
import { mirroredStatus } from '../interactions/presence/machine';

export interface AgentSnapshot {
  agent: { agentId: string; name: string };
  presence: PresenceState & {
    /** A1: derived, never set by hand. */
    activity: 'Working' | 'Idle';
    /** A2: what Omni-Channel should show; the panel's Omni relay applies it. */
    omniStatus: 'Available' | 'Busy' | 'Offline';
  };
  capacity: { used: CapacityUse; limits: Record<keyof CapacityUse, number> };
  commands: { presence: CommandAvailability[]; dial: CommandAvailability };
  /** S7: whether Salesforce sync keeps up ('ok') or is delayed/paused (the panel shows "sync delayed"; nothing is lost). */
  sync: SyncHealth;
  /** Newest first by offer/creation instant. Each carries its own commands, enabled or with the reason why not. */
  interactions: (AnyInteraction & {
    commands: CommandAvailability[];
    myEarlierNotes: EarlierNote[];
    history: HistoryEntry[];
    /** S6: the records matching the customer's number, e-mail or digital id; null until the lookup has answered. */
    screenPop: ScreenPopView | null;
  })[];
}

/** Fields that exist for the machine's own bookkeeping and are not shown. */
function forPanel(interaction: AnyInteraction): AnyInteraction {
  if (interaction.channel === 'chat') {
    const { settings: _settings, ...rest } = interaction;
    return rest as AnyInteraction;
  }
  return interaction;
}

/** S6: one match opens it, several show a picker, none offers to create a contact or lead. */
export interface ScreenPopView {
  outcome: 'none' | 'one' | 'several';
  matches: { objectType: string; id: string; name: string; accountName: string | null; company: string | null }[];
}

export interface SyncHealth {
  state: 'ok' | 'delayed' | 'paused';
  reason: string | null;
}

/** C16: one earlier interaction of the same customer, on any channel. */
export interface HistoryEntry {
  interactionId: string;
  channel: string;
  endedAt: number | null;
  agentId: string | null;
  dispositions: string[];
  /** The Task's external id (Interaction_Key__c), to open the Task in the console. */
  taskKey: string;
}

/** D6: the agent's own notes from earlier interactions with the same contact; never another agent's. */
export interface EarlierNote {
  interactionId: string;
  at: number;
  body: string;
}

export function buildSnapshot(
  desk: DeskState<AnyInteraction>,
  availability: DeskAvailability,
  limits: Record<keyof CapacityUse, number>,
  notes: (interaction: AnyInteraction) => EarlierNote[] = () => [],
  history: (interaction: AnyInteraction) => HistoryEntry[] = () => [],
  sync: SyncHealth = { state: 'ok', reason: null },
  screenPop: (interaction: AnyInteraction) => ScreenPopView | null = () => null
): AgentSnapshot {
  const open = Object.values(desk.interactions).filter(isOpen);
  return {
    agent: { agentId: desk.agent.agentId, name: desk.agent.agentName },
    presence: { ...desk.presence, activity: activityOf(desk), omniStatus: mirroredStatus(desk.presence) },
    capacity: { used: capacityUsed(open), limits },
    commands: { presence: availability.presence, dial: availability.dial },
    sync,
    interactions: open
      .sort((a, b) => (b.timers.offeredAt ?? 0) - (a.timers.offeredAt ?? 0) || a.id.localeCompare(b.id))
      .map((i) => ({
        ...forPanel(i),
        commands: availability.interactions[i.id] ?? [],
        myEarlierNotes: notes(i),
        history: history(i),
        screenPop: screenPop(i)
      }))
  };
}
