import { createDigitalMachine, MAX_ATTACHMENT_BYTES, toInboxItem } from '..';
import {
  agent,
  config,
  customer,
  expectOk,
  expectRefused,
  file,
  inbound,
  opened,
  PAN,
  reply,
  run,
  T0
} from './fixtures';

const machine = createDigitalMachine(config());

describe('reply and status', () => {
  it('D8 a new conversation is New until the agent replies, even if the customer writes again', () => {
    const state = run(opened(), [customer('m-2'), customer('m-3')]).state;
    expect(state.status).toBe('New');
    expect(state.inQueue).toBe(true);
  });

  it('D8 an agent reply makes it Resolved and takes it out of the queue', () => {
    const t = expectOk(machine.transition(opened(), agent(reply(), 'a1', T0 + 2_000)));
    expect(t.state).toMatchObject({ status: 'Resolved', inQueue: false, lastAgentId: 'a1' });
    expect(t.state.timers.waitingSince).toBeNull();
    expect(toInboxItem(t.state)).toMatchObject({ queueId: null, assignedAgentId: 'a1' });
    expect(t.effects).toEqual([
      {
        kind: 'provider',
        interactionId: 'd-1',
        action: 'send',
        args: { messageId: 'd-1#2', to: '+447700900123', text: 'It arrives tomorrow.', attachments: [] }
      }
    ]);
    expect(t.state.transcript.at(-1)).toMatchObject({ id: 'd-1#2', from: 'agent', author: 'Agent a1' });
  });

  it('D8 a customer reply after an agent reply makes it Open and puts it back in the queue', () => {
    const state = run(opened(), [agent(reply()), customer('m-2', 'Thanks, but…', T0 + 9_000)]).state;
    expect(state).toMatchObject({ status: 'Open', inQueue: true, unread: 1, lastCustomerMessageAt: T0 + 9_000 });
    expect(state.timers.waitingSince).toBe(T0 + 9_000);
    expect(toInboxItem(state)).toMatchObject({ queueId: 'q-support', assignedAgentId: 'a1', status: 'Open' });
  });

  it('D8 waiting since is when the customer started waiting, not their latest message', () => {
    const state = run(opened(), [
      agent(reply()),
      customer('m-2', 'a', T0 + 5_000),
      customer('m-3', 'b', T0 + 7_000)
    ]).state;
    expect(state.timers.waitingSince).toBe(T0 + 5_000);
    expect(toInboxItem(state)).toMatchObject({ receivedAt: T0 + 7_000, waitingSince: T0 + 5_000 });
  });

  it('D9 set as resolved without replying takes it out of the queue and sends nothing', () => {
    const t = expectOk(machine.transition(opened(), agent({ command: 'resolve' })));
    expect(t.state).toMatchObject({ status: 'Resolved', inQueue: false, unread: 0 });
    expect(t.state.transcript).toHaveLength(1);
    expect(t.effects).toEqual([]);
    expectRefused(machine.transition(t.state, agent({ command: 'resolve' })), 'DIGITAL_ALREADY_RESOLVED');
  });

  it('D7 attachments go where the channel carries them, up to 10 MB each', () => {
    const t = expectOk(machine.transition(opened(), agent(reply('See photo', [file(MAX_ATTACHMENT_BYTES)]))));
    expect(t.state.transcript.at(-1)?.attachments).toHaveLength(1);
    expectRefused(
      machine.transition(opened(), agent(reply('See photo', [file(MAX_ATTACHMENT_BYTES + 1)]))),
      'ATTACHMENT_TOO_LARGE'
    );
  });

  it('D7 SMS carries no attachments', () => {
    expectRefused(
      machine.transition(opened({ channel: 'sms' }), agent(reply('See photo', [file()]))),
      'ATTACHMENTS_NOT_SUPPORTED'
    );
  });

  it('D7 emoji go where the channel carries them: WhatsApp yes, SMS no', () => {
    expectOk(machine.transition(opened(), agent(reply('Thanks 👍'))));
    expectRefused(
      machine.transition(opened({ channel: 'sms' }), agent(reply('Thanks 👍'))),
      'DIGITAL_EMOJI_NOT_SUPPORTED'
    );
    expectOk(machine.transition(opened({ channel: 'sms' }), agent(reply('Thanks :-)'))));
  });

  it('D7 an admin may allow emoji on SMS', () => {
    const cfg = config({ capabilities: { sms: { attachments: false, emoji: true, maxTextLength: 1600 } } });
    expectOk(createDigitalMachine(cfg).transition(opened({ channel: 'sms' }, cfg), agent(reply('Thanks 👍'))));
  });

  it('D7 a text longer than the channel allows is refused', () => {
    expectRefused(
      machine.transition(opened({ channel: 'sms' }), agent(reply('x'.repeat(1_601)))),
      'DIGITAL_TEXT_TOO_LONG'
    );
    expectOk(machine.transition(opened({ channel: 'email' }), agent(reply('x'.repeat(1_601)))));
  });

  it('C5 blocked file types are refused', () => {
    expectRefused(
      machine.transition(opened(), agent(reply('here', [file(100, 'Invoice.PDF.exe')]))),
      'ATTACHMENT_TYPE_BLOCKED'
    );
  });

  it('an empty reply is refused', () => {
    expectRefused(machine.transition(opened(), agent(reply('   '))), 'EMPTY_MESSAGE');
  });

  it('an e-mail reply carries the thread subject', () => {
    const t = expectOk(machine.transition(opened({ channel: 'email', subject: 'Late parcel' }), agent(reply())));
    expect(t.effects[0]).toMatchObject({ action: 'send', args: { subject: 'Late parcel', to: 'jane@example.org' } });
  });

  it('C6 an agent reply with a card number is masked before it is stored or sent (redact mode)', () => {
    const t = expectOk(machine.transition(opened(), agent(reply(`Card ${PAN}?`))));
    const stored = JSON.stringify([t.state, t.effects]);
    expect(stored).not.toContain(PAN);
    expect(t.state.transcript.at(-1)?.text).toBe('Card **** **** **** 1111?');
  });

  it('C6 in drop mode an agent reply with a card number is refused whole, before the channel checks', () => {
    const cfg = config({ pci: { mode: 'drop' } });
    const state = opened({ channel: 'sms' }, cfg);
    const t = createDigitalMachine(cfg).transition(state, agent(reply(`Card ${PAN}`, [file()])));
    expectRefused(t, 'PCI_BLOCKED');
  });

  it('C6 a flagged attachment is dropped in redact mode', () => {
    const t = expectOk(machine.transition(opened(), agent(reply('two files', [file(10, `${PAN}.jpg`), file(10)]))));
    expect(t.state.transcript.at(-1)?.attachments.map((a) => a.name)).toEqual(['photo.jpg']);
  });

  it('C6 a customer message with a card number: masked in redact mode', () => {
    const state = run(opened(), [customer('m-2', `my card is ${PAN}`)]).state;
    expect(JSON.stringify(state)).not.toContain(PAN);
    expect(state.transcript.at(-1)).toMatchObject({ from: 'customer', text: 'my card is **** **** **** 1111' });
  });

  it('C6 a customer message with a card number: dropped whole in drop mode, a system line instead', () => {
    const cfg = config({ pci: { mode: 'drop' } });
    const state = run(opened({}, cfg), [customer('m-2', `my card is ${PAN}`)], cfg).state;
    expect(JSON.stringify(state)).not.toMatch(/4111|1111 1111/);
    expect(state.transcript.at(-1)).toEqual({
      id: 'm-2',
      at: T0 + 1_000,
      from: 'system',
      author: null,
      text: '',
      attachments: [],
      systemEvent: 'message_blocked'
    });
    // D8: the customer still wrote, so it is back in the queue.
    expect(state).toMatchObject({ inQueue: true, unread: 1 });
  });

  it('C6 a first message with a card number is dropped in drop mode too', () => {
    const cfg = config({ pci: { mode: 'drop' } });
    const state = inbound({ message: { id: 'm-1', text: PAN }, subject: `re ${PAN}`, channel: 'email' }, cfg);
    expect(JSON.stringify(state)).not.toContain('4111');
    expect(state.transcript[0]?.systemEvent).toBe('message_blocked');
    expect(state.subject).toBeNull();
  });

  it('a webhook delivered twice adds the customer message once', () => {
    const state = run(opened(), [customer('m-2')]).state;
    expectRefused(machine.transition(state, customer('m-2')), 'DIGITAL_DUPLICATE_MESSAGE');
    expectRefused(machine.transition(inbound(), customer('m-1')), 'DIGITAL_DUPLICATE_MESSAGE');
  });

  it('the assignee gets a notice when the customer writes; an unassigned conversation only counts unread', () => {
    const t = expectOk(machine.transition(opened(), customer('m-2')));
    expect(t.effects).toEqual([
      { kind: 'notice', notice: 'digital.customerMessage', args: { interactionId: 'd-1', agentId: 'a1' } }
    ]);
    const queued = expectOk(machine.transition(inbound(), customer('m-2')));
    expect(queued.effects).toEqual([]);
    expect(queued.state.unread).toBe(2);
  });
});
