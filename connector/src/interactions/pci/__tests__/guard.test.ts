import fc from 'fast-check';
import { guardMessage, pciConfigSchema, scanText, type PciConfig } from '../guard';
import { isLuhnValid } from '../luhn';
import { containsLuhnPan, writtenPan } from './pan-arbitrary';

const redact: PciConfig = pciConfigSchema.parse({ mode: 'redact' });
const drop: PciConfig = pciConfigSchema.parse({ mode: 'drop' });

describe('PCI guard', () => {
  it('Luhn check accepts the classic test numbers and refuses a changed digit', () => {
    expect(isLuhnValid([...'4111111111111111'].map(Number))).toBe(true);
    expect(isLuhnValid([...'4111111111111112'].map(Number))).toBe(false);
  });

  it.each([
    ['4111 1111 1111 1111', '**** **** **** 1111'],
    ['4111-1111-1111-1111', '****-****-****-1111'],
    ['4111.1111.1111.1111', '****.****.****.1111'],
    ['4111111111111111', '************1111'],
    ['378282246310005', '***********0005'], // 15-digit Amex
    ['6011000990139424', '************9424']
  ])('C6 redacts %s to %s', (pan, masked) => {
    const scan = scanText(`my card is ${pan} thanks`, redact);
    expect(scan.redacted).toBe(`my card is ${masked} thanks`);
    expect(scan.findings).toEqual({ pan: 1 });
  });

  it('C6 leaves ordinary numbers alone: ids that fail Luhn, phone numbers, dates', () => {
    const text = 'Order 1234567890123, call +1 415 555 0100 on 2026-11-24';
    expect(scanText(text, redact)).toEqual({ redacted: text, findings: {}, flagged: false });
  });

  it('C6 a PAN inside a longer digit string is still caught (safety over convenience)', () => {
    const scan = scanText('ref 94111111111111111', redact);
    expect(scan.flagged).toBe(true);
    expect(containsLuhnPan(scan.redacted)).toBe(false);
  });

  it('C6 configured extra patterns are masked too and counted by name, never echoed', () => {
    const config = pciConfigSchema.parse({
      mode: 'redact',
      extraPatterns: [{ name: 'ssn', pattern: '\\b\\d{3}-\\d{2}-\\d{4}\\b' }]
    });
    const scan = scanText('SSN 123-45-6789.', config);
    expect(scan.redacted).toBe('SSN ***-**-6789.');
    expect(scan.findings).toEqual({ ssn: 1 });
  });

  it('C6 an invalid extra pattern is refused when the configuration is read', () => {
    const r = pciConfigSchema.safeParse({ mode: 'redact', extraPatterns: [{ name: 'bad', pattern: '(' }] });
    expect(r.success).toBe(false);
  });

  it('C6 redact mode masks the text and drops flagged attachments (names and captions)', () => {
    const out = guardMessage(
      {
        text: 'pay with 4111 1111 1111 1111',
        attachments: [
          { name: 'receipt.pdf' },
          { name: 'card 4111111111111111.png' },
          { name: 'photo.jpg', caption: 'front of 5500 0000 0000 0004' }
        ]
      },
      redact
    );
    expect(out).toEqual({
      outcome: 'redacted',
      text: 'pay with **** **** **** 1111',
      attachments: [{ name: 'receipt.pdf' }],
      droppedAttachments: 2,
      findings: { pan: 3 }
    });
  });

  it('C6 drop mode discards the whole message and its attachments', () => {
    const out = guardMessage({ text: 'hello', attachments: [{ name: '4111111111111111.txt' }] }, drop);
    expect(out).toEqual({ outcome: 'dropped', findings: { pan: 1 } });
    expect(JSON.stringify(out)).not.toContain('4111111111111111');
  });

  it('C6 a clean message passes untouched', () => {
    expect(guardMessage({ text: 'hi there', attachments: [{ name: 'a.txt' }] }, drop)).toEqual({
      outcome: 'clean',
      text: 'hi there',
      attachments: [{ name: 'a.txt' }],
      findings: {}
    });
  });

  it('C6 property: no Luhn-valid PAN survives redaction, whatever text surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        writtenPan,
        fc.string(),
        fc.string({ unit: fc.constantFrom('0', '7', ' ', '-', '.', 'x') }),
        (before, pan, after, noise) => {
          const scan = scanText(`${before}${noise}${pan}${noise}${after}`, redact);
          expect(scan.flagged).toBe(true);
          expect(containsLuhnPan(scan.redacted)).toBe(false);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it('C6 property: in drop mode no message containing a PAN comes through, in text, names or captions', () => {
    fc.assert(
      fc.property(fc.string(), writtenPan, fc.constantFrom('text', 'name', 'caption'), (surround, pan, where) => {
        const text = where === 'text' ? `${surround}${pan}` : surround;
        const attachment = {
          name: where === 'name' ? `${pan}.png` : 'file.png',
          caption: where === 'caption' ? `${pan} ${surround}` : 'caption'
        };
        const out = guardMessage({ text, attachments: [attachment] }, drop);
        expect(out.outcome).toBe('dropped');
        expect(JSON.stringify(out)).not.toContain(pan);
      }),
      { numRuns: 1000 }
    );
  });

  it('C6 property: random text without a Luhn-valid PAN passes byte for byte', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!containsLuhnPan(text));
        expect(scanText(text, redact).redacted).toBe(text);
      }),
      { numRuns: 1000 }
    );
  });
});
