import fc from 'fast-check';
import { parseWith } from '../../kernel/parse';
import { omniPresenceEventSchema, presenceCommandSchema } from '../commands';

describe.each([
  ['presence command', presenceCommandSchema],
  ['Omni presence event', omniPresenceEventSchema]
])('%s parser on arbitrary JSON', (_name, schema) => {
  it('parses or refuses with INVALID_INPUT naming the paths; never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const r = parseWith(schema, input);
        if (r.ok) return;
        expect(r.rejection.code).toBe('INVALID_INPUT');
        expect(r.rejection.issues?.length).toBeGreaterThan(0);
        for (const issue of r.rejection.issues ?? []) expect(typeof issue.path).toBe('string');
      }),
      { numRuns: 10_000 }
    );
  });
});

it('A1 a Busy command without a reason names the missing path', () => {
  const r = parseWith(presenceCommandSchema, { command: 'goBusy', args: {} });
  expect(r).toMatchObject({ ok: false, rejection: { code: 'INVALID_INPUT', issues: [{ path: 'args.reasonCode' }] } });
});
