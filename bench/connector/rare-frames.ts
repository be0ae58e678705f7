// After the rounds: the frames a steady load does not send, provoked once each so their sizes are measured at 2,000
// agents — a second tab's hello (welcome, inbox, snapshot, every directory with live presence), pong, error, rejected,
// and sync (the org answers 503 to an outbound SMS's Task, then recovers).
import { Agent, type FrameSeen } from './agent';
import type { FrameSizes } from './frames';
import { devToken } from './processes';
import { SMS_SENDER } from './scenario';

export interface RareFramesSetup {
  url: string;
  /** The local org (null when the connector does not sync: then no sync frame is provoked). */
  orgUrl: string | null;
  agents: Agent[];
  held: Map<Agent, string[]>;
  sizes: FrameSizes;
  onFrame: (agent: Agent, frame: FrameSeen) => void;
}

// The agents directory again, now with live presence (snapshots of the rounds already hold open work).
const HELLO_FRAMES = ['directory.agents'];

/** Resolves with the next frame of that type any agent receives (or null after `seconds`). */
function nextFrame(
  watchers: Set<(frame: FrameSeen) => void>,
  type: string,
  seconds: number
): Promise<FrameSeen | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      watchers.delete(watch);
      resolve(null);
    }, seconds * 1000);
    const watch = (frame: FrameSeen) => {
      if (frame.type !== type) return;
      clearTimeout(timer);
      watchers.delete(watch);
      resolve(frame);
    };
    watchers.add(watch);
  });
}

async function faults(orgUrl: string, body: object): Promise<void> {
  const res = await fetch(`${orgUrl}/__localorg/faults`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`local org faults: ${res.status} ${await res.text()}`);
}

export async function provokeRareFrames(setup: RareFramesSetup): Promise<void> {
  const { url, orgUrl, agents, sizes } = setup;
  const watchers = new Set<(frame: FrameSeen) => void>();
  const first = agents[0]!;
  const tab = new Agent(
    first.agentId,
    0,
    (agent, frame) => {
      setup.onFrame(agent, frame);
      for (const watch of [...watchers]) watch(frame);
    },
    't2'
  );
  for (const type of HELLO_FRAMES) sizes.forget(type);
  await tab.connect(url, await devToken(url, first.agentId));
  const pong = nextFrame(watchers, 'pong', 5);
  tab.send({ type: 'ping' });
  await pong;
  const error = nextFrame(watchers, 'error', 5);
  tab.send('{"type":');
  await error;
  const refused = await tab.command('goBusy', undefined, { reasonCode: 'No_Such_Reason' });
  if (refused.answer.type !== 'rejected')
    throw new Error(`bench: an unknown Busy reason was not rejected: ${JSON.stringify(refused.answer)}`);
  await tab.command('setDetails', setup.held.get(first)?.[0], { notes: 42 }); // INVALID_INPUT, with issues
  if (orgUrl === null) {
    tab.close();
    return;
  }
  // S7: the org fails; the outbound SMS's Task cannot be written; every panel is told sync is delayed, then ok.
  await faults(orgUrl, { errorRates: { '503': 1 } });
  const delayed = nextFrame(watchers, 'sync', 60);
  const sent = await tab.command('sendOutbound', undefined, {
    channel: 'sms',
    senderId: SMS_SENDER.id,
    to: '+14155550199',
    text: 'Your order has shipped.'
  });
  if (sent.answer.type !== 'ack') throw new Error(`bench: sendOutbound refused: ${sent.answer.error?.code}`);
  const wasDelayed = await delayed;
  const recovered = nextFrame(watchers, 'sync', 120);
  await faults(orgUrl, { reset: true });
  if (!wasDelayed || !(await recovered)) console.error('bench: no sync frame was seen');
  tab.close();
}
