import { createDigitalMachine, startOutbound } from '..';
import { config, customer, expectOk, expectRefused, PAN, syncOps, T0 } from './fixtures';

const a1 = { agentId: 'a1', agentName: 'Ann' };
const email = (overrides: Record<string, unknown> = {}) => ({
  channel: 'email',
  interactionId: 'o-1',
  interactionNumber: '00009999',
  senderId: 's-email',
  to: 'jane@example.org',
  subject: 'Your refund',
  body: '<p>Hello <b>Jane</b></p>',
  attachments: [{ id: 'f-1', name: 'refund.pdf', contentType: 'application/pdf', sizeBytes: 2_000 }],
  details: { whoId: '003000000000001AAA', notes: 'refund sent' },
  ...overrides
});
const sms = (overrides: Record<string, unknown> = {}) => ({
  channel: 'sms',
  interactionId: 'o-2',
  interactionNumber: '00009998',
  senderId: 's-sms',
  to: '+1 (415) 555-0123',
  text: 'Your engineer arrives at 10:00',
  ...overrides
});

describe('outbound', () => {
  it('D13 Save and send: the e-mail is sent from the sender channel and logged at once', () => {
    const t = expectOk(startOutbound(email(), T0, config(), a1));
    expect(t.state).toMatchObject({
      channel: 'email',
      direction: 'outbound',
      lifecycle: 'closed',
      status: 'Resolved',
      inQueue: false,
      queueId: 'q-support',
      subject: 'Your refund',
      customer: { address: 'jane@example.org', email: 'jane@example.org' }
    });
    expect(t.state.transcript[0]).toMatchObject({ from: 'agent', author: 'Ann', text: '<p>Hello <b>Jane</b></p>' });
    expect(t.effects[0]).toEqual({
      kind: 'provider',
      interactionId: 'o-1',
      action: 'send',
      args: {
        messageId: 'o-1#1',
        to: 'jane@example.org',
        from: 'support@example.com',
        senderId: 's-email',
        text: '<p>Hello <b>Jane</b></p>',
        attachments: [{ id: 'f-1', name: 'refund.pdf', contentType: 'application/pdf', sizeBytes: 2_000 }],
        subject: 'Your refund'
      }
    });
    expect(syncOps(t.effects)).toEqual([
      expect.objectContaining({
        op: 'task.log',
        agentId: 'a1',
        direction: 'outbound',
        subject: 'Your refund',
        details: { whoId: '003000000000001AAA', whatId: null, notes: 'refund sent', tags: [], dispositions: [] }
      })
    ]);
  });

  it('D13 only members of an outbound e-mail queue may send e-mail', () => {
    expectRefused(
      startOutbound(email(), T0, config(), { agentId: 'a2', agentName: 'Bob' }),
      'DIGITAL_NOT_OUTBOUND_EMAIL_MEMBER'
    );
  });

  it('D13 the sender must be an e-mail sender channel', () => {
    expectRefused(startOutbound(email({ senderId: 's-sms' }), T0, config(), a1), 'DIGITAL_UNKNOWN_SENDER');
    expectRefused(startOutbound(email({ senderId: 'nope' }), T0, config(), a1), 'DIGITAL_UNKNOWN_SENDER');
  });

  it('D13 attachments up to 10 MB each', () => {
    const big = { id: 'f-2', name: 'big.pdf', contentType: 'application/pdf', sizeBytes: 10 * 1024 * 1024 + 1 };
    expectRefused(startOutbound(email({ attachments: [big] }), T0, config(), a1), 'ATTACHMENT_TOO_LARGE');
  });

  it('D13 recipient and subject are required', () => {
    const t = startOutbound(email({ to: 'jane', subject: '  ' }), T0, config(), a1);
    expectRefused(t, 'INVALID_INPUT');
    if (!t.ok) expect(t.rejection.issues?.map((i) => i.path).sort()).toEqual(['subject', 'to']);
  });

  it('C6 card numbers in an outbound subject, body or notes are masked (redact) or refused (drop)', () => {
    const withPan = email({ subject: `Card ${PAN}`, body: `Card ${PAN}`, details: { notes: PAN } });
    const t = expectOk(startOutbound(withPan, T0, config(), a1));
    expect(JSON.stringify(t)).not.toContain(PAN);
    expectRefused(startOutbound(withPan, T0, config({ pci: { mode: 'drop' } }), a1), 'PCI_BLOCKED');
    expectRefused(
      startOutbound(email({ subject: `Card ${PAN}` }), T0, config({ pci: { mode: 'drop' } }), a1),
      'PCI_BLOCKED'
    );
  });

  it('C6 a card number split by markup in a formatted e-mail body is refused in both modes (it shows whole)', () => {
    for (const body of [
      'Card 4111 1111 <b>1111</b> 1111',
      '<p>Card 4111</p><p>1111 1111 1111</p>',
      'Card &#52;111 1111 1111 1111'
    ]) {
      for (const mode of ['redact', 'drop'] as const) {
        expectRefused(startOutbound(email({ body }), T0, config({ pci: { mode } }), a1), 'PCI_BLOCKED');
      }
    }
    // Markup alone is no finding: a formatted body without card data is sent as written.
    const t = expectOk(startOutbound(email({ body: '<p>Your order <b>1234</b> ships today.</p>' }), T0, config(), a1));
    expect(JSON.stringify(t)).toContain('<b>1234</b>');
  });

  it('D14 outbound SMS: the number is normalised to E.164 and the text sent from the sender number', () => {
    const t = expectOk(startOutbound(sms(), T0, config(), { agentId: 'a3', agentName: 'Cy' }));
    expect(t.state).toMatchObject({ channel: 'sms', digitalId: { kind: 'smsNumber', value: '+14155550123' } });
    expect(t.effects[0]).toMatchObject({
      action: 'send',
      args: { to: '+14155550123', from: '+15550000001', text: 'Your engineer arrives at 10:00' }
    });
    expect(syncOps(t.effects)[0]).toMatchObject({ op: 'task.log', subject: 'SMS 00009998', direction: 'outbound' });
  });

  it('D14 an SMS needs an international number and cannot carry emoji', () => {
    expectRefused(startOutbound(sms({ to: '4155550123' }), T0, config(), a1), 'INVALID_INPUT');
    expectRefused(startOutbound(sms({ text: 'On my way 🚗' }), T0, config(), a1), 'DIGITAL_EMOJI_NOT_SUPPORTED');
    expectRefused(startOutbound(sms({ senderId: 's-email' }), T0, config(), a1), 'DIGITAL_UNKNOWN_SENDER');
  });

  it('D10 D14 the customer answer reopens it in the sender channel queue for any agent', () => {
    const sent = expectOk(startOutbound(sms(), T0, config(), a1)).state;
    const t = expectOk(createDigitalMachine(config()).transition(sent, customer('m-1', 'OK thanks', T0 + 60_000)));
    expect(t.state).toMatchObject({
      lifecycle: 'offered',
      direction: 'inbound',
      status: 'Open',
      inQueue: true,
      queueId: 'q-support',
      ownerAgentId: null,
      round: 2
    });
  });
});
