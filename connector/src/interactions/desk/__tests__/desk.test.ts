import { activityOf, initialDesk } from '../state';
import type { AnyInteraction } from '../../registry';
import { AGENT, T0, apply, available, callOffer, chatOffer, command, emailInQueue, ok, runtime } from './fixtures';

describe('desk: rules that span an agent’s work', () => {
  it('A3 only an Available agent receives inbound offers', () => {
    const core = runtime();
    const offline = initialDesk<AnyInteraction>(AGENT, T0);
    expect(core.desk.transition(offline, callOffer(core, 'c1'))).toMatchObject({
      ok: false,
      rejection: { code: 'OFFLINE' }
    });
    const busy = apply(core, offline, {
      type: 'presenceCommand',
      at: T0,
      command: { command: 'goBusy', args: { reasonCode: 'Break' } }
    });
    expect(core.desk.transition(busy, chatOffer(core, 'ch1'))).toMatchObject({
      ok: false,
      rejection: { code: 'NOT_AVAILABLE' }
    });
    const desk = apply(core, available(core), callOffer(core, 'c1'));
    expect(desk.interactions.c1?.lifecycle).toBe('offered');
  });

  it('A3 outbound calls are allowed in every status but Offline', () => {
    const core = runtime();
    const busy = apply(core, initialDesk<AnyInteraction>(AGENT, T0), {
      type: 'presenceCommand',
      at: T0,
      command: { command: 'goBusy', args: { reasonCode: 'Lunch' } }
    });
    const dialled = ok(
      core.desk.transition(busy, { type: 'dial', at: T0 + 1, request: { interactionId: 'o1', number: '+14155550111' } })
    );
    expect(dialled.interactions.o1?.direction).toBe('outbound');
    const offline = initialDesk<AnyInteraction>(AGENT, T0);
    expect(
      core.desk.transition(offline, {
        type: 'dial',
        at: T0 + 1,
        request: { interactionId: 'o2', number: '+14155550111' }
      })
    ).toMatchObject({ ok: false, rejection: { code: 'OFFLINE' } });
    expect(core.desk.allowedCommands(offline).dial).toMatchObject({ enabled: false, reason: 'OFFLINE' });
  });

  it('A4 an offer not accepted in time goes back to its queue and the agent becomes RONA', () => {
    const core = runtime();
    const desk = apply(core, available(core), callOffer(core, 'c1'));
    const r = core.desk.transition(desk, { type: 'clock', at: T0 + 30_000, interactionId: 'c1', timer: 'offer' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.state.interactions.c1).toBeUndefined();
    expect(r.state.presence.status).toBe('RONA');
    expect(r.effects).toContainEqual(
      expect.objectContaining({
        kind: 'routing',
        action: 'requeue',
        interactionId: 'c1',
        excludeAgentId: AGENT.agentId
      })
    );
    expect(r.effects).toContainEqual({ kind: 'notice', notice: 'ronaPrompt' });
  });

  it('A4 in RONA no offer of any channel arrives until the agent chooses a status', () => {
    const core = runtime();
    let desk = apply(core, available(core), callOffer(core, 'c1'), {
      type: 'clock',
      at: T0 + 30_000,
      interactionId: 'c1',
      timer: 'offer'
    });
    expect(core.desk.transition(desk, callOffer(core, 'c2'))).toMatchObject({
      ok: false,
      rejection: { code: 'IN_RONA' }
    });
    expect(core.desk.transition(desk, chatOffer(core, 'ch1'))).toMatchObject({
      ok: false,
      rejection: { code: 'IN_RONA' }
    });
    desk = apply(core, desk, { type: 'presenceCommand', at: T0 + 40_000, command: { command: 'goAvailable' } });
    expect(core.desk.transition(desk, chatOffer(core, 'ch1')).ok).toBe(true);
  });

  it('A5 offers stop while at capacity for the channel (3 chats) and resume when one closes', () => {
    const core = runtime();
    let desk = apply(core, available(core), chatOffer(core, 'ch1'), chatOffer(core, 'ch2'), chatOffer(core, 'ch3'));
    expect(core.desk.transition(desk, chatOffer(core, 'ch4'))).toMatchObject({
      ok: false,
      rejection: { code: 'AT_CAPACITY' }
    });
    desk = apply(core, desk, command('ch1', 'decline'));
    expect(core.desk.transition(desk, chatOffer(core, 'ch4')).ok).toBe(true);
  });

  it('A5 the total capacity caps all channels together', () => {
    const core = runtime({ desk: { capacity: { voice: 1, chat: 3, digital: 5, total: 2 } } });
    const desk = apply(core, available(core), chatOffer(core, 'ch1'), chatOffer(core, 'ch2'));
    expect(core.desk.transition(desk, chatOffer(core, 'ch3'))).toMatchObject({
      ok: false,
      rejection: { code: 'AT_CAPACITY' }
    });
  });

  it('A5 opening inbox work by hand respects digital capacity', () => {
    const core = runtime({ desk: { capacity: { voice: 1, chat: 3, digital: 1, total: 6 } } });
    let desk = available(core);
    desk = ok(
      core.desk.transition(desk, {
        type: 'take',
        at: T0 + 1,
        interaction: emailInQueue(core, 'e1'),
        command: { command: 'open' }
      })
    );
    expect(desk.interactions.e1?.ownerAgentId).toBe(AGENT.agentId);
    expect(
      core.desk.transition(desk, {
        type: 'take',
        at: T0 + 2,
        interaction: emailInQueue(core, 'e2'),
        command: { command: 'open' }
      })
    ).toMatchObject({ ok: false, rejection: { code: 'AT_CAPACITY' } });
  });

  it('A6 a call is offered to an agent busy only with interruptible work, pauses it, and resumes it after the call', () => {
    const core = runtime({ desk: { interruptibleByCall: ['email'] } });
    let desk = ok(
      core.desk.transition(available(core), {
        type: 'take',
        at: T0 + 1,
        interaction: emailInQueue(core, 'e1'),
        command: { command: 'open' }
      })
    );
    desk = apply(core, desk, callOffer(core, 'c1', T0 + 100), command('c1', 'accept', T0 + 200));
    const email = desk.interactions.e1;
    expect(email?.pausedByCall).toBe(true);
    expect(email?.timers.handleResumedAt).toBeNull();
    expect(email?.timers.handledMs).toBe(199); // T0+1 .. T0+200: the handle-time clock stopped at the call
    // Cannot be replied to while paused.
    expect(core.desk.transition(desk, command('e1', 'reply', T0 + 300, { text: 'hi' }))).toMatchObject({
      ok: false,
      rejection: { code: 'PAUSED_BY_CALL' }
    });
    // The call ends; wrap-up done; the e-mail resumes where it was.
    desk = apply(core, desk, command('c1', 'end', T0 + 1_000));
    expect(desk.interactions.e1?.pausedByCall).toBe(false);
    expect(desk.interactions.e1?.timers.handleResumedAt).toBe(T0 + 1_000);
    expect(desk.interactions.e1?.timers.handledMs).toBe(199);
  });

  it('A6 a call is not offered while the agent has non-interruptible work (chat)', () => {
    const core = runtime({ desk: { interruptibleByCall: ['email'] } });
    const desk = apply(core, available(core), chatOffer(core, 'ch1'), command('ch1', 'accept'));
    expect(core.desk.transition(desk, callOffer(core, 'c1'))).toMatchObject({
      ok: false,
      rejection: { code: 'AT_CAPACITY' }
    });
  });

  it('A1 Working is derived from open interactions, and wrap-up moves an Available agent to WrapUp and back', () => {
    const core = runtime();
    let desk = available(core);
    expect(activityOf(desk)).toBe('Idle');
    desk = apply(core, desk, callOffer(core, 'c1'), command('c1', 'accept'));
    expect(activityOf(desk)).toBe('Working');
    desk = apply(core, desk, command('c1', 'end', T0 + 500));
    expect(desk.presence.status).toBe('WrapUp');
    expect(core.desk.transition(desk, chatOffer(core, 'ch9'))).toMatchObject({
      ok: false,
      rejection: { code: 'NOT_AVAILABLE' }
    });
    desk = apply(core, desk, command('c1', 'wrapUpDone', T0 + 900));
    expect(desk.presence.status).toBe('Available');
    expect(desk.interactions.c1).toBeUndefined();
  });

  it('V10 emergency numbers dial whatever the status, even Offline', () => {
    const core = runtime();
    const offline = initialDesk<AnyInteraction>(AGENT, T0);
    const r = core.desk.transition(offline, {
      type: 'dial',
      at: T0 + 1,
      request: { interactionId: 'e911', number: '911' }
    });
    expect(r.ok).toBe(true);
  });

  it('V11 dialling while a call is live is refused until it is held; the softphone can hold it for the agent', () => {
    const core = runtime();
    const desk = apply(core, available(core), callOffer(core, 'c1'), command('c1', 'accept'));
    const dial = { type: 'dial', at: T0 + 50, request: { interactionId: 'o1', number: '+14155550111' } } as const;
    expect(core.desk.transition(desk, dial)).toMatchObject({
      ok: false,
      rejection: { code: 'HOLD_ACTIVE_CALL_FIRST' }
    });
    const both = ok(core.desk.transition(desk, { ...dial, request: { ...dial.request, holdActiveCall: true } }));
    expect(both.interactions.c1).toMatchObject({ held: true });
    expect(both.interactions.o1?.lifecycle).toBe('active');
  });

  it('V11 both calls are then managed independently: swap by holding one and resuming the other', () => {
    const core = runtime();
    let desk = apply(core, available(core), callOffer(core, 'c1'), command('c1', 'accept'));
    desk = ok(
      core.desk.transition(desk, {
        type: 'dial',
        at: T0 + 50,
        request: { interactionId: 'o1', number: '+14155550111', holdActiveCall: true }
      })
    );
    desk = apply(core, desk, {
      type: 'provider',
      at: T0 + 60,
      interactionId: 'o1',
      event: { type: 'callConnected', interactionId: 'o1' }
    });
    desk = apply(core, desk, command('o1', 'hold', T0 + 70), command('c1', 'resume', T0 + 80));
    expect(desk.interactions.c1).toMatchObject({ held: false });
    expect(desk.interactions.o1).toMatchObject({ held: true });
  });

  it('V11 a held call cannot be resumed while the other call is live: Resume is disabled and says why, and is refused', () => {
    const core = runtime();
    let desk = apply(core, available(core), callOffer(core, 'c1'), command('c1', 'accept'));
    desk = ok(
      core.desk.transition(desk, {
        type: 'dial',
        at: T0 + 50,
        request: { interactionId: 'o1', number: '+14155550111', holdActiveCall: true }
      })
    );
    const resumeOf = (d: typeof desk, id: string) =>
      core.desk.allowedCommands(d).interactions[id]?.find((c) => c.command === 'resume');
    const refusedWhileLive = {
      command: 'resume',
      enabled: false,
      reason: 'CALL_HOLD_OTHER_FIRST',
      labelKey: 'Reason_HoldOtherCallFirst'
    };
    // Ringing out counts as live (as for dialling), and so does the connected call.
    expect(resumeOf(desk, 'c1')).toEqual(refusedWhileLive);
    expect(core.desk.transition(desk, command('c1', 'resume', T0 + 55))).toMatchObject({
      ok: false,
      rejection: { code: 'CALL_HOLD_OTHER_FIRST', labelKey: 'Reason_HoldOtherCallFirst' }
    });
    desk = apply(core, desk, {
      type: 'provider',
      at: T0 + 60,
      interactionId: 'o1',
      event: { type: 'callConnected', interactionId: 'o1' }
    });
    expect(resumeOf(desk, 'c1')).toEqual(refusedWhileLive);
    expect(core.desk.transition(desk, command('c1', 'resume', T0 + 65))).toMatchObject({
      ok: false,
      rejection: { code: 'CALL_HOLD_OTHER_FIRST' }
    });
    // The call's own reason comes first: the live call is simply not on hold.
    expect(resumeOf(desk, 'o1')).toMatchObject({ enabled: false, reason: 'NOT_ON_HOLD' });
    // Swap: hold the live call, then the held one may be resumed.
    desk = apply(core, desk, command('o1', 'hold', T0 + 70));
    expect(resumeOf(desk, 'c1')).toEqual({ command: 'resume', enabled: true });
    desk = apply(core, desk, command('c1', 'resume', T0 + 80));
    expect(desk.interactions.c1).toMatchObject({ held: false });
    expect(resumeOf(desk, 'o1')).toEqual({ ...refusedWhileLive });
    // Once the live call has ended (wrap-up), the other comes back without holding anything.
    desk = apply(core, desk, command('c1', 'end', T0 + 90));
    expect(resumeOf(desk, 'o1')).toEqual({ command: 'resume', enabled: true });
  });

  it('A3 D13 D14 the agent’s commands say per channel whether an outbound message may be sent, as the command does', () => {
    const member = runtime({
      digital: {
        queues: [{ id: 'q-email', name: 'E-mail', kind: 'digital', members: [AGENT.agentId], outboundEmail: true }]
      }
    });
    const offline = initialDesk<AnyInteraction>(AGENT, T0);
    const off = { command: 'sendOutbound', enabled: false, reason: 'OFFLINE', labelKey: 'Reason_Offline' };
    expect(member.desk.allowedCommands(offline).sendOutbound).toEqual({ email: off, sms: off });
    expect(member.desk.outboundBlockedBy(offline, 'sms')).toBe('OFFLINE');
    // A3: every status but Offline, Busy included.
    const busy = apply(member, offline, {
      type: 'presenceCommand',
      at: T0,
      command: { command: 'goBusy', args: { reasonCode: 'Lunch' } }
    });
    expect(member.desk.allowedCommands(busy).sendOutbound).toEqual({
      email: { command: 'sendOutbound', enabled: true },
      sms: { command: 'sendOutbound', enabled: true }
    });
    // D13: e-mail only for members of an outbound e-mail queue; SMS stays open (D14).
    const other = runtime();
    expect(other.desk.allowedCommands(available(other)).sendOutbound).toEqual({
      email: {
        command: 'sendOutbound',
        enabled: false,
        reason: 'DIGITAL_NOT_OUTBOUND_EMAIL_MEMBER',
        labelKey: 'Reason_DigitalNotOutboundEmailMember'
      },
      sms: { command: 'sendOutbound', enabled: true }
    });
    expect(other.desk.outboundBlockedBy(available(other), 'email')).toBe('DIGITAL_NOT_OUTBOUND_EMAIL_MEMBER');
  });

  it('an event for an interaction not on the desk is refused, never ignored', () => {
    const core = runtime();
    expect(core.desk.transition(available(core), command('nope', 'accept'))).toMatchObject({
      ok: false,
      rejection: { code: 'UNKNOWN_INTERACTION' }
    });
  });

  it('a malformed command for a known interaction is refused with INVALID_INPUT naming the path', () => {
    const core = runtime();
    const desk = apply(core, available(core), callOffer(core, 'c1'), command('c1', 'accept'));
    expect(core.desk.transition(desk, command('c1', 'sendDigits', T0 + 30, { digits: 'abc' }))).toMatchObject({
      ok: false,
      rejection: {
        code: 'INVALID_INPUT',
        issues: [expect.objectContaining({ path: expect.stringContaining('digits') })]
      }
    });
  });

  it('C12 escalating a chat to voice dials the customer’s number while the chat stays open', () => {
    const core = runtime();
    let desk = apply(core, available(core), chatOffer(core, 'ch1'), command('ch1', 'accept'));
    desk = ok(
      core.desk.transition(desk, {
        type: 'dial',
        at: T0 + 100,
        request: { interactionId: 'v1', number: '+1 (415) 555-0100' }
      })
    );
    expect(desk.interactions.v1).toMatchObject({ channel: 'voice', direction: 'outbound', lifecycle: 'active' });
    expect(desk.interactions.ch1?.lifecycle).toBe('active');
  });
});
