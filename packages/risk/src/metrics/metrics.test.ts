import { describe, expect, it } from 'vitest';
import { aucBootstrap } from './bootstrap.ts';
import { brier, confusionMatrix, logLoss, riskBands } from './probability-metrics.ts';
import { characteristicStability, psi, quantileEdges, scorePsi } from './stability.ts';

describe('probability metrics', () => {
  it('Brier and log loss', () => {
    // (0.2 − 0)² = 0.04, (0.6 − 1)² = 0.16 → mean 0.1
    expect(brier([0, 1], [0.2, 0.6])).toBeCloseTo(0.1, 15);
    // −(ln 0.8 + ln 0.6) / 2
    expect(logLoss([0, 1], [0.2, 0.6])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
  });
  it('confusion matrix at a cut-off (p ≥ cut-off is declined)', () => {
    const c = confusionMatrix([1, 0, 1, 0, 0], [0.9, 0.6, 0.3, 0.2, 0.5], 0.5);
    // declined: 0.9 (bad), 0.6 (good), 0.5 (good); approved: 0.3 (bad), 0.2 (good)
    expect([c.truePositive, c.falsePositive, c.falseNegative, c.trueNegative]).toEqual([1, 2, 1, 1]);
    expect(c.approvalRate).toBeCloseTo(0.4, 15);
    expect(c.precision).toBeCloseTo(1 / 3, 15);
  });
  it('risk bands: riskiest first, cumulative gains and lift', () => {
    const y = [1, 1, 0, 1, 0, 0, 0, 0, 0, 0];
    const p = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    const b = riskBands(y, p, 5);
    expect(b.map((r) => r.bads)).toEqual([2, 1, 0, 0, 0]);
    // top 20 % of rows capture 2 of 3 bads → lift (2/3) / 0.2 = 3.333…
    expect(b[0]!.cumulativeLift).toBeCloseTo(10 / 3, 12);
    expect(b[4]!.cumulativeBadShare).toBe(1);
  });
});

describe('stability', () => {
  it('PSI of identical distributions is 0 and grows with shift', () => {
    expect(psi([0.5, 0.5], [0.5, 0.5]).psi).toBe(0);
    // (0.7 − 0.5) ln(0.7/0.5) + (0.3 − 0.5) ln(0.3/0.5) = 0.2·0.33647 + 0.2·0.51083 = 0.16946
    const s = psi([0.5, 0.5], [0.7, 0.3]);
    expect(s.psi).toBeCloseTo(0.169459, 5);
    expect(s.verdict).toBe('moderate shift');
  });
  it('score PSI bins at the reference deciles', () => {
    const ref = Array.from({ length: 1000 }, (_, i) => i);
    expect(quantileEdges(ref, 10)).toHaveLength(9);
    expect(scorePsi(ref, ref).psi).toBe(0);
    expect(
      scorePsi(
        ref,
        ref.map((x) => x + 300),
      ).verdict,
    ).toBe('major shift');
    expect(characteristicStability(['a', 'a', 'b'], ['a', 'a', 'b']).psi).toBe(0);
  });
});

describe('bootstrap AUC interval', () => {
  it('brackets the estimate and repeats for a seed', () => {
    const y = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const p = y.map((v, i) => (v ? 0.6 : 0.4) + ((i * 37) % 11) / 20);
    const a = aucBootstrap(y, p, { seed: 3, replicates: 200 });
    expect(a.lower).toBeLessThanOrEqual(a.estimate);
    expect(a.upper).toBeGreaterThanOrEqual(a.estimate);
    expect(aucBootstrap(y, p, { seed: 3, replicates: 200 })).toEqual(a);
  });
});
