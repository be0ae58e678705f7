// Every word a person reads is a Custom Label in five languages (issue 13, deliverable 9): the label metadata is what
// labels/*.json gives, every label the panels import exists, none is left unused, and no template holds a literal word.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LANGUAGES, labelFiles, readLabels } from '../lib/labels';

const ROOT = join(__dirname, '..', '..');
const LWC = join(ROOT, 'force-app/main/default/lwc');

function filesUnder(dir: string, ends: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : filesUnder(path, ends);
    return ends.some((end) => name.endsWith(end)) ? [path] : [];
  });
}

const labels = readLabels(ROOT);
const sources = filesUnder(LWC, ['.ts', '.js']).filter((f) => !f.endsWith('.d.ts'));
const imported = new Map<string, string>();
for (const file of sources) {
  for (const match of readFileSync(file, 'utf8').matchAll(/@salesforce\/label\/c\.(\w+)/g)) {
    imported.set(match[1]!, relative(ROOT, file));
  }
}

describe('Custom Labels', () => {
  it('the label and translation metadata are what labels/*.json give (run `npm run labels`)', () => {
    for (const [file, text] of Object.entries(labelFiles(labels))) {
      expect({ file, current: readFileSync(join(ROOT, file), 'utf8') === text }).toEqual({ file, current: true });
    }
  });

  it('every label has its German, Spanish, French and Dutch text', () => {
    for (const label of labels) {
      for (const language of LANGUAGES)
        expect({ name: label.name, language, text: label[language].trim() !== '' }).toEqual({
          name: label.name,
          language,
          text: true
        });
    }
  });

  it('every label a panel imports exists, and every label is imported somewhere', () => {
    const names = new Set(labels.map((l) => l.name));
    for (const [name, file] of imported)
      expect({ name, file, exists: names.has(name) }).toEqual({ name, file, exists: true });
    for (const name of names) expect({ name, used: imported.has(name) }).toEqual({ name, used: true });
  });

  it('no template holds a literal word: text and readable attributes come from labels', () => {
    const readable =
      /\s(label|title|alternative-text|placeholder|aria-label|aria-description|message-when-[\w-]+|field-level-help)="([^"]*)"/g;
    for (const file of filesUnder(LWC, ['.html'])) {
      const template = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      const text = template
        .replace(/<[^>]*>/g, ' ')
        .replace(/\{[^}]*\}/g, ' ')
        .replace(/&[a-z]+;|&#\d+;/g, ' ');
      const words = text.match(/\p{L}{2,}/gu) ?? [];
      expect({ file: relative(ROOT, file), words }).toEqual({ file: relative(ROOT, file), words: [] });
      const literal = [...template.matchAll(readable)].filter((m) => /\p{L}/u.test(m[2]!.replace(/\{[^}]*\}/g, '')));
      expect({ file: relative(ROOT, file), attributes: literal.map((m) => m[0].trim()) }).toEqual({
        file: relative(ROOT, file),
        attributes: []
      });
    }
  });
});
