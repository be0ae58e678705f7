// C6: the PCI/PII guard. It runs before anything is shown, stored, logged or synced, in both directions.
// It never returns, logs or keeps a raw match: callers get the cleaned text and counts of what was found.
import { z } from 'zod';
import { isLuhnValid } from './luhn';

export const PAN_MIN_DIGITS = 13;
export const PAN_MAX_DIGITS = 19;
const MASK = '*';
/** Digits written plainly or grouped with single spaces, dashes or dots ("4111 1111-1111.1111"). */
const DIGIT_RUN = /\d(?:[ \u00A0.-]?\d)*/g;
const SEPARATOR = /[ \u00A0.-]/;

export const pciConfigSchema = z.object({
  mode: z.enum(['redact', 'drop']),
  /** Extra things to catch (national ids, IBANs...). Each pattern is a JavaScript regular expression source. */
  extraPatterns: z
    .array(
      z.object({
        name: z.string().min(1).max(40),
        pattern: z.string().min(1).max(500).refine(isCompilableRegex, 'not a valid regular expression')
      })
    )
    .default([])
});
export type PciConfig = z.infer<typeof pciConfigSchema>;

function isCompilableRegex(source: string): boolean {
  try {
    new RegExp(source, 'g');
    return true;
  } catch {
    return false;
  }
}

/** What was found, by kind ("pan" or an extra pattern's name), never what it was. */
export type Findings = Record<string, number>;

export interface TextScan {
  /** The text with every finding masked (all but the last 4 characters). */
  redacted: string;
  findings: Findings;
  flagged: boolean;
}

/** Masks every Luhn-valid PAN (13–19 digits, grouped or not) and every extra pattern match in `text`. */
export function scanText(text: string, config: PciConfig): TextScan {
  // Most messages hold too few digits to contain a card number: skip the regular expressions for them.
  if (config.extraPatterns.length === 0 && digitCount(text) < PAN_MIN_DIGITS) {
    return { redacted: text, findings: {}, flagged: false };
  }
  const findings: Findings = {};
  let redacted = text;
  // Masking breaks digit runs apart, so a second pass can only find less; repeat until a pass finds nothing, so that
  // no Luhn-valid window survives anywhere, including inside longer digit strings.
  for (;;) {
    const pass = maskPans(redacted);
    if (pass.count === 0) break;
    findings.pan = (findings.pan ?? 0) + pass.count;
    redacted = pass.text;
  }
  for (const { name, pattern } of config.extraPatterns) {
    const regex = new RegExp(pattern, 'g');
    redacted = redacted.replace(regex, (match) => {
      if (match.length === 0) return match;
      findings[name] = (findings[name] ?? 0) + 1;
      return maskAllButLast4(match);
    });
  }
  return { redacted, findings, flagged: Object.keys(findings).length > 0 };
}

/**
 * The text a mail client shows for an HTML body: tags removed (a tag between digits joins them on screen: "4111 1111
 * <b>1111</b> 1111") and character references decoded ("&#52;" is "4"). Only for scanning: an HTML body cannot be
 * masked in place, so a finding here refuses the message (PCI_BLOCKED) rather than rewriting its markup.
 */
export function visibleTextOfHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10) % 0x110000))
    .replace(/&nbsp;?/gi, ' ')
    .replace(/&amp;?/gi, '&');
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

function maskPans(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(DIGIT_RUN, (run) => {
    const positions: number[] = [];
    const digits: number[] = [];
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        positions.push(i);
        digits.push(c - 48);
      }
    }
    if (digits.length < PAN_MIN_DIGITS) return run;
    const masked = new Array<boolean>(digits.length).fill(false);
    for (let start = 0; start + PAN_MIN_DIGITS <= digits.length; start++) {
      for (let len = PAN_MIN_DIGITS; len <= PAN_MAX_DIGITS && start + len <= digits.length; len++) {
        if (!isLuhnValid(digits, start, start + len)) continue;
        for (let k = start; k < start + len - 4; k++) masked[k] = true;
      }
    }
    if (!masked.includes(true)) return run;
    count++; // one finding per digit run, however many windows of it were valid
    const chars = run.split('');
    masked.forEach((m, k) => {
      if (m) chars[positions[k] as number] = MASK;
    });
    return chars.join('');
  });
  return { text: out, count };
}

function maskAllButLast4(match: string): string {
  const chars = match.split('');
  let keep = 4;
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i] as string;
    if (SEPARATOR.test(c)) continue;
    if (keep > 0) keep--;
    else chars[i] = MASK;
  }
  return chars.join('');
}

export interface GuardedAttachment {
  name: string;
  caption?: string;
}

export type GuardOutcome<A> =
  | { outcome: 'clean'; text: string; attachments: A[]; findings: Findings }
  /** Text masked; attachments whose name or caption was flagged are dropped (C6). */
  | { outcome: 'redacted'; text: string; attachments: A[]; droppedAttachments: number; findings: Findings }
  /** The whole message and all its attachments discarded. */
  | { outcome: 'dropped'; findings: Findings };

/** Guards one message (text + attachment names and captions) in the configured mode. */
export function guardMessage<A extends GuardedAttachment>(
  message: { text: string; attachments: readonly A[] },
  config: PciConfig
): GuardOutcome<A> {
  const textScan = scanText(message.text, config);
  const findings: Findings = { ...textScan.findings };
  const kept: A[] = [];
  let droppedAttachments = 0;
  for (const attachment of message.attachments) {
    const nameScan = scanText(attachment.name, config);
    const captionScan = attachment.caption === undefined ? null : scanText(attachment.caption, config);
    const flagged = nameScan.flagged || (captionScan?.flagged ?? false);
    for (const scan of [nameScan, captionScan]) {
      if (!scan) continue;
      for (const [kind, n] of Object.entries(scan.findings)) findings[kind] = (findings[kind] ?? 0) + n;
    }
    if (flagged) droppedAttachments++;
    else kept.push(attachment);
  }
  const flagged = textScan.flagged || droppedAttachments > 0;
  if (!flagged) return { outcome: 'clean', text: message.text, attachments: [...message.attachments], findings };
  if (config.mode === 'drop') return { outcome: 'dropped', findings };
  return { outcome: 'redacted', text: textScan.redacted, attachments: kept, droppedAttachments, findings };
}
