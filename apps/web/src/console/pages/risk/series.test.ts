import { readFileSync } from 'node:fs';
import { trainRiskModel } from '@puhui/services';
import { describe, expect, it } from 'vitest';
import {
  calibrationSeries,
  fixed,
  gainsSeries,
  gradeMatrix,
  headline,
  ksSeries,
  percent,
  type RiskReport,
  rocSeries,
  scoreHistogram,
} from './series.ts';

type Band = RiskReport['calibration'][number];

const band = (
  b: number,
  meanProbability: number | null,
  badRate: number | null,
  extra: Partial<Band> = {},
): Band => ({
  band: b,
  count: 10,
  bads: 0,
  minProbability: null,
  maxProbability: null,
  meanProbability,
  badRate,
  cumulativeBadShare: null,
  cumulativeShare: null,
  cumulativeLift: null,
  ...extra,
});

describe('rocSeries', () => {
  it('runs from (0, 0) to (1, 1) and drops undefined points', () => {
    expect(
      rocSeries([
        { fpr: 0.1, tpr: 0.5 },
        { fpr: null, tpr: 0.6 },
        { fpr: 0.4, tpr: 0.9 },
      ]),
    ).toEqual([
      [0, 0],
      [0.1, 0.5],
      [0.4, 0.9],
      [1, 1],
    ]);
  });

  it('does not repeat end points the report already has', () => {
    expect(
      rocSeries([
        { fpr: 0, tpr: 0 },
        { fpr: 1, tpr: 1 },
      ]),
    ).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(rocSeries([])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe('ksSeries', () => {
  it('finds the largest gap between the cumulative shares and its score (lowest score on a tie)', () => {
    const ks = ksSeries([
      { score: 400, bads: 0.2, goods: 0.05 },
      { score: 450, bads: 0.6, goods: 0.2 },
      { score: 500, bads: 0.8, goods: 0.4 },
      { score: 550, bads: 1, goods: 1 },
    ]);
    expect(ks.max).toEqual({ score: 450, ks: expect.closeTo(0.4, 12), bads: 0.6, goods: 0.2 });
    expect(ks.bads).toHaveLength(4);
    expect(ks.goods[1]).toEqual([450, 0.2]);
  });

  it('has no maximum without points', () => {
    expect(ksSeries([{ score: 1, bads: null, goods: 0 }]).max).toBeNull();
  });
});

describe('calibrationSeries', () => {
  it('orders deciles by predicted risk and measures the worst miss', () => {
    const c = calibrationSeries([band(1, 0.62, 0.7), band(2, 0.1, 0.05), band(3, null, 0.2)]);
    expect(c.points).toEqual([
      [0.1, 0.05],
      [0.62, 0.7],
    ]);
    expect(c.worstGap).toBeCloseTo(0.08, 12);
    expect(c.top).toBe(0.7);
  });

  it('keeps a sensible axis for very low rates and none for no data', () => {
    expect(calibrationSeries([band(1, 0.01, 0.02)]).top).toBe(0.1);
    expect(calibrationSeries([]).worstGap).toBeNull();
  });
});

describe('scoreHistogram', () => {
  it('labels the bins and totals and averages each class', () => {
    const h = scoreHistogram([
      { from: 440, to: 449.5, goods: 1, bads: 3 },
      { from: 449.5, to: 459, goods: 3, bads: 1 },
    ]);
    expect(h.labels).toEqual(['440–450', '450–459']);
    expect(h.totalGoods).toBe(4);
    expect(h.totalBads).toBe(4);
    expect(h.meanGood).toBeCloseTo((444.75 + 3 * 454.25) / 4, 10);
    expect(h.meanBad).toBeCloseTo((3 * 444.75 + 454.25) / 4, 10);
    expect(scoreHistogram([{ from: 1, to: 2, goods: 0, bads: 0 }]).meanBad).toBeNull();
  });
});

describe('gainsSeries', () => {
  it('starts at the origin and follows the riskiest deciles first', () => {
    const g = gainsSeries([
      band(2, 0.3, 0.3, { cumulativeShare: 0.2, cumulativeBadShare: 0.45, cumulativeLift: 2.25 }),
      band(1, 0.6, 0.6, { cumulativeShare: 0.1, cumulativeBadShare: 0.25, cumulativeLift: 2.5 }),
    ]);
    expect(g.gains).toEqual([
      [0, 0],
      [0.1, 0.25],
      [0.2, 0.45],
    ]);
    expect(g.lift).toEqual([
      [0.1, 2.5],
      [0.2, 2.25],
    ]);
    expect(g.top).toEqual({ share: 0.1, badShare: 0.25, lift: 2.5 });
  });
});

describe('gradeMatrix', () => {
  it('lays the cells out with every grade on both axes', () => {
    const m = gradeMatrix([
      { champion: 'B', challenger: 'A', count: 2 },
      { champion: 'A', challenger: 'A', count: 5 },
      { champion: 'C', challenger: 'C', count: 1 },
    ]);
    expect(m.grades).toEqual(['A', 'B', 'C']);
    expect(m.rows).toEqual([
      { grade: 'A', counts: { A: 5, B: 0, C: 0 }, total: 5 },
      { grade: 'B', counts: { A: 2, B: 0, C: 0 }, total: 2 },
      { grade: 'C', counts: { A: 0, B: 0, C: 1 }, total: 1 },
    ]);
    expect(m.agreeing).toBe(6);
    expect(m.total).toBe(8);
  });
});

describe('headline and formats', () => {
  const summary = { rows: 10, bads: 3, auc: 0.8, gini: 0.6, ks: 0.5, brier: 0.1, logLoss: 0.4 };
  it('prefers the validation report, then cross-validation, then in-sample figures', () => {
    expect(
      headline({
        train: { ...summary, auc: 0.9 },
        validation: { ...summary, auc: 0.7 },
        report: { ...summary, aucLower: 0.7, aucUpper: 0.9 },
        reportOn: 'holdout',
      }),
    ).toEqual({ auc: 0.8, ks: 0.5, gini: 0.6, on: 'report' });
    expect(headline({ train: summary, validation: null, report: null, reportOn: null }).on).toBe('train');
    expect(headline({ train: null, validation: null, report: null, reportOn: null })).toEqual({
      auc: null,
      ks: null,
      gini: null,
      on: null,
    });
  });

  it('formats numbers and shares, with a dash for missing values', () => {
    expect(fixed(0.82068)).toBe('0.821');
    expect(fixed(null)).toBe('—');
    expect(fixed(Number.NaN)).toBe('—');
    expect(percent(0.538)).toBe('53.8%');
    expect(percent(undefined)).toBe('—');
  });
});

describe('on a real validation report (German credit scorecard)', () => {
  const csv = readFileSync(
    new URL('../../../../../../packages/risk/fixtures/german-credit.csv', import.meta.url),
    'utf8',
  );
  const { report } = trainRiskModel({
    name: 'test',
    csv,
    target: 'bad',
    drop: ['personal_status_sex', 'age_years', 'foreign_worker'],
    seed: 7,
  });
  const r = JSON.parse(JSON.stringify(report)) as RiskReport;

  it('the KS chart’s largest gap is the report’s KS statistic, up to scores rounded to whole points', () => {
    // The report's KS is over probabilities; its curve is over scores, where applicants whose
    // probabilities differ slightly can share a score, so the curve's gap can only be smaller.
    const gap = ksSeries(r.ksCurve).max?.ks ?? Number.NaN;
    const ks = r.metrics.ks ?? Number.NaN;
    expect(gap).toBeLessThanOrEqual(ks + 1e-12);
    expect(gap).toBeGreaterThan(ks - 0.01);
  });

  it('the gains curve ends with every bad and the histogram counts every hold-out row', () => {
    const g = gainsSeries(r.calibration);
    expect(g.gains.at(-1)?.[0]).toBeCloseTo(1, 9);
    expect(g.gains.at(-1)?.[1]).toBeCloseTo(1, 9);
    const h = scoreHistogram(r.scoreDistribution);
    expect(h.totalBads).toBe(r.data.bads);
    expect(h.totalGoods + h.totalBads).toBe(r.data.rows);
  });

  it('the ROC curve is monotone from (0, 0) to (1, 1)', () => {
    const roc = rocSeries(r.roc);
    expect(roc[0]).toEqual([0, 0]);
    expect(roc.at(-1)).toEqual([1, 1]);
    for (let i = 1; i < roc.length; i++) {
      expect(roc[i]?.[0]).toBeGreaterThanOrEqual(roc[i - 1]?.[0] ?? 0);
      expect(roc[i]?.[1]).toBeGreaterThanOrEqual(roc[i - 1]?.[1] ?? 0);
    }
  });
});
