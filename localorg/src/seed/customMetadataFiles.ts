// Reads the custom metadata records the admin deploys (force-app/main/default/customMetadata/*.md-meta.xml), so the
// local org is seeded from the same files as a real org and the two cannot drift. Strict: a file that is not
// well-formed, names a type or field the org does not have, or holds a value of the wrong type stops the seed
// with a sentence naming the file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { checkDeveloperName, metadataType, prepareMetadataValues } from '../records/customMetadata';
import type { Schema } from '../schema/registry';
import type { FieldDef, ObjectDef, RecordValues } from '../schema/types';

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';
const FILE_NAME = /^([^.]+)\.([^.]+)\.md-meta\.xml$/;

export interface MetadataRecordFile {
  /** The file as messages name it: relative to the project root (absolute outside a project). */
  file: string;
  obj: ObjectDef;
  developerName: string;
  /** MasterLabel and the record's field values, checked against the type. */
  values: RecordValues;
}

export class CustomMetadataFileError extends Error {
  constructor(file: string, detail: string) {
    super(`Custom metadata record file ${file} is malformed: ${detail.replace(/\.$/, '')}.`);
    this.name = 'CustomMetadataFileError';
  }
}

/** The nearest folder at or above start that holds sfdx-project.json (the repository root). */
export function findProjectRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'sfdx-project.json'))) return dir;
    if (dirname(dir) === dir) {
      throw new Error(
        `No sfdx-project.json in ${start} or any folder above it: the local org seeds custom metadata from the project's force-app`
      );
    }
  }
}

/** <default package directory>/main/default/customMetadata, the package directory as sfdx-project.json names it. */
export function customMetadataDir(root: string = findProjectRoot()): string {
  const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories?: { path: string; default?: boolean }[];
  };
  const packages = project.packageDirectories ?? [];
  const chosen = packages.find((p) => p.default === true) ?? packages[0];
  if (!chosen) throw new Error(`${join(root, 'sfdx-project.json')} names no package directory`);
  return join(root, chosen.path, 'main', 'default', 'customMetadata');
}

// With preserveOrder the parser yields [{tag: children, ':@': attributes}] and {'#text': text} for text.
type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true
});

function tagOf(node: XNode): string | null {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text') ?? null;
}

function childrenOf(node: XNode): XNode[] {
  const tag = tagOf(node);
  const children = tag === null ? [] : node[tag];
  return Array.isArray(children) ? (children as XNode[]) : [];
}

