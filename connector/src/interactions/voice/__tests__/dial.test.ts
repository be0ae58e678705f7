import { createVoiceMachine, defaultVoiceConfig, dialCall, type AgentContext } from '..';
import {
  AGENT,
  CALL_ID,
  CASE_ID,
  CONTACT_ID,
  T0,
  agentContext,
  applied,
  command,
  dialling,
  effectsOfKind,
  fromProvider,
  refusal,
  run,
  syncOps
} from './helpers';

const skills = (count: number): AgentContext => ({
  ...agentContext,
  outboundSkills: Array.from({ length: count }, (_, i) => ({ id: `skill-${i + 1}`, name: `Skill ${i + 1}` }))
});
const dial = (input: Record<string, unknown>, agent: AgentContext = agentContext, config = defaultVoiceConfig) =>
  dialCall({ interactionId: CALL_ID, ...input }, T0, config, agent);

describe('dialCall', () => {
  it('V9 dials a typed number in E.164 and rings out', () => {
    const { state, effects } = applied(dial({ number: '(415) 555-0134' }));
    expect(state).toMatchObject({
      direction: 'outbound',
      lifecycle: 'active',
      callState: 'dialing',
      number: '+14155550134',
      ownerAgentId: AGENT,
      source: 'keypad',
      emergency: false
    });
    expect(state.timers).toMatchObject({ acceptedAt: T0, handleResumedAt: T0 });
    expect(effectsOfKind(effects, 'provider')[0]).toMatchObject({ action: 'dial', args: { number: '+14155550134' } });
    expect(syncOps(effects).map((op) => op.op)).toEqual(['workItem.update', 'screenPop.lookup']);
  });

  it('V9 refuses a number that does not normalise', () => {
    expect(refusal(dial({ number: '555-01' }))).toBe('INVALID_NUMBER');
  });

  it('V9 chooses the outbound skill itself when the agent has exactly one', () => {
    expect(applied(dial({ number: '4155550134' }, skills(1))).state).toMatchObject({
      queueId: 'skill-1',
      queueName: 'Skill 1'
    });
  });

  it('V9 requires a skill choice when the agent has several, and only one of theirs', () => {
    expect(refusal(dial({ number: '4155550134' }, skills(2)))).toBe('SKILL_REQUIRED');
    expect(refusal(dial({ number: '4155550134', skillId: 'skill-9' }, skills(2)))).toBe('UNKNOWN_SKILL');
    expect(applied(dial({ number: '4155550134', skillId: 'skill-2' }, skills(2))).state.queueId).toBe('skill-2');
  });

  it('V10 emergency numbers dial at once, whatever the skill choice', () => {
    const { state, effects } = applied(dial({ number: '911' }, skills(3)));
    expect(state).toMatchObject({ emergency: true, number: '911', queueId: null });
    expect(effectsOfKind(effects, 'provider')[0]).toMatchObject({ action: 'dial', args: { emergency: true } });
    expect(applied(dial({ number: '911', skillId: 'not-mine' }, skills(2))).state.emergency).toBe(true);
  });

  it("V10 uses the agent's own country for emergency numbers", () => {
    const inLondon = { ...agentContext, country: 'GB' };
    expect(applied(dial({ number: '999' }, inLondon)).state.emergency).toBe(true);
    expect(refusal(dial({ number: '999' }))).toBe('INVALID_NUMBER');
  });

  it('V12 click-to-dial from a record sets it as Related To and is logged like any call', () => {
    const start = applied(dial({ number: '+1 415 555 0134', source: 'clickToDial', recordId: CASE_ID }));
    expect(start.state).toMatchObject({ source: 'clickToDial', details: { whatId: CASE_ID, whoId: null } });
    expect(syncOps(start.effects).map((op) => op.op)).toEqual(['workItem.update']);
    const { effects } = run(start.state, [
      fromProvider({ type: 'callConnected', providerCallId: 'pc-out' }, T0 + 5_000),
      command({ command: 'end' }, T0 + 65_000),
      command({ command: 'wrapUpDone' }, T0 + 70_000)
    ]);
    expect(syncOps(effects)).toContainEqual(
      expect.objectContaining({
        op: 'task.log',
        direction: 'outbound',
        providerCallId: 'pc-out',
        durationSeconds: 65,
        details: expect.objectContaining({ whatId: CASE_ID })
      })
    );
  });

  it('V12 click-to-dial from a contact or lead sets it as Name', () => {
    expect(
      applied(dial({ number: '4155550134', source: 'clickToDial', recordId: CONTACT_ID })).state.details
    ).toMatchObject({ whoId: CONTACT_ID, whatId: null });
  });

  it('refuses malformed input with the fields named', () => {
    const result = dialCall({ number: 42 }, T0, defaultVoiceConfig, agentContext);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.issues?.map((issue) => issue.path)).toEqual(['interactionId', 'number']);
  });

  it('an outbound call that is not answered ends in wrap-up and is still logged', () => {
    const machine = createVoiceMachine();
    const failed = applied(machine.transition(dialling(), fromProvider({ type: 'dialFailed', reason: 'busy' })));
    expect(failed.state).toMatchObject({ lifecycle: 'wrapUp', endedBy: 'network' });
    expect(effectsOfKind(failed.effects, 'notice')[0]).toMatchObject({
      notice: 'dialFailed',
      args: { reason: 'busy' }
    });
  });
});
