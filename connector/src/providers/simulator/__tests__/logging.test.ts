import type { SimLog } from '../core';
import { Simulator } from '../simulator';
import { agent, counterIds, FakeClock, FakeEngine, T0, testScenario } from './harness';

describe('logs', () => {
  it('C6 nothing a customer writes, nor who they are, reaches a log line: only ids, kinds and codes', async () => {
    const lines: string[] = [];
    const capture = (level: string) => (fields: object, message?: string) =>
      lines.push(JSON.stringify({ level, ...fields, message }));
    const log: SimLog = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error')
    };
    const clock = new FakeClock();
    const engine = new FakeEngine();
    engine.agents = [agent('a1', ['q-voice', 'q-chat', 'q-digital'], T0)];
    engine.refuseEvent = () => ({ ok: false, code: 'WRONG_STATE', message: 'refused' });
    const sim = new Simulator({
      scenario: testScenario({
        customers: [
          {
            kind: 'chat',
            at: 0,
            customerId: 'visitor-secret',
            name: 'Secret Name',
            queueId: 'q-chat',
            botTranscript: [{ from: 'customer', text: 'secret bot line' }],
            replies: ['my card 4111 1111 1111 1111']
          }
        ]
      }),
      clock,
      ids: counterIds(),
      log
    });
    await sim.start(engine);
    await clock.advance(0, sim);
    const chat = engine.offers[0]?.event.interactionId as string;
    await sim.perform({ kind: 'provider', interactionId: chat, action: 'accept', args: { agentName: 'Ada' } });
    await sim.perform({ kind: 'provider', interactionId: chat, action: 'send', args: { text: 'secret agent text' } });
    await clock.advance(5_000, sim);
    await sim.writeInChat(chat, 'secret customer text');
    await sim.placeCall({ from: '+14155550177', queueId: 'q-voice', kind: 'inbound', name: 'Secret Caller' });
    const email = await sim.sendMessage({
      channel: 'email',
      from: 'secret@example.org',
      queueId: 'q-digital',
      text: 'secret e-mail body',
      subject: 'secret subject'
    });
    if (email.ok) await sim.writeAgain(email.value.interactionId, 'secret reply');
    await sim.perform({ kind: 'provider', interactionId: 'nobody', action: 'send', args: { text: 'secret' } });
    await sim.idle();
    expect(lines.length).toBeGreaterThan(5);
    const all = lines.join('\n');
    for (const secret of ['secret', 'Secret', '4111', '+14155550177', 'visitor-secret'])
      expect(all).not.toContain(secret);
    await sim.stop();
  });
});
