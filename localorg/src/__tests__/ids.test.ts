import { checksumOf, keyPrefixOf, makeId, to18 } from '../ids/salesforceId';

describe('Salesforce ids', () => {
  it('adds the documented checksum to a 15-character id', () => {
    // The REST API guide's example record: 00190000001pPvH -> 00190000001pPvHAAU.
    expect(checksumOf('00190000001pPvH')).toBe('AAU');
    expect(to18('00190000001pPvH')).toBe('00190000001pPvHAAU');
  });

  it('accepts an 18-character id with any casing of the suffix and refuses a wrong suffix', () => {
    expect(to18('00190000001pPvHaau')).toBe('00190000001pPvHAAU');
    expect(to18('00190000001pPvHAAA')).toBeNull();
    expect(to18('not-an-id')).toBeNull();
  });

  it('makes ids with the object key prefix that round-trip through the 15-character form', () => {
    const id = makeId('00T', 42);
    expect(id).toHaveLength(18);
    expect(keyPrefixOf(id)).toBe('00T');
    expect(to18(id.slice(0, 15))).toBe(id);
    expect(makeId('00T', 43) > id).toBe(true);
  });
});
