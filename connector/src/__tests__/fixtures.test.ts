// The panels' recorded fixtures (fixtures/panels/, `npm run fixtures`) against the contract: every checked-in one fits
// the zod schema and the generated JSON Schema, the recording still drives the running connector through every state,
// and docs/protocol.md, the JSON Schema and the fixtures name the same frames and directories.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameProblem } from '../testing/contract';
import { FIXTURES_DIR, PANEL_FIXTURES, recordPanelFixtures } from '../testing/fixtureFlows';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');
const dir = join(ROOT, FIXTURES_DIR);
const checkedIn = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name: name.replace(/\.json$/, ''), frame: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));

type Definition = { properties?: Record<string, { const?: string }>; oneOf?: Definition[]; anyOf?: Definition[] };
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/protocol.schema.json'), 'utf8')) as {
  definitions: Record<string, Definition>;
};
const refName = (ref: { $ref?: string }) => String(ref.$ref).split('/').pop()!;
const serverFrames = (schema.definitions.ServerFrame!.anyOf! as { $ref?: string }[]).map(
  (ref) => schema.definitions[refName(ref)]!
);
/** Every `type` a server frame can have, and every directory `name`, from the JSON Schema. */
const frameTypes = serverFrames.flatMap((d) => (d.oneOf ?? [d]).map((v) => v.properties!.type!.const!));
const directoryNames = schema.definitions.DirectoryFrame!.oneOf!.map((v) => v.properties!.name!.const!);
const protocolDoc = readFileSync(join(ROOT, 'docs/protocol.md'), 'utf8');

describe('the panels’ recorded fixtures', () => {
  it.each(checkedIn.map((f) => [f.name, f.frame] as const))(
    '%s fits the zod schema and the JSON Schema',
    (_, frame) => {
      expect(frameProblem(frame)).toBeNull();
    }
  );

  it('are exactly the fixtures the recording yields (run `npm run fixtures` after changing it)', () => {
    expect(checkedIn.map((f) => f.name).sort()).toEqual(Object.keys(PANEL_FIXTURES).sort());
  });

  it('cover every server frame type and every directory, as docs/protocol.md and the JSON Schema name them', () => {
    const recordedTypes = new Set(checkedIn.map((f) => String(f.frame.type)));
    const recordedDirectories = new Set(checkedIn.filter((f) => f.frame.type === 'directory').map((f) => f.frame.name));
    expect(new Set(frameTypes).size).toBe(13);
    for (const type of new Set(frameTypes)) {
      expect({ type, recorded: recordedTypes.has(type) }).toEqual({ type, recorded: true });
      expect({ type, documented: new RegExp(`^\\| \`${type}[ \`]`, 'm').test(protocolDoc) }).toEqual({
        type,
        documented: true
      });
    }
    expect(directoryNames).toHaveLength(10);
    for (const name of directoryNames) {
      expect({ name, recorded: recordedDirectories.has(name) }).toEqual({ name, recorded: true });
      expect({ name, documented: protocolDoc.includes(`| \`${name}\``) }).toEqual({ name, documented: true });
    }
    // And nothing documented that the schema does not have.
    const documentedFrames = [
      ...protocolDoc
        .split('## Server frames')[1]!
        .split('##')[0]!
        .matchAll(/^\| `(\w+)/gm)
    ];
    expect(documentedFrames.map((m) => m[1]).sort()).toEqual([...new Set(frameTypes)].sort());
  });

  it('are recorded from the running connector and simulator through every state they name', async () => {
    const recorded = await recordPanelFixtures();
    expect(Object.keys(recorded).sort()).toEqual(Object.keys(PANEL_FIXTURES).sort());
    for (const [name, frame] of Object.entries(recorded)) {
      expect({ name, problem: frameProblem(frame) }).toEqual({ name, problem: null });
      expect({ name, type: frame.type }).toEqual({
        name,
        type: checkedIn.find((f) => f.name === name)?.frame.type
      });
    }
    // C6: the card number never reaches a panel, in any recorded frame.
    expect(JSON.stringify(recorded)).not.toContain('4111 1111 1111 1111');
    expect(JSON.stringify(recorded['chat-active'])).toContain('**** **** **** 1111');
  });
});