function attributesOf(node: XNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

/** The element children of a node; text other than whitespace between them is refused. */
function elements(node: XNode, fail: (detail: string) => never): XNode[] {
  const out: XNode[] = [];
  for (const child of childrenOf(node)) {
    if (tagOf(child) !== null) out.push(child);
    else if (String(child['#text'] ?? '').trim() !== '') fail(`unexpected text in <${tagOf(node)}>`);
  }
  return out;
}

/** The text content of a leaf element, exactly as written (entities decoded). */
function textOf(node: XNode, fail: (detail: string) => never): string {
  let text = '';
  for (const child of childrenOf(node)) {
    if (tagOf(child) !== null) fail(`<${tagOf(node)}> must hold text, not <${tagOf(child)}>`);
    text += String(child['#text'] ?? '');
  }
  return text;
}

/** The xsi:type a deploy carries for a value of this field. */
function expectedXsiTypes(field: FieldDef): string[] {
  switch (field.type) {
    case 'boolean':
      return ['xsd:boolean'];
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return ['xsd:double', 'xsd:int'];
    case 'date':
      return ['xsd:date'];
    case 'datetime':
      return ['xsd:dateTime'];
    default:
      return ['xsd:string'];
  }
}

function readValue(node: XNode, field: FieldDef, fail: (detail: string) => never): unknown {
  const attributes = attributesOf(node);
  const names = Object.keys(attributes);
  if (attributes['xsi:nil'] !== undefined) {
    if (attributes['xsi:nil'] !== 'true' || names.length !== 1) fail(`the value of ${field.name} has a bad xsi:nil`);
    if (textOf(node, fail).trim() !== '') fail(`the value of ${field.name} is xsi:nil but not empty`);
    return null;
  }
  const type = attributes['xsi:type'];
  if (type === undefined || names.length !== 1)
    fail(`the value of ${field.name} needs exactly one of xsi:type or xsi:nil`);
  const expected = expectedXsiTypes(field);
  if (!expected.includes(type)) fail(`the value of ${field.name} is ${type}, the field takes ${expected.join(' or ')}`);
  const text = textOf(node, fail);
  if (type === 'xsd:boolean') {
    if (text !== 'true' && text !== 'false') fail(`the value of ${field.name} is not true or false: ${text}`);
    return text === 'true';
  }
  if (type === 'xsd:double' || type === 'xsd:int') {
    if (!/^[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(text))
      fail(`the value of ${field.name} is not a number: ${text}`);
    return Number(text);
  }
  return text;
}

/** Parses one record file's text; the label becomes MasterLabel. Throws CustomMetadataFileError. */
export function parseCustomMetadataXml(schema: Schema, obj: ObjectDef, xml: string, file: string): RecordValues {
  const fail = (detail: string): never => {
    throw new CustomMetadataFileError(file, detail);
  };
  if (/<!DOCTYPE/i.test(xml)) fail('a DOCTYPE is not allowed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) fail(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  const top = (parser.parse(xml) as XNode[]).filter((n) => tagOf(n) !== null);
  const root = top[0];
  if (top.length !== 1 || !root || tagOf(root) !== 'CustomMetadata') fail('the root element must be <CustomMetadata>');
  const rootNode = root as XNode;
  if (attributesOf(rootNode).xmlns !== METADATA_NS) fail(`<CustomMetadata> must be in the namespace ${METADATA_NS}`);

  const body: Record<string, unknown> = {};
  let label: string | null = null;
  for (const element of elements(rootNode, fail)) {
    const tag = tagOf(element);
    if (tag === 'label') {
      if (label !== null) fail('more than one <label>');
      label = textOf(element, fail);
    } else if (tag === 'protected') {
      const text = textOf(element, fail);
      if (text !== 'true' && text !== 'false') fail(`<protected> must be true or false, not ${text}`);
    } else if (tag === 'description') {
      textOf(element, fail);
    } else if (tag === 'values') {
      const parts = elements(element, fail);
      const fieldNode = parts.find((p) => tagOf(p) === 'field');
      const valueNode = parts.find((p) => tagOf(p) === 'value');
      if (parts.length !== 2 || !fieldNode || !valueNode) fail('each <values> needs one <field> and one <value>');
      const name = textOf(fieldNode as XNode, fail).trim();
      const field = schema.field(obj, name);
      if (!field || !field.custom) fail(`${obj.name} has no field ${name}`);
      const known = field as FieldDef;
      if (known.name !== name) fail(`the field ${name} is spelled ${known.name}`);
      if (name in body) fail(`the field ${name} is given twice`);
      body[name] = readValue(valueNode as XNode, known, fail);
    } else {
      fail(`unexpected element <${tag}> in <CustomMetadata>`);
    }
  }
  if (label === null || label.trim() === '') fail('the record has no <label>');
  const prepared = prepareMetadataValues(schema, obj, { MasterLabel: label, ...body });
  if (!prepared.ok) fail(prepared.errors.map((e) => e.message).join('; '));
  return (prepared as { ok: true; values: RecordValues }).values;
}

/** Every record file of the folder, in file-name order, checked against the schema. Throws on the first bad file. */
export function readCustomMetadataRecords(schema: Schema, dir: string = customMetadataDir()): MetadataRecordFile[] {
  if (!existsSync(dir))
    throw new Error(`No custom metadata folder at ${dir}: the local org seeds its settings from it`);
  let root: string | null = null;
  try {
    root = findProjectRoot(dir);
  } catch {
    root = null;
  }
  const records: MetadataRecordFile[] = [];
  const seen = new Set<string>();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md-meta.xml')) continue;
    const file = root === null ? join(dir, name) : relative(root, join(dir, name));
    const match = FILE_NAME.exec(name);
    if (!match) throw new CustomMetadataFileError(file, 'the name must be <Type>.<RecordName>.md-meta.xml');
    const [, typeName = '', developerName = ''] = match;
    const obj = metadataType(schema, `${typeName}__mdt`);
    if (!obj || obj.name !== `${typeName}__mdt`) {
      throw new CustomMetadataFileError(file, `the local org has no custom metadata type ${typeName}__mdt`);
    }
    const badName = checkDeveloperName(developerName);
    if (badName[0]) throw new CustomMetadataFileError(file, badName[0].message);
    const key = `${obj.name}.${developerName.toLowerCase()}`;
    if (seen.has(key)) throw new CustomMetadataFileError(file, `a second record named ${developerName}`);
    seen.add(key);
    const values = parseCustomMetadataXml(schema, obj, readFileSync(join(dir, name), 'utf8'), file);
    records.push({ file, obj, developerName, values });
  }
  return records;
}
