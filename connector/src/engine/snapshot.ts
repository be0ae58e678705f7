// What a panel receives: everything it shows, so it needs no logic of its own (docs/architecture.md, "How the parts
// talk"). The documents' types come from the panels' contract (api/schema): building one that does not fit fails tsc.
import type { z } from 'zod';
import type { agentInbox, agentSnapshot, earlierNote, historyEntry, screenPopView, syncHealth } from '../api/schema';
import type { DeskAvailability } from '../interactions/desk/machine';
import { capacityUsed, type CapacityUse } from '../interactions/desk/eligibility';
import { activityOf, isOpen, type DeskState } from '../interactions/desk/state';
import { mirroredStatus } from '../interactions/presence/machine';
import type { AnyInteraction } from '../interactions/registry';

export type AgentSnapshot = z.infer<typeof agentSnapshot>;
/** D2, D3: a window of the agent's inbox. */
export type AgentInbox = z.infer<typeof agentInbox>;
/** S6: one match opens it, several show a picker, none offers to create a contact or lead. */
export type ScreenPopView = z.infer<typeof screenPopView>;
/** S7: whether Salesforce sync keeps up ('ok') or is delayed/paused (nothing is lost). */
export type SyncHealth = z.infer<typeof syncHealth>;
/** C16: one earlier interaction of the same customer, on any channel. */
export type HistoryEntry = z.infer<typeof historyEntry>;
/** D6: the agent's own notes from earlier interactions with the same contact; never another agent's. */
export type EarlierNote = z.infer<typeof earlierNote>;

/** Fields that exist for the machine's own bookkeeping and are not shown. */
function forPanel(interaction: AnyInteraction): AnyInteraction {
  if (interaction.channel === 'chat') {
    const { settings: _settings, ...rest } = interaction;
    return rest as AnyInteraction;
  }
  return interaction;
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
    commands: { presence: availability.presence, dial: availability.dial, sendOutbound: availability.sendOutbound },
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
