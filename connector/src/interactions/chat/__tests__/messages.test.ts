import { MAX_ATTACHMENT_BYTES } from '../config';
import { chatAllowedCommands, chatTransition } from '../machine';
import {
  OWNER,
  T0,
  VISA,
  accepted,
  cmd,
  config,
  customerSays,
  expectRefused,
  file,
  inWrapUp,
  providerActions,
  run,
  say
} from './fixtures';

const redact = () => config({ pci: { mode: 'redact' } });
const drop = () => config({ pci: { mode: 'drop' } });

describe('chat messages', () => {
  it('C4 an agent line carries the agent’s name and is sent to the customer', () => {
    const { state, effects } = run(accepted(), cmd(say('Hello Carla'), OWNER, 'Ann'));
    expect(state.transcript.at(-1)).toMatchObject({ from: 'agent', author: 'Ann', text: 'Hello Carla' });
    expect(effects).toEqual([
      {
        kind: 'provider',
        interactionId: 'chat-1',
        action: 'send',
        args: { author: 'Ann', text: 'Hello Carla', attachments: [] }
      }
    ]);
  });

  it('C4 multi-line text (Shift+Enter) is kept as written', () => {
    const { state } = run(accepted(), cmd(say('line one\nline two')));
    expect(state.transcript.at(-1)?.text).toBe('line one\nline two');
  });

  it('an empty message is refused', () => {
    expect(expectRefused(chatTransition(accepted(), cmd(say('   '))))).toBe('EMPTY_MESSAGE');
  });

  it('C6 redact mode masks a card number in an agent message before it is stored or sent', () => {
    const { state, effects } = run(accepted(redact()), cmd(say(`your card ${VISA}?`)));
    expect(state.transcript.at(-1)?.text).toBe('your card **** **** **** 1111?');
    expect(JSON.stringify(effects)).not.toContain('4111 1111');
  });

  it('C6 drop mode refuses an agent message with a card number; nothing is stored', () => {
    const before = accepted(drop());
    expect(expectRefused(chatTransition(before, cmd(say(`card 4111111111111111`))))).toBe('PCI_BLOCKED');
  });

  it('C6 redact mode masks a card number from the customer', () => {
    const { state } = run(accepted(redact()), customerSays(`it is ${VISA}`));
    expect(state.transcript.at(-1)).toMatchObject({ from: 'customer', text: 'it is **** **** **** 1111' });
  });

  it('C6 drop mode discards the customer message and its attachments and says so', () => {
    const { state } = run(accepted(drop()), customerSays(`it is ${VISA}`, [file('receipt.pdf')]));
    const last = state.transcript.at(-1);
    expect(last).toMatchObject({ from: 'system', systemEvent: 'message_blocked', text: '', attachments: [] });
    expect(JSON.stringify(state.transcript)).not.toContain('receipt.pdf');
  });

  it('C6 an attachment the guard flags is dropped, the rest of the message kept (redact)', () => {
    const { state } = run(
      accepted(redact()),
      customerSays('see files', [
        file('card-4111111111111111.png', 10, 'image/png'),
        file('photo.png', 10, 'image/png')
      ])
    );
    const lines = state.transcript.slice(-2);
    expect(lines[0]).toMatchObject({ from: 'customer', text: 'see files' });
    expect(lines[0]?.attachments.map((a) => a.name)).toEqual(['photo.png']);
    expect(lines[1]).toMatchObject({ from: 'system', systemEvent: 'attachment_blocked' });
  });

  it('C6 an agent attachment the guard flags is not sent (redact) and the agent is told', () => {
    const { state, effects } = run(
      accepted(redact()),
      cmd(say('here', { attachments: [file('4111111111111111.pdf')] }))
    );
    expect(state.transcript.at(-1)?.attachments).toEqual([]);
    expect(effects).toContainEqual({
      kind: 'notice',
      notice: 'attachmentsBlocked',
      args: { interactionId: expect.any(String), count: 1 }
    });
  });

  it('C5 an attachment over 10 MB is refused with a clear reason', () => {
    const big = file('video.mp4', MAX_ATTACHMENT_BYTES + 1, 'video/mp4');
    expect(expectRefused(chatTransition(accepted(), cmd(say('', { attachments: [big] }))))).toBe(
      'ATTACHMENT_TOO_LARGE'
    );
    const fits = file('video.mp4', MAX_ATTACHMENT_BYTES, 'video/mp4');
    expect(run(accepted(), cmd(say('', { attachments: [fits] }))).state.transcript.at(-1)?.attachments).toHaveLength(1);
  });

  it('C5 a blocked file type is refused by extension and by content type', () => {
    const byName = file('setup.EXE', 10, 'application/octet-stream');
    const byType = file('harmless.txt', 10, 'application/x-msdownload; foo=bar');
    expect(expectRefused(chatTransition(accepted(), cmd(say('x', { attachments: [byName] }))))).toBe(
      'ATTACHMENT_TYPE_BLOCKED'
    );
    expect(expectRefused(chatTransition(accepted(), cmd(say('x', { attachments: [byType] }))))).toBe(
      'ATTACHMENT_TYPE_BLOCKED'
    );
  });

  it('C5 the blocked-type list is configurable', () => {
    const settings = config({ attachments: { blockedExtensions: ['zip'], blockedContentTypes: [] } });
    expect(expectRefused(chatTransition(accepted(settings), cmd(say('x', { attachments: [file('a.zip')] }))))).toBe(
      'ATTACHMENT_TYPE_BLOCKED'
    );
    expect(
      run(accepted(settings), cmd(say('x', { attachments: [file('a.exe')] }))).state.transcript.at(-1)?.attachments
    ).toHaveLength(1);
  });

  it('C5 a channel without attachments refuses files', () => {
    const settings = config({ attachments: { allowed: false } });
    expect(expectRefused(chatTransition(accepted(settings), cmd(say('x', { attachments: [file('a.pdf')] }))))).toBe(
      'ATTACHMENTS_NOT_SUPPORTED'
    );
  });

  it('C5 a customer file the policy refuses is left out and a system line names it', () => {
    const { state } = run(accepted(), customerSays('', [file('virus.exe', 10, 'application/octet-stream')]));
    expect(state.transcript.at(-1)).toMatchObject({
      from: 'system',
      systemEvent: 'attachment_type_blocked',
      text: 'virus.exe'
    });
    const big = run(accepted(), customerSays('big one', [file('a.pdf', MAX_ATTACHMENT_BYTES + 1)])).state;
    expect(big.transcript.slice(-2).map((l) => l.systemEvent ?? l.from)).toEqual(['customer', 'attachment_too_large']);
  });

  it('C11 a pushed page is marked as such in the transcript and sent to the customer', () => {
    const { state, effects } = run(accepted(), cmd({ command: 'pushPage', args: { url: 'https://example.com/help' } }));
    expect(state.transcript.at(-1)).toMatchObject({
      from: 'agent',
      author: 'Ann',
      pushedUrl: 'https://example.com/help'
    });
    expect(providerActions(effects)).toEqual(['pushPage']);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'ftp://example.com/a', 'example.com', 'mailto:a@b.c'])(
    'C11 only http(s) URLs may be pushed: %s is refused',
    (url) => {
      expect(expectRefused(chatTransition(accepted(), cmd({ command: 'pushPage', args: { url } })))).toBe(
        'CHAT_PAGE_URL_NOT_HTTP'
      );
    }
  );

  it('C6 a URL carrying a card number is refused even in redact mode', () => {
    const url = 'https://pay.example.com/?pan=4111111111111111';
    expect(expectRefused(chatTransition(accepted(redact()), cmd({ command: 'pushPage', args: { url } })))).toBe(
      'PCI_BLOCKED'
    );
  });

  it('A6 a chat paused by a call refuses replies, and its handle-time clock stops', () => {
    const paused = run(accepted(), { source: 'desk', at: T0 + 11_000, action: 'pause' }).state;
    expect(paused.pausedByCall).toBe(true);
    expect(paused.timers.handleResumedAt).toBeNull();
    expect(paused.timers.handledMs).toBe(10_000);
    expect(expectRefused(chatTransition(paused, cmd(say('hi'))))).toBe('PAUSED_BY_CALL');
    expect(chatAllowedCommands(paused, OWNER).find((c) => c.command === 'send')).toMatchObject({
      enabled: false,
      reason: 'PAUSED_BY_CALL'
    });
    // The customer can still write; the agent reads it after the call.
    expect(run(paused, customerSays('still there?')).state.transcript.at(-1)?.text).toBe('still there?');
    const resumed = run(paused, { source: 'desk', at: T0 + 20_000, action: 'resume' }).state;
    expect(resumed.timers.handleResumedAt).toBe(T0 + 20_000);
    expect(run(resumed, cmd(say('back'))).state.transcript.at(-1)?.text).toBe('back');
  });

  it('A6 pause and resume out of turn are refused', () => {
    expect(expectRefused(chatTransition(accepted(), { source: 'desk', at: T0, action: 'resume' }))).toBe('WRONG_STATE');
    const paused = run(accepted(), { source: 'desk', at: T0, action: 'pause' }).state;
    expect(expectRefused(chatTransition(paused, { source: 'desk', at: T0, action: 'pause' }))).toBe('WRONG_STATE');
  });

  it('C10 messages after the chat ended are refused on both sides', () => {
    expect(expectRefused(chatTransition(inWrapUp(), cmd(say('hi'))))).toBe('CHAT_CONVERSATION_ENDED');
    expect(expectRefused(chatTransition(inWrapUp(), customerSays('hi')))).toBe('CHAT_CONVERSATION_ENDED');
  });
});
