import { describe, expect, it } from 'vitest';
import { encodeTarget } from './target.ts';

describe('encodeTarget', () => {
  it.each([
    [['0', '1', '0'], 'bad', '1', 'numeric target: the larger value is bad'],
    [['1', '2', '1'], 'class', '2', 'numeric target: the larger value is bad'],
    [['1', '0', '1'], 'is_good', '0', 'numeric target named "good": the smaller value is bad'],
    [['true', 'false', 'false'], 'default', 'true', 'label names the bad outcome'],
    [['good', 'bad', 'good'], 'risk', 'bad', 'label names the bad outcome'],
    [['Paid', 'Charged Off', 'Paid'], 'status', 'Charged Off', 'label names the bad outcome'],
    [['yes', 'no', 'no'], 'good_payer', 'no', 'label names the bad outcome'],
    [['x', 'x', 'z'], 'outcome', 'z', 'the rarer label is bad'],
  ])('%j in column %s → bad is %s', (cells, col, bad, rule) => {
    const t = encodeTarget(cells, col);
    expect(t.encoding.badLabel).toBe(bad);
    expect(t.encoding.rule).toBe(rule);
    expect(Array.from(t.y)).toEqual(cells.map((c) => (c === bad ? 1 : 0)));
  });
  it('honours an explicit bad value (any case) and drops missing targets', () => {
    const t = encodeTarget(['A', '', 'B', 'NA', 'A'], 'y', 'a');
    expect(t.encoding.badLabel).toBe('A');
    expect(t.rows).toEqual([0, 2, 4]);
    expect(Array.from(t.y)).toEqual([1, 0, 1]);
  });
  it('rejects targets without exactly two values and unknown bad values', () => {
    expect(() => encodeTarget(['1', '2', '3'], 'y')).toThrow(/exactly two values, found 3/);
    expect(() => encodeTarget(['1', '1'], 'y')).toThrow(/found 1/);
    expect(() => encodeTarget(['0', '1'], 'y', '7')).toThrow(/is not one of/);
  });
});
