import { describe, expect, it } from 'vitest';
import { parseCandidatesCsv, parseCostsCsv, parseCsv, parseDemandCsv } from './csv.ts';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, CRLF and blank lines', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n1,2')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['1', '2'],
    ]);
  });
});

describe('points', () => {
  it('reads id,x,y,weight as projected', () => {
    const r = parseDemandCsv('id,x,y,weight\nv1,1.5,2,30\n', 'D.csv');
    expect(r.ok && r.value).toEqual({
      coordinates: 'projected',
      points: [{ id: 'v1', x: 1.5, y: 2, weight: 30 }],
    });
  });

  it('reads id,lon,lat,weight as longitude/latitude', () => {
    const r = parseDemandCsv('id,lon,lat,weight\nv1,105.2,29.1,30\n', 'D.csv');
    expect(r.ok && r.value.coordinates).toBe('lonlat');
    expect(r.ok && r.value.points[0]).toEqual({ id: 'v1', x: 105.2, y: 29.1, weight: 30 });
  });

  it('renames columns', () => {
    const r = parseDemandCsv('code,e,n,pop\nv1,1,2,3\n', 'D.csv', {
      id: 'code',
      x: 'e',
      y: 'n',
      weight: 'pop',
    });
    expect(r.ok && r.value.points).toEqual([{ id: 'v1', x: 1, y: 2, weight: 3 }]);
  });

  it('reads optional capacities', () => {
    const r = parseCandidatesCsv('id,x,y,capacity\ns1,0,0,500\ns2,1,1,\n', 'C.csv');
    expect(r.ok && r.value.points).toEqual([
      { id: 's1', x: 0, y: 0, capacity: 500 },
      { id: 's2', x: 1, y: 1 },
    ]);
  });

  it('names the file, line and value of a bad cell', () => {
    const r = parseDemandCsv('id,x,y,weight\nv1,0,0,many\n', 'D.csv');
    expect(r.ok ? null : r.error).toEqual({
      code: 'invalid_input',
      message: "D.csv line 2: weight 'many' is not a number",
    });
  });

  it('lists the columns when one is missing', () => {
    const r = parseDemandCsv('id,x,y\nv1,0,0\n', 'D.csv');
    expect(r.ok ? null : r.error.message).toBe("D.csv has no column 'weight' (columns: id, x, y)");
  });
});

describe('costs', () => {
  it('reads the long form', () => {
    const r = parseCostsCsv('demand_id,site_id,cost\nv1,s1,2.5\n', 'M.csv');
    expect(r.ok && r.value).toEqual([{ demandId: 'v1', siteId: 's1', cost: 2.5 }]);
  });

  it('requires the three columns', () => {
    const r = parseCostsCsv('demand,site,cost\n', 'M.csv');
    expect(r.ok ? null : r.error.code).toBe('invalid_input');
  });
});
