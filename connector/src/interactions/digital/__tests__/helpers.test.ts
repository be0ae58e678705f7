import { containsEmoji, isDigitalIdOf, normalisePhoneNumber } from '../channels';
import { isBlockedFile } from '../messages';
import { newMasterContactId } from '../state';
import { uniqueTags } from '../tags';
import { DEFAULT_CAPABILITIES, defaultDigitalConfig, digitalConfigSchema } from '..';

describe('digital helpers', () => {
  it('containsEmoji finds pictures, not text symbols', () => {
    expect(containsEmoji('Thanks 👍')).toBe(true);
    expect(containsEmoji('I ❤️ it')).toBe(true);
    expect(containsEmoji('Flag 🇬🇧')).toBe(true);
    expect(containsEmoji('Call #1 at 10:00 © 2024 ♥')).toBe(false);
    expect(containsEmoji('Ärger, ça va, 東京')).toBe(false);
  });

  it('isDigitalIdOf checks the shape of each channel id', () => {
    expect(isDigitalIdOf('email', 'jane@example.org')).toBe(true);
    expect(isDigitalIdOf('email', 'jane@example')).toBe(false);
    expect(isDigitalIdOf('sms', '+14155550123')).toBe(true);
    expect(isDigitalIdOf('whatsapp', '004155550123')).toBe(false);
    expect(isDigitalIdOf('messenger', '1234567890')).toBe(true);
    expect(isDigitalIdOf('x', '   ')).toBe(false);
  });

  it('normalisePhoneNumber strips formatting and turns 00 into +', () => {
    expect(normalisePhoneNumber('+44 (20) 7946-0018')).toBe('+442079460018');
    expect(normalisePhoneNumber('0044 20 7946 0018')).toBe('+442079460018');
    expect(normalisePhoneNumber('020 7946 0018')).toBe('02079460018');
  });

  it('isBlockedFile looks at the last extension, case-insensitively', () => {
    expect(isBlockedFile('Invoice.PDF.EXE', ['exe'])).toBe(true);
    expect(isBlockedFile('invoice.pdf', ['exe'])).toBe(false);
    expect(isBlockedFile('.exe', ['exe'])).toBe(false);
    expect(isBlockedFile('noextension', ['exe'])).toBe(false);
  });

  it('uniqueTags keeps the first spelling of each tag', () => {
    expect(uniqueTags(['VIP', 'billing', 'vip', 'Billing '])).toEqual(['VIP', 'billing']);
  });

  it('D12 newMasterContactId depends only on the interaction and the transfer count', () => {
    expect(newMasterContactId('d-1', 3)).toBe('d-1/mc3');
    expect(newMasterContactId('d-1', 3)).toBe(newMasterContactId('d-1', 3));
    expect(newMasterContactId('d-2', 3)).not.toBe(newMasterContactId('d-1', 3));
  });

  it('the config has sensible defaults and refuses more than 10 MB per attachment', () => {
    const config = defaultDigitalConfig();
    expect(config.pci.mode).toBe('redact');
    expect(config.capabilities).toEqual(DEFAULT_CAPABILITIES);
    expect(config.dispositionRequired).toBe(true);
    expect(digitalConfigSchema.safeParse({ maxAttachmentBytes: 11 * 1024 * 1024 }).success).toBe(false);
    expect(digitalConfigSchema.safeParse({ queues: [{ id: 'q', name: 'Q', kind: 'voice' }] }).success).toBe(false);
  });
});
