// The reasons a panel shows beside a disabled button: every labelKey the connector can send has a Reason label in
// labels/reasons.json and an import in the reasonLabels module (LWC has no dynamic label lookup), no Reason label is
// left over, and the frames recorded from the running connector name only keys the panels know.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { commonRejections } from '../../connector/src/interactions/kernel/rejections';
import { presenceRejections } from '../../connector/src/interactions/presence/rejections';
import { voiceRejections } from '../../connector/src/interactions/voice/rejections';
import { chatRejections } from '../../connector/src/interactions/chat/rejections';
import { digitalRejections } from '../../connector/src/interactions/digital/rejections';
import { LANGUAGES } from '../lib/labels';

const ROOT = join(__dirname, '..', '..');
const FALLBACK = 'Reason_Unknown';
const MODULE = 'force-app/main/default/lwc/reasonLabels/reasonLabels.ts';

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : filesUnder(path, keep);
    return keep(path) ? [path] : [];
  });
}

// Each machine's catalogue on its own: the merged rejectionCatalogue would hide a code two machines both define.
const catalogues = { commonRejections, presenceRejections, voiceRejections, chatRejections, digitalRejections };
const connectorKeys = new Map<string, string>();
for (const [catalogue, entries] of Object.entries(catalogues)) {
  for (const [code, { labelKey }] of Object.entries(entries)) connectorKeys.set(labelKey, `${catalogue}.${code}`);
}
// Any other labelKey written into the connector's source (api/, settings/, auth/ …) reaches a panel as well. Notice
// labels (`Notice_…`, the notice frame) are their own family: labels/notices.json and c/noticeBar, checked below.
const NOTICE = /^Notice_/;
const noticeKeys = new Map<string, string>();
for (const file of filesUnder(join(ROOT, 'connector/src'), (p) => p.endsWith('.ts'))) {
  for (const match of readFileSync(file, 'utf8').matchAll(/labelKey:\s*['"`](\w+)['"`]/g)) {
    const keys = NOTICE.test(match[1]!) ? noticeKeys : connectorKeys;
    if (!keys.has(match[1]!)) keys.set(match[1]!, relative(ROOT, file));
  }
}
const notices = JSON.parse(readFileSync(join(ROOT, 'labels/notices.json'), 'utf8')) as { labels: object };
const noticeModule = readFileSync(join(ROOT, 'force-app/main/default/lwc/noticeBar/noticeBar.ts'), 'utf8');
const noticeTable = new Set(
  [...(/const LABELS[^=]*=\s*\{([^}]*)\}/.exec(noticeModule)?.[1] ?? '').matchAll(/(\w+):\s*\w+/g)].map((m) => m[1]!)
);

const reasons = JSON.parse(readFileSync(join(ROOT, 'labels/reasons.json'), 'utf8')) as {
  labels: Record<string, Record<'description' | 'en' | (typeof LANGUAGES)[number], string>>;
};
const moduleSource = readFileSync(join(ROOT, MODULE), 'utf8');
/** Label name -> the identifier it is imported as. */
const imports = new Map(
  [...moduleSource.matchAll(/^import (\w+) from '@salesforce\/label\/c\.(\w+)';$/gm)].map((m) => [m[2]!, m[1]!])
);
/** labelKey -> the identifier reasonText gives for it. */
const table = new Map(
  [...(/const REASONS[^=]*=\s*\{([^}]*)\}/.exec(moduleSource)?.[1] ?? '').matchAll(/(\w+):\s*(\w+)/g)].map((m) => [
    m[1]!,
    m[2]!
  ])
);

