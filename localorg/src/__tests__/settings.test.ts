// Contact-centre settings as custom metadata: the force-app types and records, the local org's copy of them (seeded
// from the same files), the data API's refusal to write them and the /__localorg/metadata control.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { Schema } from '../schema/registry';
import { customMetadataDir, findProjectRoot, readCustomMetadataRecords } from '../seed/customMetadataFiles';
import { firstError, startTestOrg, type TestOrg } from './support';

const ROOT = join(__dirname, '..', '..', '..');
const DEFAULT = join(ROOT, 'force-app', 'main', 'default');
const TYPES = [
  'Softphone_Setting__mdt',
  'Softphone_Channel_Setting__mdt',
  'Softphone_Busy_Reason__mdt',
  'Softphone_PCI_Pattern__mdt',
  'Softphone_Emergency_Number__mdt',
  'Wrap_Up_Code__mdt'
];
const STANDARD = ['Id', 'DeveloperName', 'MasterLabel', 'Label', 'QualifiedApiName', 'NamespacePrefix', 'Language'];

// The test reads force-app with its own, plainer parse (not the seed's), so the two are checked against each other.
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['values', 'value'].includes(name)
});

interface FieldFile {
  fullName: string;
  label: string;
  type: string;
  length?: string;
  precision?: string;
  scale?: string;
  defaultValue?: string;
  fieldManageability: string;
  inlineHelpText?: string;
  description?: string;
  valueSet?: {
    restricted: string;
    valueSetDefinition: { value: { fullName: string; default: string }[] };
  };
}

function fieldFiles(type: string): FieldFile[] {
  const dir = join(DEFAULT, 'objects', type, 'fields');
  return readdirSync(dir)
    .sort()
    .map((name) => (xml.parse(readFileSync(join(dir, name), 'utf8')) as { CustomField: FieldFile }).CustomField);
}

type XmlValue = { '#text'?: string; '@xsi:type'?: string; '@xsi:nil'?: string } | string;

