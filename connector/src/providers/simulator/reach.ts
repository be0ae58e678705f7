// Whether a simulated phone answers: an agent who is not Offline, a queue with someone logged in, or any number not
// configured as unreachable. Used for consults and blind transfers (V4–V6).
import type { CallTarget } from '../../interactions/voice';
import type { FailureReason } from './scenario';
import type { SimCore } from './core';

export async function reachability(
  core: SimCore,
  target: CallTarget,
  dialled: string | null,
  callerAgentId: string
): Promise<FailureReason | null> {
  if (target.kind === 'number' || target.kind === 'contact') return core.unreachable(dialled);
  const engine = core.engine;
  if (!engine) return 'failed';
  const agents = await engine.routableAgents();
  core.rememberAgents(agents);
  if (target.kind === 'agent') {
    const agent = agents.find((candidate) => candidate.agentId === target.agentId);
    if (!agent) return 'invalidNumber';
    return agent.status === 'Offline' ? 'noAnswer' : null;
  }
  const named = core.scenarioMembers(target.queueId);
  const someone = agents.some(
    (agent) =>
      agent.agentId !== callerAgentId &&
      agent.status !== 'Offline' &&
      (agent.queueIds.includes(target.queueId) || named.has(agent.agentId))
  );
  return someone ? null : 'noAnswer';
}
