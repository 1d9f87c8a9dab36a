import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { detectFeatures, featureColumns } from './features.ts';
import { isMissing, parseNumber } from './values.ts';

describe('detectFeatures', () => {
  const ids = Array.from(
    { length: 30 },
    (_, i) => `${i % 3},${i % 2 ? 'A' : 'B'},7,,id${i},${i % 2 ? 'NA' : '3.5'},${i % 2}`,
  );
  const table = parseCsv(`num,cat,const,empty,ident,sparse,y\n${ids.join('\n')}\n`);
  it('types columns and drops constant, empty and identifier-like ones', () => {
    const { features, dropped } = detectFeatures(table, { exclude: ['y'] });
    expect(features.map((f) => [f.name, f.kind])).toEqual([
      ['num', 'numeric'],
      ['cat', 'categorical'],
      ['sparse', 'numeric'],
    ]);
    expect(dropped).toEqual([
      { name: 'const', reason: 'constant' },
      { name: 'empty', reason: 'all values missing' },
      { name: 'ident', reason: 'identifier-like (nearly every label distinct)' },
    ]);
  });
  it('honours forced kinds and special values, and reads missing cells as NaN / null', () => {
    const { features } = detectFeatures(table, {
      exclude: ['y'],
      kinds: { num: 'categorical' },
      specialValues: { sparse: [99, -1] },
    });
    expect(features.find((f) => f.name === 'num')!.kind).toBe('categorical');
    expect(features.find((f) => f.name === 'sparse')!.specialValues).toEqual([-1, 99]);
    const cols = featureColumns(table, features, [0, 1]);
    const sparse = cols.find((c) => c.spec.name === 'sparse')!;
    expect(sparse.kind === 'numeric' && Array.from(sparse.values)).toEqual([3.5, Number.NaN]);
  });
});

describe('cell values', () => {
  it.each(['', ' ', 'NA', 'n/a', 'NaN', 'null', 'None', '?', '#N/A'])('%j is missing', (v) => {
    expect(isMissing(v)).toBe(true);
  });
  it.each([
    ['12', 12],
    [' -3.5 ', -3.5],
    ['1e3', 1000],
    ['.5', 0.5],
    ['0x10', undefined],
    ['1,000', undefined],
    ['12abc', undefined],
    ['Infinity', undefined],
  ])('parseNumber(%j) = %j', (v, n) => {
    expect(parseNumber(v)).toBe(n);
  });
});
