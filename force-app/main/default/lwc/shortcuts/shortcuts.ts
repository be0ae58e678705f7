// UI.md: keyboard shortcuts for the work in front of the agent. Pure: a key event becomes an intent (accept, decline,
// hold, mute, end), and an intent becomes one interaction's command from the snapshot, with that command's
// availability. The softphone sends it only when the availability says `enabled`; it decides nothing here either.
//
// The chords are Alt+Shift+<letter> (Option+Shift on a Mac), matched by the physical key (`code`), so a German,
// French or Dutch layout, or the Mac's Option characters (Option+Shift+A types "Å"), do not change them. Send is the
// message box's own Enter (C4): it is listed with the others but is no chord (docs/decisions.md).
import type { CommandAvailability, SnapshotInteraction, VoiceInteraction } from 'c/connectorProtocol';

export type ShortcutIntent = 'accept' | 'decline' | 'hold' | 'mute' | 'end';

/** The chords, in the order the help lists them: the physical key and the letter printed on it (US layout). */
export const SHORTCUTS: { intent: ShortcutIntent; code: string; letter: string }[] = [
  { intent: 'accept', code: 'KeyA', letter: 'A' },
  { intent: 'decline', code: 'KeyD', letter: 'D' },
  { intent: 'hold', code: 'KeyH', letter: 'H' },
  { intent: 'mute', code: 'KeyM', letter: 'M' },
  { intent: 'end', code: 'KeyE', letter: 'E' }
];

/** What a shortcut reads of a key event. */
export interface KeyLike {
  code?: string;
  altKey?: boolean;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
}

/** The intent of a keydown, or null: exactly Alt+Shift and a listed key, not a key held down (that would repeat). */
export function shortcutIntent(event: KeyLike): ShortcutIntent | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return null;
  return SHORTCUTS.find((s) => s.code === event.code)?.intent ?? null;
}

/** The command a shortcut means now: which interaction, which command, and whether the snapshot allows it. */
export interface ShortcutTarget {
  interactionId: string;
  command: string;
  availability: CommandAvailability | null;
}

type Interaction = SnapshotInteraction;

const availabilityOf = (interaction: Interaction, command: string): CommandAvailability | null =>
  interaction.commands.find((c) => c.command === command) ?? null;

/** The newest offer of any channel (the one at the bottom of the stack): latest `offeredAt`, else the last listed. */
export function newestOffer(interactions: SnapshotInteraction[]): Interaction | null {
  let newest: Interaction | null = null;
  for (const interaction of interactions) {
    if (interaction.lifecycle !== 'offered') continue;
    if (!newest || (interaction.timers.offeredAt ?? 0) >= (newest.timers.offeredAt ?? 0)) newest = interaction;
  }
  return newest;
}

/** The call in front of the agent: the connected one not on hold, else the one accepted last (held, V11). */
export function liveCall(interactions: SnapshotInteraction[]): VoiceInteraction | null {
  const calls = interactions.filter((i): i is VoiceInteraction => i.channel === 'voice' && i.lifecycle === 'active');
  const live = calls.find((call) => !call.held);
  if (live) return live;
  return calls.reduce<VoiceInteraction | null>(
    (latest, call) => (!latest || (call.timers.acceptedAt ?? 0) >= (latest.timers.acceptedAt ?? 0) ? call : latest),
    null
  );
}

/**
 * The command an intent means for the snapshot's interactions, or null when there is nothing to act on. Hold and
 * Mute are toggles (V2): on a held call Hold means resume, on a muted one Mute means unmute.
 */
export function shortcutTarget(intent: ShortcutIntent, interactions: SnapshotInteraction[]): ShortcutTarget | null {
  if (intent === 'accept' || intent === 'decline') {
    const offer = newestOffer(interactions);
    return offer ? { interactionId: offer.id, command: intent, availability: availabilityOf(offer, intent) } : null;
  }
  const call = liveCall(interactions);
  if (!call) return null;
  const command =
    intent === 'hold' ? (call.held ? 'resume' : 'hold') : intent === 'mute' ? (call.muted ? 'unmute' : 'mute') : 'end';
  return { interactionId: call.id, command, availability: availabilityOf(call, command) };
}
