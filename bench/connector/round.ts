// One measured round: commands arrive at a steady rate from random agents (setDetails, an agent typing notes), and
// meanwhile some agents toggle Busy/Available, so the agents directory changes all the time and every connected panel
// gets an agentsDelta frame a second. Every command is timed from send to its snapshot's receipt.
import type { Agent } from './agent';

export interface RoundLoad {
  /** How many setDetails commands the round sends. */
  commands: number;
  /** setDetails per second. */
  rate: number;
  /** Presence changes (goBusy / goAvailable) per second, spread over the agents. */
  presenceRate: number;
}

export interface RoundResult {
  /** Command-to-snapshot latency of every command of the round, in ms (setDetails and presence). */
  samples: number[];
  presenceSamples: number[];
  seconds: number;
}

const BUSY_REASONS = ['Break', 'Lunch', 'Meeting', 'Training'];

export async function runRound(
  round: number,
  agents: Agent[],
  held: Map<Agent, string[]>,
  busy: Set<Agent>,
  load: RoundLoad
): Promise<RoundResult> {
  const samples: number[] = [];
  const presenceSamples: number[] = [];
  const running: Promise<void>[] = [];
  const toggling = new Set<Agent>();
  const started = Date.now();
  const seconds = load.commands / load.rate;
  const presenceTotal = Math.round(seconds * load.presenceRate);
  let sent = 0;
  let toggled = 0;
  const dueCommand = (i: number) => started + (i * 1000) / load.rate;
  const duePresence = (i: number) => started + ((i + 0.5) * 1000) / load.presenceRate;
  while (sent < load.commands || toggled < presenceTotal) {
    const next = Math.min(
      sent < load.commands ? dueCommand(sent) : Infinity,
      toggled < presenceTotal ? duePresence(toggled) : Infinity
    );
    const wait = next - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const now = Date.now();
    for (; sent < load.commands && dueCommand(sent) <= now; sent++) {
      const i = sent + round * load.commands;
      const agent = agents[(i * 7919) % agents.length]!;
      const ids = held.get(agent) ?? [];
      const id = ids[i % ids.length];
      if (!id) continue;
      running.push(
        agent.timedCommand('setDetails', id, { notes: `round ${round} note ${i}` }).then((ms) => void samples.push(ms))
      );
    }
    for (; toggled < presenceTotal && duePresence(toggled) <= now; toggled++) {
      const i = toggled + round * presenceTotal;
      let agent = agents[(i * 4099 + 17) % agents.length]!;
      while (toggling.has(agent)) agent = agents[(agent.index + 1) % agents.length]!;
      toggling.add(agent);
      const goBusy = !busy.has(agent);
      const command = goBusy
        ? agent.timedCommand('goBusy', undefined, { reasonCode: BUSY_REASONS[i % BUSY_REASONS.length] })
        : agent.timedCommand('goAvailable');
      running.push(
        command.then((ms) => {
          toggling.delete(agent);
          if (goBusy) busy.add(agent);
          else busy.delete(agent);
          samples.push(ms);
          presenceSamples.push(ms);
        })
      );
    }
  }
  await Promise.all(running);
  return { samples, presenceSamples, seconds: (Date.now() - started) / 1000 };
}
