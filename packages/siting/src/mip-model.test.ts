import { describe, expect, it } from 'vitest';
import { buildInstance, type Instance } from './instance.ts';
import { buildMip } from './mip-model.ts';
import type { SitingProblem } from './types.ts';

// Two villages, two sites on a line: v1 at 0 (w 10), v2 at 4 (w 20); a at 1, b at 5; radius 2.
// a covers v1 only (distances 1 and 3), b covers v2 only (5 and 1).
const base: SitingProblem = {
  model: 'mclp',
  coordinates: 'projected',
  p: 1,
  radius: 2,
  fixed: ['b'],
  demand: [
    { id: 'v1', x: 0, y: 0, weight: 10 },
    { id: 'v2', x: 4, y: 0, weight: 20 },
  ],
  candidates: [
    { id: 'a', x: 1, y: 0 },
    { id: 'b', x: 5, y: 0 },
  ],
};

function instance(problem: SitingProblem): Instance {
  const r = buildInstance(problem);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const rows = (mip: ReturnType<typeof buildMip>['model']) =>
  Array.from({ length: mip.numRows }, (_, r) => ({
    cols: Array.from(mip.rowIndex.subarray(mip.rowStart[r]!, mip.rowStart[r + 1]!)),
    vals: Array.from(mip.rowValue.subarray(mip.rowStart[r]!, mip.rowStart[r + 1]!)),
    lo: mip.rowLower[r],
    hi: mip.rowUpper[r],
  }));

describe('buildMip', () => {
  it('mclp: max 10 y1 + 20 y2, y1 ≤ xa, y2 ≤ xb, xa + xb = 1, b fixed', () => {
    const { model } = buildMip(instance(base));
    expect(model.sense).toBe('maximize');
    // Columns: xa, xb (binary; xb fixed to 1), y1, y2.
    expect(Array.from(model.colCost)).toEqual([0, 0, 10, 20]);
    expect(Array.from(model.colLower)).toEqual([0, 1, 0, 0]);
    expect(Array.from(model.integer)).toEqual([1, 1, 0, 0]);
    expect(rows(model)).toEqual([
      { cols: [2, 0], vals: [1, -1], lo: -Infinity, hi: 0 },
      { cols: [3, 1], vals: [1, -1], lo: -Infinity, hi: 0 },
      { cols: [0, 1], vals: [1, 1], lo: 1, hi: 1 },
    ]);
  });

  it('lscp: min xa + xb with one covering row per village', () => {
    const { model } = buildMip(instance({ ...base, model: 'lscp', fixed: [] }));
    expect(model.sense).toBe('minimize');
    expect(Array.from(model.colCost)).toEqual([1, 1]);
    expect(rows(model)).toEqual([
      { cols: [0], vals: [1], lo: 1, hi: Infinity },
      { cols: [1], vals: [1], lo: 1, hi: Infinity },
    ]);
  });

  it('pmedian: weighted distances on the assignment columns', () => {
    const { model } = buildMip(instance({ ...base, model: 'pmedian', fixed: [] }));
    // z(v1,a) = 10·1, z(v1,b) = 10·5, z(v2,a) = 20·3, z(v2,b) = 20·1.
    expect(Array.from(model.colCost)).toEqual([0, 0, 10, 50, 60, 20]);
    // 2 assignment rows, 4 linking rows, 1 cardinality row.
    expect(model.numRows).toBe(7);
  });

  it('capacities make assignments binary and add a capacity row per limited site', () => {
    const capped = { ...base, candidates: base.candidates.map((c) => ({ ...c, capacity: 15 })) };
    const { model } = buildMip(instance(capped));
    expect(Array.from(model.integer)).toEqual([1, 1, 1, 1]);
    const cap = rows(model).filter((r) => r.vals.includes(-15));
    expect(cap).toEqual([
      { cols: [2, 0], vals: [10, -15], lo: -Infinity, hi: 0 },
      { cols: [3, 1], vals: [20, -15], lo: -Infinity, hi: 0 },
    ]);
  });

  it('decodes column values back to open sites and assignments', () => {
    const mip = buildMip(instance(base));
    const sol = mip.decode(new Float64Array([0, 1, 0, 1]));
    expect(Array.from(sol.open)).toEqual([0, 1]);
    expect(Array.from(sol.assign)).toEqual([-1, 1]);
  });
});
