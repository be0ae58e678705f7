// Who the agents are: name, queues, outbound skills. Filled from configuration (the simulator's scenario) and from
// sign-in (Salesforce userinfo); the engine reads it to build desks and to route.
import { z } from 'zod';

export const agentProfileSchema = z.object({
  agentId: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  queueIds: z.array(z.string().min(1).max(80)).default([]),
  outboundSkills: z.array(z.object({ id: z.string().min(1).max(80), name: z.string().min(1).max(200) })).default([]),
  country: z.string().length(2).optional(),
  /** C7: the language Quick Texts are shown in (en, de, es, fr, nl; others fall back to en). */
  language: z.string().min(2).max(10).optional(),
  /** C8, C9: supervisors are listed as such among transfer and conference targets. */
  role: z.enum(['agent', 'supervisor']).default('agent')
});
export type AgentProfile = z.infer<typeof agentProfileSchema>;
export type AgentProfileInput = z.input<typeof agentProfileSchema>;

export class AgentDirectory {
  private readonly profiles = new Map<string, AgentProfile>();

  /**
   * @param defaultQueueIds queues an agent serves when configuration names none for them (the embedded demo: every
   * simulator queue), so a person who signs in gets work without editing a file.
   * @param defaultOutboundSkills what such an agent may dial with (V9; the embedded demo: the voice queues).
   */
  constructor(
    profiles: AgentProfileInput[] = [],
    private readonly defaultQueueIds: string[] = [],
    private readonly defaultOutboundSkills: AgentProfile['outboundSkills'] = []
  ) {
    for (const input of profiles) {
      const p = agentProfileSchema.parse(input);
      this.profiles.set(p.agentId, p);
    }
  }

  get(agentId: string): AgentProfile | undefined {
    return this.profiles.get(agentId);
  }

  /**
   * Adds an agent seen at sign-in; an agent already configured keeps its queues, skills and role. Returns whether the
   * directory changed (a new agent, or a language learnt at sign-in).
   */
  ensure(agentId: string, name: string, seen: { language?: string | null } = {}): boolean {
    const known = this.profiles.get(agentId);
    if (known) {
      if (!seen.language || known.language === seen.language) return false;
      this.profiles.set(agentId, { ...known, language: seen.language });
      return true;
    }
    const profile: AgentProfile = {
      agentId,
      name,
      queueIds: [...this.defaultQueueIds],
      outboundSkills: this.defaultOutboundSkills.map((skill) => ({ ...skill })),
      role: 'agent',
      ...(seen.language ? { language: seen.language } : {})
    };
    this.profiles.set(agentId, profile);
    return true;
  }

  /** Queue id -> the agents serving it (D12 needs to know when an agent is a queue's only member). */
  membersByQueue(): Map<string, string[]> {
    const members = new Map<string, string[]>();
    for (const p of this.profiles.values()) {
      for (const q of p.queueIds) members.set(q, [...(members.get(q) ?? []), p.agentId]);
    }
    return members;
  }

  all(): AgentProfile[] {
    return [...this.profiles.values()];
  }
}
