// Turning one applied desk transition into rows, all in the caller's transaction: agent + interactions + journal +
// outbox + timers (+ the command receipt, written by the engine). Either all of it commits or none of it.
import type { Effect, SyncOperation } from '../interactions/kernel/effects';
import type { AnyInteraction } from '../interactions/registry';
import type { DeskState } from '../interactions/desk/state';
import type { Instant } from '../interactions/kernel/types';
import { NEVER_STORED_VOICE_FIELDS } from '../interactions/voice';
import * as store from '../store';
import type { Queryable } from '../store';

export class StaleVersionError extends Error {
  constructor(what: string) {
    super(`STALE_VERSION: ${what} changed underneath this transition`);
  }
}

/** V14: the live transcript is shown during the call and never stored. */
export function storable(state: AnyInteraction): unknown {
  if (state.channel !== 'voice') return state;
  const copy: Record<string, unknown> = { ...state };
  for (const field of NEVER_STORED_VOICE_FIELDS) copy[field] = [];
  return copy;
}

/** The Salesforce write's identity: retries and repeats of the same operation upsert the same record (S5, S7). */
export function dedupeKey(op: SyncOperation): string {
  switch (op.op) {
    case 'task.log':
      return `task:${op.interactionId}${op.round !== undefined && op.round > 1 ? `#${op.round}` : ''}`;
    case 'workItem.update':
      return `workItem:${op.interactionId}:${op.agentId}:${op.status}`;
    case 'screenPop.lookup':
      return `screenPop:${op.interactionId}`;
    case 'presence.mirror':
      return `presence:${op.agentId}`;
  }
}

/** D6: who a private note is about — the customer's address on the channel (number, e-mail, digital id). */
export function contactKeyOf(state: AnyInteraction): string {
  const scheme = state.channel === 'voice' ? 'tel' : state.channel;
  return `${scheme}:${state.customer.address.trim().toLowerCase()}`;
}

/** D6: notes of a finished interaction are kept privately for their author, for the next interaction with the contact. */
export async function writePrivateNotes(
  tx: Queryable,
  effects: Effect[],
  touched: Map<string, AnyInteraction>,
  at: Instant
): Promise<void> {
  for (const effect of effects) {
    if (effect.kind !== 'sync' || effect.operation.op !== 'task.log') continue;
    const { interactionId, agentId, details } = effect.operation;
    const state = touched.get(interactionId);
    if (!state || details.notes.trim() === '') continue;
    await store.privateNotes.add(tx, {
      authorAgentId: agentId,
      contactKey: contactKeyOf(state),
      interactionId,
      body: details.notes,
      at
    });
  }
}

export interface DeskWrite {
  desk: DeskState<AnyInteraction>;
  deskVersion: number;
  touched: Map<string, AnyInteraction>;
  versions: Map<string, number>;
  effects: Effect[];
  journal: { source: string; kind: string; interactionId: string | null; payload: unknown };
  at: Instant;
}

/** Writes a desk transition; returns the agent's new version. Throws StaleVersionError on a concurrent change. */
export async function writeDesk(tx: Queryable, w: DeskWrite): Promise<number> {
  const { desk } = w;
  const deskJson = { agent: desk.agent, presence: desk.presence };
  const agentOk = await store.agents.upsert(tx, {
    agentId: desk.agent.agentId,
    displayName: desk.agent.agentName,
    profile: desk.agent,
    desk: deskJson,
    expectedVersion: w.deskVersion,
    at: w.at
  });
  if (!agentOk) throw new StaleVersionError(`agent ${desk.agent.agentId}`);
  await writeInteractions(tx, w.touched, w.versions, w.at);
  await store.journal.append(tx, [
    {
      at: w.at,
      agentId: desk.agent.agentId,
      interactionId: w.journal.interactionId,
      source: w.journal.source,
      kind: w.journal.kind,
      payload: w.journal.payload
    }
  ]);
  await writeEffects(tx, w.effects, w.at);
  await writePrivateNotes(tx, w.effects, w.touched, w.at);
  return w.deskVersion + 1;
}

export async function writeInteractions(
  tx: Queryable,
  touched: Map<string, AnyInteraction>,
  versions: Map<string, number>,
  at: Instant
): Promise<void> {
  for (const state of touched.values()) {
    const expected = versions.get(state.id) ?? 0;
    const ok = await store.interactions.upsert(tx, {
      id: state.id,
      channel: state.channel,
      ownerAgentId: state.ownerAgentId,
      queueId: state.queueId,
      lifecycle: state.lifecycle,
      state: storable(state),
      expectedVersion: expected,
      at
    });
    if (!ok) throw new StaleVersionError(`interaction ${state.id}`);
    versions.set(state.id, expected + 1);
  }
}

/** Sync operations become outbox rows; timers become timer rows. Provider/routing/notice effects run after commit. */
export async function writeEffects(tx: Queryable, effects: Effect[], at: Instant): Promise<void> {
  for (const effect of effects) {
    if (effect.kind === 'sync') {
      // Presence is mirrored by the panel's Omni relay (UserServicePresence cannot be written through the API).
      if (effect.operation.op === 'presence.mirror') continue;
      await store.outbox.enqueue(tx, {
        dedupeKey: dedupeKey(effect.operation),
        interactionId: 'interactionId' in effect.operation ? effect.operation.interactionId : null,
        operation: effect.operation,
        at
      });
    } else if (effect.kind === 'timer' && effect.interactionId !== undefined) {
      if (effect.action === 'set' && effect.at !== undefined) {
        await store.timers.set(tx, {
          interactionId: effect.interactionId,
          timer: effect.timer,
          fireAt: effect.at,
          agentId: null
        });
      } else if (effect.action === 'clear') {
        await store.timers.clear(tx, effect.interactionId, effect.timer);
      }
    }
  }
}
