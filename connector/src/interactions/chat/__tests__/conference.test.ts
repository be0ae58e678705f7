import { chatAllowedCommands, chatTransition } from '../machine';
import { OWNER, T0, accepted, cmd, config, expectRefused, provider, providerActions, run, say } from './fixtures';

const BOB = 'agent-bob';
const invite = (agentId = BOB) => cmd({ command: 'conferenceInvite', args: { agentId } });
const bobJoins = provider({ type: 'conference.accepted', agentId: BOB, agentName: 'Bob' });
const asBob = (command: Parameters<typeof cmd>[0]) => cmd(command, BOB, 'Bob');

const enabledFor = (state: ReturnType<typeof accepted>, agentId: string) =>
  chatAllowedCommands(state, agentId)
    .filter((c) => c.enabled)
    .map((c) => c.command)
    .sort();

describe('chat conference', () => {
  it('C9 an invitation is Requested until the provider reports the agent accepted, then Active', () => {
    const requested = run(accepted(), invite());
    expect(requested.state.conference).toEqual([
      expect.objectContaining({ agentId: BOB, state: 'Requested', agentName: null })
    ]);
    expect(requested.effects).toEqual([
      { kind: 'provider', interactionId: 'chat-1', action: 'conferenceInvite', args: { agentId: BOB } }
    ]);
    const active = run(requested.state, bobJoins).state;
    expect(active.conference).toEqual([expect.objectContaining({ agentId: BOB, state: 'Active', agentName: 'Bob' })]);
  });

  it('C9 "<agent> joined" is a system line everyone sees, with the agent’s name', () => {
    const { state } = run(accepted(), invite(), bobJoins);
    expect(state.transcript.at(-1)).toMatchObject({
      from: 'system',
      systemEvent: 'agent_joined',
      author: 'Bob',
      text: 'Bob joined'
    });
  });

  it('C9 an invited agent may write once joined, and not before', () => {
    const requested = run(accepted(), invite()).state;
    expect(expectRefused(chatTransition(requested, asBob(say('hi'))))).toBe('CHAT_NOT_PARTICIPANT');
    const { state } = run(requested, bobJoins, asBob(say('Bob here')));
    expect(state.transcript.at(-1)).toMatchObject({ from: 'agent', author: 'Bob', text: 'Bob here' });
  });

  it('C9 what a command list offers depends on who asks: owner or invited agent', () => {
    const state = run(accepted(), invite(), bobJoins).state;
    expect(enabledFor(state, OWNER)).toEqual(
      ['conferenceEnd', 'conferenceInvite', 'end', 'pushPage', 'send', 'setDetails', 'setTranscriptEmail'].sort()
    );
    expect(enabledFor(state, BOB)).toEqual(['conferenceLeave', 'pushPage', 'send']);
    expect(enabledFor(state, 'agent-stranger')).toEqual([]);
  });

  it('C9 only the owning agent ends the chat', () => {
    const state = run(accepted(), invite(), bobJoins).state;
    expect(expectRefused(chatTransition(state, asBob({ command: 'end' })))).toBe('NOT_OWNER');
    expect(chatAllowedCommands(state, BOB).find((c) => c.command === 'end')).toMatchObject({ reason: 'NOT_OWNER' });
  });

  it('C9 the invited agent can leave; everyone sees it', () => {
    const { state, effects } = run(accepted(), invite(), bobJoins, asBob({ command: 'conferenceLeave' }));
    expect(state.conference).toEqual([]);
    expect(state.transcript.at(-1)).toMatchObject({ systemEvent: 'agent_left', author: 'Bob' });
    expect(effects.at(-1)).toEqual({
      kind: 'provider',
      interactionId: 'chat-1',
      action: 'conferenceLeave',
      args: { agentId: BOB }
    });
    expect(state.lifecycle).toBe('active');
  });

  it('C9 the owner cannot "leave" the chat: end the conference or the chat instead', () => {
    const state = run(accepted(), invite(), bobJoins).state;
    expect(expectRefused(chatTransition(state, cmd({ command: 'conferenceLeave' })))).toBe('CHAT_OWNER_CANNOT_LEAVE');
  });

  it('C9 the inviting agent ends the conference: joined agents leave, open invitations are withdrawn', () => {
    const state = run(accepted(), invite(), bobJoins, invite('agent-cem')).state;
    const { state: after, effects } = run(state, cmd({ command: 'conferenceEnd' }));
    expect(after.conference).toEqual([]);
    expect(after.transcript.filter((l) => l.systemEvent === 'agent_left').map((l) => l.author)).toEqual(['Bob']);
    expect(effects).toEqual([
      { kind: 'provider', interactionId: 'chat-1', action: 'conferenceEnd', args: { agentIds: [BOB, 'agent-cem'] } }
    ]);
    expect(expectRefused(chatTransition(state, asBob({ command: 'conferenceEnd' })))).toBe('NOT_OWNER');
  });

  it('C9 a declined invitation is removed and the owner is told', () => {
    const { state, effects } = run(accepted(), invite(), provider({ type: 'conference.declined', agentId: BOB }));
    expect(state.conference).toEqual([]);
    expect(effects).toContainEqual(expect.objectContaining({ kind: 'notice', notice: 'conferenceDeclined' }));
  });

  it('C9 the provider reporting an agent left removes them', () => {
    const { state } = run(accepted(), invite(), bobJoins, provider({ type: 'conference.left', agentId: BOB }));
    expect(state.conference).toEqual([]);
    expect(state.transcript.at(-1)).toMatchObject({ systemEvent: 'agent_left', author: 'Bob' });
  });

  it('C9 invitations are checked: no double invite, no self invite, no reply for an uninvited agent, a size limit', () => {
    const once = run(accepted(), invite()).state;
    expect(expectRefused(chatTransition(once, invite()))).toBe('CHAT_ALREADY_IN');
    expect(expectRefused(chatTransition(accepted(), invite(OWNER)))).toBe('CHAT_ALREADY_IN');
    expect(expectRefused(chatTransition(accepted(), bobJoins))).toBe('CHAT_NOT_INVITED');
    const full = run(accepted(config({ maxConferenceAgents: 1 })), invite()).state;
    expect(expectRefused(chatTransition(full, invite('agent-cem')))).toBe('CHAT_CONFERENCE_FULL');
  });

  it('C10 ending the chat releases the conference', () => {
    const { state, effects } = run(accepted(), invite(), bobJoins, cmd({ command: 'end' }));
    expect(state.conference).toEqual([]);
    expect(providerActions(effects)).toEqual(['conferenceInvite', 'conferenceEnd', 'end']);
  });

  it('C9 a paused owner does not silence an invited agent (A6 pauses the owner’s desk only)', () => {
    const state = run(accepted(), invite(), bobJoins, { source: 'desk', at: T0 + 2_000, action: 'pause' }).state;
    expect(run(state, asBob(say('I can take this'))).state.transcript.at(-1)?.author).toBe('Bob');
  });
});
