import { describe, expect, it } from 'vitest';
import { column, csvRecords, parseCsv, toCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const t = parseCsv('id,name,note\r\n1,"Li, Wei","said ""hi""\nthen left"\r\n2,Zhang,\n');
    expect(t.header).toEqual(['id', 'name', 'note']);
    expect(t.rows).toEqual([
      ['1', 'Li, Wei', 'said "hi"\nthen left'],
      ['2', 'Zhang', ''],
    ]);
  });
  it('strips a BOM, skips blank lines and pads short rows', () => {
    const t = parseCsv('\ufeffa,b\n\n1\n\n2,3');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      ['1', ''],
      ['2', '3'],
    ]);
  });
  it('rejects repeated header names and rows longer than the header', () => {
    expect(() => parseCsv('a,a\n1,2\n')).toThrow(/repeats column 'a'/);
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/record 2 has 3 cells/);
    expect(() => parseCsv('')).toThrow(/no header/);
    expect(() => csvRecords('a,"b\n')).toThrow(/unterminated/);
  });
  it('round-trips through toCsv', () => {
    const rows = [
      ['x,y', 'plain'],
      ['he said "no"', ' padded '],
    ];
    const back = parseCsv(toCsv(['c1', 'c2'], rows));
    expect(back.rows).toEqual(rows);
    expect(column(back, 'c2')).toEqual(['plain', ' padded ']);
  });
});
