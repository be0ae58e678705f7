import { formatLabel } from 'c/utilityBadge';

describe('formatLabel', () => {
  it('fills numbered placeholders and leaves unknown ones', () => {
    expect(formatLabel('Softphone ({0})', 3)).toBe('Softphone (3)');
    expect(formatLabel('{1} of {0} {2}', 5, 2)).toBe('2 of 5 {2}');
  });
});
