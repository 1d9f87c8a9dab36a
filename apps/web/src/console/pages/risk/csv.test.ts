import { describe, expect, it } from 'vitest';
import { guessTarget, summariseCsv } from './csv.ts';

describe('summariseCsv', () => {
  it('reads the header and counts data rows', () => {
    expect(summariseCsv('a,b,bad\n1,2,0\n3,4,1\n')).toEqual({ columns: ['a', 'b', 'bad'], rows: 2 });
  });

  it('handles quotes, escaped quotes, commas and line breaks inside quotes', () => {
    const text = 'id,"name, full","say ""hi""",bad\r\n1,"Li, Wei","line\nbreak",0\r\n2,Wang,"x",1';
    expect(summariseCsv(text)).toEqual({ columns: ['id', 'name, full', 'say "hi"', 'bad'], rows: 2 });
  });

  it('ignores a byte-order mark, leading and blank lines, and a missing final newline', () => {
    expect(summariseCsv('\uFEFF\n a , b \n\n1,2\n\n3,4')).toEqual({ columns: ['a', 'b'], rows: 2 });
  });

  it('counts a row of empty cells (commas) as a row but not a whitespace-only line', () => {
    expect(summariseCsv('a,b\n,\n   \n')).toEqual({ columns: ['a', 'b'], rows: 1 });
  });

  it('gives no columns for empty text and a header without rows', () => {
    expect(summariseCsv('')).toEqual({ columns: [], rows: 0 });
    expect(summariseCsv('x,y')).toEqual({ columns: ['x', 'y'], rows: 0 });
  });
});

describe('guessTarget', () => {
  it('prefers a column named like a bad flag, else the last column', () => {
    expect(guessTarget(['bad', 'age', 'amount'])).toBe('bad');
    expect(guessTarget(['age', 'Default'])).toBe('Default');
    expect(guessTarget(['age', 'amount', 'outcome'])).toBe('outcome');
    expect(guessTarget([])).toBeUndefined();
  });
});
