// Custom Labels have one source: labels/<group>.json, every label with its English value and its de, es, fr and nl
// translations side by side (so a missing one is seen where it is written). From them come the metadata admins deploy:
// force-app/main/default/labels/CustomLabels.labels-meta.xml and translations/<language>.translation-meta.xml.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const LANGUAGES = ['de', 'es', 'fr', 'nl'] as const;
const LABELS_DIR = 'labels';
const LABELS_FILE = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
const translationFile = (language: string) => `force-app/main/default/translations/${language}.translation-meta.xml`;

/** Salesforce: a label name starts with a letter, holds letters, digits and single underscores; value <= 1,000. */
const text = z.string().trim().min(1).max(1000);
const labelSchema = z
  .object({ description: z.string().trim().min(1).max(1000), en: text, de: text, es: text, fr: text, nl: text })
  .strict();
const groupSchema = z
  .object({
    description: z.string().min(1),
    labels: z.record(z.string().regex(/^[A-Za-z](?:_?[A-Za-z0-9])*$/, 'a Custom Label name'), labelSchema)
  })
  .strict();
export type Label = z.infer<typeof labelSchema> & { name: string; group: string };

/** Every label of every group, sorted by name; refuses a wrong file, a duplicate name or unmatched placeholders. */
export function readLabels(root: string): Label[] {
  const labels: Label[] = [];
  const problems: string[] = [];
  const files = readdirSync(join(root, LABELS_DIR)).filter((f) => f.endsWith('.json'));
  for (const file of files.sort()) {
    const group = file.replace(/\.json$/, '');
    const parsed = groupSchema.safeParse(JSON.parse(readFileSync(join(root, LABELS_DIR, file), 'utf8')));
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${LABELS_DIR}/${file}: ${issue.path.join('.')} ${issue.message}`);
      continue;
    }
    for (const [name, label] of Object.entries(parsed.data.labels)) {
      if (labels.some((l) => l.name === name)) problems.push(`${LABELS_DIR}/${file}: ${name} is also in another file`);
      const placeholders = (value: string) =>
        [...value.matchAll(/\{\d+\}/g)]
          .map((m) => m[0])
          .sort()
          .join(' ');
      for (const language of LANGUAGES) {
        if (placeholders(label[language]) !== placeholders(label.en)) {
          problems.push(
            `${LABELS_DIR}/${file}: ${name}.${language} has placeholders "${placeholders(label[language])}", English "${placeholders(label.en)}"`
          );
        }
      }
      labels.push({ ...label, name, group });
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return labels.sort((a, b) => a.name.localeCompare(b.name));
}

const xml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The metadata files, path -> text, as `npm run labels` writes them. */
export function labelFiles(labels: Label[]): Record<string, string> {
  const files: Record<string, string> = {};
  files[LABELS_FILE] = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">',
    ...labels.flatMap((l) => [
      '    <labels>',
      `        <fullName>${l.name}</fullName>`,
      `        <categories>Softphone</categories>`,
      '        <language>en_US</language>',
      '        <protected>false</protected>',
      `        <shortDescription>${xml(l.description.slice(0, 80))}</shortDescription>`,
      `        <value>${xml(l.en)}</value>`,
      '    </labels>'
    ]),
    '</CustomLabels>',
    ''
  ].join('\n');
  for (const language of LANGUAGES) {
    files[translationFile(language)] = [
      '<?xml version="1.0" encoding="UTF-8" ?>',
      '<Translations xmlns="http://soap.sforce.com/2006/04/metadata">',
      ...labels.flatMap((l) => [
        '    <customLabels>',
        `        <label>${xml(l[language])}</label>`,
        `        <name>${l.name}</name>`,
        '    </customLabels>'
      ]),
      '</Translations>',
      ''
    ].join('\n');
  }
  return files;
}