/** Expected SOQL rows per type, from the record files: DeveloperName, MasterLabel and every value. */
function recordFiles(type: string): Record<string, unknown>[] {
  const base = type.replace(/__mdt$/, '');
  const dir = join(DEFAULT, 'customMetadata');
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${base}.`))
    .sort()
    .map((name) => {
      const doc = xml.parse(readFileSync(join(dir, name), 'utf8')) as {
        CustomMetadata: { label: string; values?: { field: string; value: XmlValue[] }[] };
      };
      const row: Record<string, unknown> = {
        DeveloperName: name.slice(base.length + 1, -'.md-meta.xml'.length),
        MasterLabel: doc.CustomMetadata.label
      };
      for (const { field, value } of doc.CustomMetadata.values ?? []) {
        const v = value[0] ?? '';
        const typeName = typeof v === 'string' ? 'xsd:string' : v['@xsi:type'];
        const text = typeof v === 'string' ? v : (v['#text'] ?? '');
        if (typeof v !== 'string' && v['@xsi:nil'] === 'true') row[field] = null;
        else if (typeName === 'xsd:boolean') row[field] = text === 'true';
        else if (typeName === 'xsd:double') row[field] = Number(text);
        else row[field] = text;
      }
      return row;
    });
}

let t: TestOrg;
beforeAll(async () => {
  t = await startTestOrg();
}, 60_000);
afterAll(async () => {
  await t?.org.close();
});

const control = (method: string, path: string, body?: unknown) =>
  t.api(method, `/__localorg/metadata${path}`, body, null);

describe('force-app custom metadata types', () => {
  it('has every type with its fields, help text and one record file per default record', () => {
    const objects = readdirSync(join(DEFAULT, 'objects')).filter((name) => name.endsWith('__mdt'));
    expect(objects.sort()).toEqual([...TYPES].sort());
    for (const type of TYPES) {
      const object = xml.parse(readFileSync(join(DEFAULT, 'objects', type, `${type}.object-meta.xml`), 'utf8')) as {
        CustomObject: { label: string; pluralLabel: string; visibility: string };
      };
      expect(object.CustomObject).toMatchObject({ visibility: 'Public' });
      for (const field of fieldFiles(type)) {
        expect(field.fullName).toMatch(/__c$/);
        expect(['DeveloperControlled', 'SubscriberControlled']).toContain(field.fieldManageability);
        expect(field.inlineHelpText?.length ?? 0).toBeGreaterThan(20);
        expect(field.inlineHelpText?.length ?? 0).toBeLessThanOrEqual(510);
        if (field.type === 'Checkbox') expect(['true', 'false']).toContain(field.defaultValue);
        if (field.type === 'Picklist') expect(field.valueSet?.restricted).toBe('true');
      }
    }
    const counts = Object.fromEntries(TYPES.map((type) => [type, recordFiles(type).length]));
    expect(counts).toEqual({
      Softphone_Setting__mdt: 1,
      Softphone_Channel_Setting__mdt: 8,
      Softphone_Busy_Reason__mdt: 4,
      Softphone_PCI_Pattern__mdt: 1,
      Softphone_Emergency_Number__mdt: 30,
      Wrap_Up_Code__mdt: 9
    });
  });
});

describe('custom metadata in the local org', () => {
  it('describes every type as read-only custom metadata with the fields force-app defines', async () => {
    for (const type of TYPES) {
      const reply = await t.api('GET', `/sobjects/${type}/describe`);
      expect(reply.status).toBe(200);
      const described = reply.body as {
        name: string;
        custom: boolean;
        createable: boolean;
        updateable: boolean;
        deletable: boolean;
        queryable: boolean;
        fields: {
          name: string;
          label: string;
          type: string;
          length: number;
          precision: number;
          scale: number;
          defaultValue: unknown;
          restrictedPicklist: boolean;
          createable: boolean;
          updateable: boolean;
          picklistValues: { value: string; defaultValue: boolean }[];
        }[];
      };
      expect(described).toMatchObject({
        name: type,
        custom: true,
        createable: false,
        updateable: false,
        deletable: false,
        queryable: true
      });
      const byName = new Map(described.fields.map((f) => [f.name, f]));
      for (const name of STANDARD) expect(byName.has(name)).toBe(true);
      const files = fieldFiles(type);
      const custom = described.fields.filter((f) => f.name.endsWith('__c')).map((f) => f.name);
      expect(custom.sort()).toEqual(files.map((f) => f.fullName).sort());
      for (const file of files) {
        const field = byName.get(file.fullName);
        expect({ field: file.fullName, label: field?.label }).toEqual({ field: file.fullName, label: file.label });
        expect(field).toMatchObject({ createable: false, updateable: false });
        switch (file.type) {
          case 'Text':
            expect(field).toMatchObject({ type: 'string', length: Number(file.length) });
            break;
          case 'Number':
            expect(field).toMatchObject({
              type: 'double',
              precision: Number(file.precision),
              scale: Number(file.scale)
            });
            break;
          case 'Checkbox':
            expect(field).toMatchObject({ type: 'boolean', defaultValue: file.defaultValue === 'true' });
            break;
          case 'Picklist': {
            const values = file.valueSet?.valueSetDefinition.value ?? [];
            expect(field).toMatchObject({ type: 'picklist', restrictedPicklist: true });
            expect(field?.picklistValues.map((v) => [v.value, v.defaultValue])).toEqual(
              values.map((v) => [v.fullName, v.default === 'true'])
            );
            break;
          }
          default:
            throw new Error(`${type}.${file.fullName}: unexpected field type ${file.type}`);
        }
      }
    }
  });

  it('answers SOQL with exactly the records of the force-app files', async () => {
    for (const type of TYPES) {
      const expected = recordFiles(type);
      const fields = fieldFiles(type).map((f) => f.fullName);
      const rows = await t.org.query(
        `SELECT DeveloperName, MasterLabel, ${fields.join(', ')} FROM ${type} ORDER BY DeveloperName`
      );
      const strip = (r: Record<string, unknown>) => {
        const { attributes: _attributes, ...rest } = r;
        return rest;
      };
      const sortByName = (list: Record<string, unknown>[]) =>
        [...list].sort((a, b) => String(a.DeveloperName).localeCompare(String(b.DeveloperName)));
      expect(sortByName(rows.map(strip))).toEqual(sortByName(expected));
    }
  });

  it('has the standard fields and the documented defaults', async () => {
    const [setting] = await t.org.query(
      "SELECT Id, DeveloperName, MasterLabel, Label, QualifiedApiName, NamespacePrefix, Language, PCI_Mode__c, Total_Capacity__c, Follow_Up_Queues__c, Omni_Offline_Logs_Out__c FROM Softphone_Setting__mdt WHERE DeveloperName = 'Default'"
    );
    expect(setting).toMatchObject({
      DeveloperName: 'Default',
      MasterLabel: 'Default',
      Label: 'Default',
      QualifiedApiName: 'Default',
      NamespacePrefix: null,
      Language: 'en_US',
      PCI_Mode__c: 'Redact',
      Total_Capacity__c: 6,
      Follow_Up_Queues__c: null,
      Omni_Offline_Logs_Out__c: true
    });
    expect(String(setting?.Id)).toMatch(/^m02/);
    const voice = await t.org.query(
      "SELECT Offer_Timeout_Seconds__c, Attachments_Allowed__c, Blocked_File_Types__c FROM Softphone_Channel_Setting__mdt WHERE Channel__c = 'voice'"
    );
    expect(voice).toEqual([
      expect.objectContaining({
        Offer_Timeout_Seconds__c: 20,
        Attachments_Allowed__c: false,
        Blocked_File_Types__c: null
      })
    ]);
    const email = await t.org.query(
      "SELECT Interruptible_By_Call__c, Disposition_Required__c FROM Softphone_Channel_Setting__mdt WHERE DeveloperName = 'Email'"
    );
    expect(email[0]).toMatchObject({ Interruptible_By_Call__c: true, Disposition_Required__c: true });
    const reasons = await t.org.query(
      'SELECT DeveloperName, Omni_Status__c FROM Softphone_Busy_Reason__mdt WHERE Active__c = true ORDER BY Sort_Order__c'
    );
    expect(reasons.map((r) => r.DeveloperName)).toEqual(['Break', 'Lunch', 'Meeting', 'Training']);
    const iban = await t.org.query(
      "SELECT Pattern__c, Active__c FROM Softphone_PCI_Pattern__mdt WHERE DeveloperName = 'IBAN'"
    );
    expect(iban[0]).toMatchObject({ Active__c: false });
    expect(new RegExp(String(iban[0]?.Pattern__c)).test('DE89 3704 0044 0532 0130 00')).toBe(true);
    const us = await t.org.query("SELECT Numbers__c FROM Softphone_Emergency_Number__mdt WHERE Country__c = 'US'");
    expect(us[0]?.Numbers__c).toBe('911;933');
    const sales = await t.org.query(
      "SELECT Queues__c, Sort_Order__c FROM Wrap_Up_Code__mdt WHERE DeveloperName = 'Sales_Opportunity'"
    );
    expect(sales[0]).toMatchObject({ Queues__c: 'Voice_Sales;Chat_Support', Sort_Order__c: 60 });
  });

  it('refuses create, update and delete through the data API, as for any object that does not support them', async () => {
    const id = String((await t.org.query('SELECT Id FROM Softphone_Busy_Reason__mdt LIMIT 1'))[0]?.Id);
    const create = await t.api('POST', '/sobjects/Softphone_Busy_Reason__mdt', { MasterLabel: 'Nap' });
    expect(create.status).toBe(400);
    expect(firstError(create)).toEqual({
      errorCode: 'INVALID_TYPE_FOR_OPERATION',
      message: 'entity type Softphone_Busy_Reason__mdt does not support insert'
    });
    const update = await t.api('PATCH', `/sobjects/Softphone_Busy_Reason__mdt/${id}`, { Active__c: false });
    expect(firstError(update)).toEqual({
      errorCode: 'INVALID_TYPE_FOR_OPERATION',
      message: 'entity type Softphone_Busy_Reason__mdt does not support update'
    });
    const remove = await t.api('DELETE', `/sobjects/Softphone_Busy_Reason__mdt/${id}`);
    expect(firstError(remove)).toEqual({
      errorCode: 'INVALID_TYPE_FOR_OPERATION',
      message: 'entity type Softphone_Busy_Reason__mdt does not support delete'
    });
    expect(await t.org.query('SELECT Id FROM Softphone_Busy_Reason__mdt WHERE Active__c = true')).toHaveLength(4);
  });
});

describe('/__localorg/metadata', () => {
  it("lists the types and a type's records", async () => {
    const types = await control('GET', '');
    expect((types.body as { types: { name: string; records: number }[] }).types).toEqual(
      expect.arrayContaining([{ name: 'Softphone_Emergency_Number__mdt', records: 30 }])
    );
    const list = await control('GET', '/Softphone_Channel_Setting__mdt');
    expect(list.status).toBe(200);
    const body = list.body as { totalSize: number; records: { DeveloperName: string; attributes: { type: string } }[] };
    expect(body.totalSize).toBe(8);
    expect(body.records.map((r) => r.DeveloperName)).toEqual(
      expect.arrayContaining(['Voice', 'Chat', 'Email', 'SMS', 'WhatsApp', 'Messenger', 'Instagram', 'X'])
    );
    expect(body.records[0]?.attributes.type).toBe('Softphone_Channel_Setting__mdt');
    expect((await control('GET', '/Account')).status).toBe(404);
  });

  it('replaces the values it names, keeps the others, and SOQL sees the change at once', async () => {
    const reply = await control('PUT', '/Softphone_Setting__mdt/Default', {
      PCI_Mode__c: 'Drop',
      Voice_Capacity__c: 2,
      Follow_Up_Enabled__c: true,
      Follow_Up_Queues__c: 'Voice_Support;Chat_Support',
      MasterLabel: 'Default settings'
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ PCI_Mode__c: 'Drop', Chat_Capacity__c: 3, Label: 'Default settings' });
    const [row] = await t.org.query(
      "SELECT MasterLabel, Label, PCI_Mode__c, Voice_Capacity__c, Chat_Capacity__c, Follow_Up_Enabled__c, Follow_Up_Queues__c, Transcript_Sides__c FROM Softphone_Setting__mdt WHERE DeveloperName = 'Default'"
    );
    expect(row).toMatchObject({
      MasterLabel: 'Default settings',
      Label: 'Default settings',
      PCI_Mode__c: 'Drop',
      Voice_Capacity__c: 2,
      Chat_Capacity__c: 3,
      Follow_Up_Enabled__c: true,
      Follow_Up_Queues__c: 'Voice_Support;Chat_Support',
      Transcript_Sides__c: 'Both'
    });
    const cleared = await control('PUT', '/Softphone_Setting__mdt/Default', { Follow_Up_Queues__c: null });
    expect(cleared.body).toMatchObject({ Follow_Up_Queues__c: null, PCI_Mode__c: 'Drop' });
  });

  it('creates and deletes records', async () => {
    const created = await control('PUT', '/Softphone_Busy_Reason__mdt/Coaching', {
      MasterLabel: 'Coaching',
      Sort_Order__c: 50
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ DeveloperName: 'Coaching', QualifiedApiName: 'Coaching', Active__c: true });
    expect(String((created.body as { Id: string }).Id)).toMatch(/^m04/);
    const seen = await t.org.query(
      'SELECT DeveloperName, Omni_Status__c FROM Softphone_Busy_Reason__mdt WHERE Active__c = true ORDER BY Sort_Order__c'
    );
    expect(seen.map((r) => r.DeveloperName)).toEqual(['Break', 'Lunch', 'Meeting', 'Training', 'Coaching']);
    expect(seen[4]?.Omni_Status__c).toBeNull();
    expect((await control('GET', '/Softphone_Busy_Reason__mdt/Coaching')).status).toBe(200);
    expect((await control('DELETE', '/Softphone_Busy_Reason__mdt/Coaching')).status).toBe(204);
    expect(await t.org.query("SELECT Id FROM Softphone_Busy_Reason__mdt WHERE DeveloperName = 'Coaching'")).toEqual([]);
    expect((await control('DELETE', '/Softphone_Busy_Reason__mdt/Coaching')).status).toBe(404);
    const unnamed = await control('PUT', '/Softphone_Busy_Reason__mdt/Nap', { Sort_Order__c: 60 });
    expect(firstError(unnamed)).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['MasterLabel'] });
    const badName = await control('PUT', '/Softphone_Busy_Reason__mdt/Two__Underscores', { MasterLabel: 'x' });
    expect(firstError(badName)).toMatchObject({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['DeveloperName'] });
  });

  it('refuses what a deploy refuses: a bad picklist value, an unknown field, a wrong type, too long, too many digits', async () => {
    const picklist = await control('PUT', '/Softphone_Setting__mdt/Default', { PCI_Mode__c: 'Shred' });
    expect(picklist.status).toBe(400);
    expect(firstError(picklist)).toEqual({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      message: 'PCI Mode: bad value for restricted picklist field: Shred',
      fields: ['PCI_Mode__c']
    });
    const unknown = await control('PUT', '/Softphone_Setting__mdt/Default', { Colour__c: 'blue' });
    expect(unknown.status).toBe(400);
    expect(firstError(unknown)).toEqual({
      errorCode: 'INVALID_FIELD',
      message: "No such column 'Colour__c' on sobject of type Softphone_Setting__mdt"
    });
    const wrongType = await control('PUT', '/Softphone_Setting__mdt/Default', { Omni_Offline_Logs_Out__c: 'maybe' });
    expect(firstError(wrongType)).toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
      fields: ['Omni_Offline_Logs_Out__c']
    });
    const tooLong = await control('PUT', '/Softphone_Setting__mdt/Default', { Default_Country__c: 'USA' });
    expect(firstError(tooLong)).toMatchObject({ errorCode: 'STRING_TOO_LONG', fields: ['Default_Country__c'] });
    const digits = await control('PUT', '/Softphone_Setting__mdt/Default', { Voice_Capacity__c: 100 });
    expect(firstError(digits)).toMatchObject({
      errorCode: 'NUMBER_OUTSIDE_VALID_RANGE',
      fields: ['Voice_Capacity__c']
    });
    const readOnly = await control('PUT', '/Softphone_Setting__mdt/Default', { QualifiedApiName: 'Other' });
    expect(firstError(readOnly)).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
    const notJson = await t.api('PUT', '/__localorg/metadata/Softphone_Setting__mdt/Default', undefined, null, {
      'Content-Type': 'application/json'
    });
    expect(firstError(notJson).errorCode).toBe('JSON_PARSER_ERROR');
    const [row] = await t.org.query('SELECT PCI_Mode__c, Default_Country__c FROM Softphone_Setting__mdt');
    expect(row).toMatchObject({ PCI_Mode__c: 'Drop', Default_Country__c: 'US' });
  });

  it('holds what only the connector should refuse: a regex that does not compile, a capacity of 0', async () => {
    const pattern = await control('PUT', '/Softphone_PCI_Pattern__mdt/Broken', {
      MasterLabel: 'Broken',
      Pattern__c: '(['
    });
    expect(pattern.status).toBe(201);
    const capacity = await control('PUT', '/Softphone_Setting__mdt/Default', { Total_Capacity__c: 0 });
    expect(capacity.status).toBe(200);
    const rows = await t.org.query(
      "SELECT Pattern__c, Active__c FROM Softphone_PCI_Pattern__mdt WHERE DeveloperName = 'Broken'"
    );
    expect(rows[0]).toMatchObject({ Pattern__c: '([', Active__c: true });
    expect((await t.org.query('SELECT Total_Capacity__c FROM Softphone_Setting__mdt'))[0]?.Total_Capacity__c).toBe(0);
  });
});

describe('seeding from force-app', () => {
  const schema = new Schema();
  const good = readFileSync(join(DEFAULT, 'customMetadata', 'Softphone_Busy_Reason.Break.md-meta.xml'), 'utf8');

  function inFolder(files: Record<string, string>, check: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), 'localorg-mdt-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      check(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('finds force-app from the source folder, whatever the working directory', () => {
    expect(findProjectRoot(join(ROOT, 'localorg', 'src', 'seed'))).toBe(ROOT);
    expect(customMetadataDir()).toBe(join(DEFAULT, 'customMetadata'));
    expect(readCustomMetadataRecords(schema)).toHaveLength(53);
  });

  it('stops with a sentence naming the file when a file is malformed or does not fit the type', () => {
    const cases: [string, string, RegExp][] = [
      ['Softphone_Busy_Reason.Nap.md-meta.xml', good.replace('</values>', '</value>'), /Expected closing tag/],
      ['Softphone_Busy_Reason.Nap.md-meta.xml', good.replace('Sort_Order__c', 'Order__c'), /has no field Order__c/],
      ['Softphone_Busy_Reason.Nap.md-meta.xml', good.replace('xsd:double', 'xsd:string'), /is xsd:string/],
      ['Softphone_Busy_Reason.Nap.md-meta.xml', good.replace('<label>Break</label>', ''), /no <label>/],
      ['Softphone_Busy_Reason.Nap.md-meta.xml', good.replace('>10.0<', '>1000.0<'), /outside of valid range/],
      ['Softphone_Nothing.Nap.md-meta.xml', good, /no custom metadata type Softphone_Nothing__mdt/]
    ];
    for (const [name, text, detail] of cases) {
      inFolder({ [name]: text }, (dir) => {
        expect(() => readCustomMetadataRecords(schema, dir)).toThrow(
          new RegExp(`^Custom metadata record file .*${name.replace(/\./g, '\\.')} is malformed: `)
        );
        expect(() => readCustomMetadataRecords(schema, dir)).toThrow(detail);
      });
    }
    inFolder({ 'Softphone_Busy_Reason.Nap.md-meta.xml': good }, (dir) => {
      expect(readCustomMetadataRecords(schema, dir)[0]).toMatchObject({
        developerName: 'Nap',
        values: { MasterLabel: 'Break', Omni_Status__c: 'Break', Sort_Order__c: 10, Active__c: true }
      });
    });
  });
});