describe('Reason labels', () => {
  it('the connector sends labelKeys (the catalogues were read)', () => {
    expect(connectorKeys.size).toBeGreaterThan(50);
    expect(connectorKeys.get('Reason_CallOnHold')).toBe('voiceRejections.CALL_ON_HOLD');
  });

  it('every labelKey the connector sends has a label in labels/reasons.json and a lookup in reasonLabels', () => {
    for (const [labelKey, source] of connectorKeys) {
      expect({ labelKey, source, label: labelKey in reasons.labels }).toEqual({ labelKey, source, label: true });
      expect({ labelKey, source, imported: imports.has(labelKey) }).toEqual({ labelKey, source, imported: true });
      expect({ labelKey, source, looksUp: table.get(labelKey) }).toEqual({
        labelKey,
        source,
        looksUp: imports.get(labelKey)
      });
    }
  });

  it('D7 D12 V6 V9 C6 C8 C9 every notice labelKey the connector sends has a label in labels/notices.json and a lookup in noticeBar', () => {
    expect(noticeKeys.size).toBeGreaterThanOrEqual(10);
    for (const [labelKey, source] of noticeKeys) {
      expect({ labelKey, source, label: labelKey in notices.labels }).toEqual({ labelKey, source, label: true });
      expect({ labelKey, source, looksUp: noticeTable.has(labelKey) }).toEqual({ labelKey, source, looksUp: true });
    }
  });

  it('every Reason label is a labelKey the connector sends, or the fallback, and reasonLabels imports it', () => {
    expect(Object.keys(reasons.labels)).toContain(FALLBACK);
    for (const name of Object.keys(reasons.labels)) {
      expect({ name, sent: name === FALLBACK || connectorKeys.has(name) }).toEqual({ name, sent: true });
      expect({ name, imported: imports.has(name) }).toEqual({ name, imported: true });
    }
    for (const [name] of imports)
      expect({ name, inReasons: name in reasons.labels }).toEqual({ name, inReasons: true });
    for (const [labelKey] of table) {
      expect({ labelKey, known: labelKey !== FALLBACK && labelKey in reasons.labels }).toEqual({
        labelKey,
        known: true
      });
    }
  });

  it('the frames recorded from the connector (fixtures/panels) name only labelKeys reasonLabels knows', () => {
    const found: { file: string; labelKey: unknown }[] = [];
    const collect = (file: string, value: unknown): void => {
      if (Array.isArray(value)) for (const item of value) collect(file, item);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'labelKey') found.push({ file, labelKey: inner });
          else collect(file, inner);
        }
      }
    };
    for (const file of filesUnder(join(ROOT, 'fixtures/panels'), (p) => p.endsWith('.json'))) {
      collect(relative(ROOT, file), JSON.parse(readFileSync(file, 'utf8')));
    }
    expect(found.length).toBeGreaterThan(0);
    for (const { file, labelKey } of found) {
      const known =
        typeof labelKey === 'string' && (NOTICE.test(labelKey) ? noticeTable.has(labelKey) : table.has(labelKey));
      expect({ file, labelKey, known }).toEqual({ file, labelKey, known: true });
    }
  });

  it('each reason is short enough for a narrow panel and has its own English sentence', () => {
    const english = new Map<string, string>();
    for (const [name, label] of Object.entries(reasons.labels)) {
      for (const language of ['en', ...LANGUAGES] as const) {
        const length = label[language].length;
        expect({ name, language, fits: length <= 120 }).toEqual({ name, language, fits: true });
      }
      // Two keys with one sentence would be one reason twice, and would hide a key wired to the wrong label.
      expect({ name, sameAs: english.get(label.en) }).toEqual({ name, sameAs: undefined });
      english.set(label.en, name);
    }
  });

  it('French puts a no-break space before : ; ? ! (so the sign never starts a line)', () => {
    for (const [name, label] of Object.entries(reasons.labels)) {
      const wrong = [...label.fr.matchAll(/(.)([:;?!])(?!\/\/)/gu)].filter((m) => !/[\u00a0\u202f]/u.test(m[1]!));
      expect({ name, wrong: wrong.map((m) => m[0]) }).toEqual({ name, wrong: [] });
    }
  });
});
