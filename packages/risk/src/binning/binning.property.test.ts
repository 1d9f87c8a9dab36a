import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeatureColumn } from '../data/features.ts';
import { optimalPartition, type Trend } from './optimal-partition.ts';
import { binLookup, fitBinning } from './variable-binning.ts';
import { ivTerm } from './woe.ts';

const numericColumn = (values: number[], specials: number[] = []): FeatureColumn => ({
  spec: { name: 'x', kind: 'numeric', specialValues: specials },
  kind: 'numeric',
  values: Float64Array.from(values),
});

const rows = fc
  .array(
    fc.tuple(
      fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(Number.NaN), fc.constant(-1)),
      fc.integer({ min: 0, max: 1 }),
    ),
    {
      minLength: 40,
      maxLength: 300,
    },
  )
  .filter((r) => r.some(([, y]) => y === 1) && r.some(([, y]) => y === 0));

function rates(b: ReturnType<typeof fitBinning>): number[] {
  return b.bins.filter((x) => x.type === 'interval').map((x) => x.badRate);
}

describe('optimal binning', () => {
  it.each(['ascending', 'descending', 'peak', 'valley'] as const)(
    'bad rates follow a %s trend when asked',
    (trend: Trend) => {
      fc.assert(
        fc.property(rows, (rs) => {
          const b = fitBinning(
            numericColumn(
              rs.map(([x]) => x),
              [-1],
            ),
            Uint8Array.from(rs.map(([, y]) => y)),
            { trend, maxBins: 5, minBinShare: 0.05 },
          );
          const r = rates(b);
          const steps = r.slice(1).map((v, i) => Math.sign(v - r[i]!));
          expect(steps.every((s) => s !== 0)).toBe(true);
          const turns = steps.slice(1).filter((s, i) => s !== steps[i]).length;
          if (trend === 'ascending') expect(steps.every((s) => s > 0)).toBe(true);
          if (trend === 'descending') expect(steps.every((s) => s < 0)).toBe(true);
          if (trend === 'peak')
            expect(turns <= 1 && (steps.length === 0 || steps[0]! > 0 || turns === 0)).toBe(true);
          if (trend === 'valley')
            expect(turns <= 1 && (steps.length === 0 || steps[0]! < 0 || turns === 0)).toBe(true);
          expect(b.bins.filter((x) => x.type === 'interval').length).toBeLessThanOrEqual(5);
        }),
        { numRuns: 40 },
      );
    },
  );

  it('keeps every row in exactly one bin, missing and special values apart, with consistent WOE signs', () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const xs = rs.map(([x]) => x);
        const y = Uint8Array.from(rs.map(([, v]) => v));
        const b = fitBinning(numericColumn(xs, [-1]), y);
        expect(b.bins.reduce((a, x) => a + x.count, 0)).toBe(rs.length);
        const look = binLookup(b);
        const counts = new Array(b.bins.length).fill(0);
        for (const x of xs) counts[look(x)]++;
        expect(counts).toEqual(b.bins.map((x) => x.count));
        if (xs.some(Number.isNaN)) expect(b.bins[look(Number.NaN)]!.type).toBe('missing');
        if (xs.includes(-1)) expect(b.bins[look(-1)]!.type).toBe('special');
        const overall = y.reduce((a, v) => a + v, 0) / y.length;
        for (const bin of b.bins) {
          if (bin.goods === 0 || bin.bads === 0) continue;
          if (bin.badRate > overall + 1e-12) expect(bin.woe).toBeLessThan(0);
          if (bin.badRate < overall - 1e-12) expect(bin.woe).toBeGreaterThan(0);
        }
        expect(b.iv).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  });

  it('dynamic programming finds the best constrained partition (checked by enumeration)', () => {
    const fine = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })), {
      minLength: 1,
      maxLength: 7,
    });
    fc.assert(
      fc.property(
        fine,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 15 }),
        (f, maxBins, minCount) => {
          const g = f.map(([a]) => a);
          const b = f.map(([, c]) => c);
          const G = Math.max(
            1,
            g.reduce((x, y) => x + y, 0),
          );
          const B = Math.max(
            1,
            b.reduce((x, y) => x + y, 0),
          );
          const dp = optimalPartition(g, b, G, B, { trend: 'ascending', maxBins, minCount });
          // Enumerate every set of cut positions.
          let best = Number.NEGATIVE_INFINITY;
          const n = f.length;
          for (let mask = 0; mask < 1 << (n - 1); mask++) {
            const starts = [0];
            for (let i = 1; i < n; i++) if (mask & (1 << (i - 1))) starts.push(i);
            if (starts.length > maxBins) continue;
            const groups = starts.map((s, k) => {
              const e = starts[k + 1] ?? n;
              const gg = g.slice(s, e).reduce((x, y) => x + y, 0);
              const bb = b.slice(s, e).reduce((x, y) => x + y, 0);
              return { gg, bb, rate: gg + bb ? bb / (gg + bb) : 0 };
            });
            if (groups.some((q) => q.gg + q.bb < minCount)) continue;
            if (groups.some((q, k) => k > 0 && !(q.rate > groups[k - 1]!.rate))) continue;
            best = Math.max(
              best,
              groups.reduce((a, q) => a + ivTerm(q.gg, q.bb, G, B), 0),
            );
          }
          if (best === Number.NEGATIVE_INFINITY) expect(dp.starts).toEqual([0]);
          else expect(dp.iv).toBeCloseTo(best, 9);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('categorical binning', () => {
  it('groups labels by risk, keeps missing apart and sends unseen labels to no bin', () => {
    const labels: (string | null)[] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      const l = ['a', 'b', 'c', 'd', 'e'][i % 5]!;
      labels.push(i % 41 === 0 ? null : l);
      y.push((l === 'a' || l === 'b') && i % 3 !== 0 ? 1 : i % 7 === 0 ? 1 : 0);
    }
    const b = fitBinning(
      { spec: { name: 'c', kind: 'categorical', specialValues: [] }, kind: 'categorical', labels },
      Uint8Array.from(y),
    );
    const look = binLookup(b);
    expect(b.bins[look(null)]!.type).toBe('missing');
    expect(look('zzz')).toBe(-1);
    expect(b.bins[look('a')]!.badRate).toBeGreaterThan(b.bins[look('c')]!.badRate);
    expect(b.bins.reduce((a, x) => a + x.count, 0)).toBe(400);
  });
});
