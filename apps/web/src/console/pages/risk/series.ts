import type { components } from '../../../api/schema.d.ts';

/** A validation report as `GET /api/v1/risk/models/{id}` returns it. */
export type RiskReport = components['schemas']['RiskReport'];
/** A model's metrics as the registry lists them. */
export type RiskModelMetrics = components['schemas']['RiskModelMetrics'];

/** An [x, y] point of a line series. */
export type XY = [number, number];

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The ROC curve as [false-positive rate, true-positive rate] points, starting at (0, 0) and ending
 * at (1, 1), with points the report left undefined dropped.
 *
 * @example rocSeries([{ fpr: 0.5, tpr: 0.9 }]); // [[0, 0], [0.5, 0.9], [1, 1]]
 */
export function rocSeries(roc: RiskReport['roc']): XY[] {
  const out: XY[] = [];
  for (const p of roc) if (isNum(p.fpr) && isNum(p.tpr)) out.push([p.fpr, p.tpr]);
  const startsAtOrigin = out[0]?.[0] === 0 && out[0]?.[1] === 0;
  if (!startsAtOrigin) out.unshift([0, 0]);
  const last = out[out.length - 1] as XY;
  if (last[0] !== 1 || last[1] !== 1) out.push([1, 1]);
  return out;
}

/** The KS chart's two cumulative curves by score and where they are furthest apart. */
export interface KsSeries {
  /** [score, cumulative share of bads at or below the score]. */
  readonly bads: XY[];
  /** [score, cumulative share of goods at or below the score]. */
  readonly goods: XY[];
  /** The largest gap (the KS statistic) and the score where it occurs; null without points. */
  readonly max: {
    readonly score: number;
    readonly ks: number;
    readonly bads: number;
    readonly goods: number;
  } | null;
}

/**
 * Splits the report's KS curve into the bads' and goods' cumulative distributions by score and
 * finds the KS statistic (largest vertical gap; the lowest score wins a tie).
 *
 * @example ksSeries([{ score: 500, bads: 0.6, goods: 0.1 }]).max; // { score: 500, ks: 0.5, bads: 0.6, goods: 0.1 }
 */
export function ksSeries(curve: RiskReport['ksCurve']): KsSeries {
  const bads: XY[] = [];
  const goods: XY[] = [];
  let max: KsSeries['max'] = null;
  for (const p of curve) {
    if (!isNum(p.bads) || !isNum(p.goods)) continue;
    bads.push([p.score, p.bads]);
    goods.push([p.score, p.goods]);
    const gap = Math.abs(p.bads - p.goods);
    if (!max || gap > max.ks + 1e-12) max = { score: p.score, ks: gap, bads: p.bads, goods: p.goods };
  }
  return { bads, goods, max };
}

/** Calibration by decile: predicted against observed bad rate, least risky decile first. */
export interface CalibrationSeries {
  /** [mean predicted P(bad), observed bad rate] per decile. */
  readonly points: XY[];
  /** The upper end of both axes (the largest predicted or observed rate, at least 0.1). */
  readonly top: number;
  /** The largest |predicted − observed| over the deciles, or null without points. */
  readonly worstGap: number | null;
}

/**
 * Predicted against observed bad rate per decile of risk, sorted by predicted risk.
 *
 * @example calibrationSeries([{ meanProbability: 0.7, badRate: 0.6, … }]).points; // [[0.7, 0.6]]
 */
export function calibrationSeries(bands: RiskReport['calibration']): CalibrationSeries {
  const points: XY[] = [];
  for (const b of bands)
    if (isNum(b.meanProbability) && isNum(b.badRate)) points.push([b.meanProbability, b.badRate]);
  points.sort((a, b) => a[0] - b[0]);
  const top = Math.max(0.1, ...points.flat());
  const worstGap = points.length ? Math.max(...points.map(([p, o]) => Math.abs(p - o))) : null;
  return { points, top: Math.min(1, Math.ceil(top * 10) / 10), worstGap };
}

/** The score histogram of goods and bads. */
export interface ScoreHistogram {
  /** One label per bin, "from–to" with the bounds rounded to whole points. */
  readonly labels: string[];
  readonly goods: number[];
  readonly bads: number[];
  readonly totalGoods: number;
  readonly totalBads: number;
  /** Mean score of each class (bin midpoints weighted by counts), null for an empty class. */
  readonly meanGood: number | null;
  readonly meanBad: number | null;
}

/**
 * The report's score distribution as bar-chart series.
 *
 * @example scoreHistogram([{ from: 440, to: 449.5, goods: 1, bads: 4 }]).labels; // ['440–450']
 */
export function scoreHistogram(bins: RiskReport['scoreDistribution']): ScoreHistogram {
  const labels = bins.map((b) => `${Math.round(b.from)}–${Math.round(b.to)}`);
  const goods = bins.map((b) => b.goods);
  const bads = bins.map((b) => b.bads);
  const totalGoods = goods.reduce((s, v) => s + v, 0);
  const totalBads = bads.reduce((s, v) => s + v, 0);
  const mean = (counts: number[], total: number) =>
    total === 0 ? null : bins.reduce((s, b, i) => s + ((b.from + b.to) / 2) * (counts[i] ?? 0), 0) / total;
  return {
    labels,
    goods,
    bads,
    totalGoods,
    totalBads,
    meanGood: mean(goods, totalGoods),
    meanBad: mean(bads, totalBads),
  };
}

/** Cumulative gains and lift by decile, riskiest first. */
export interface GainsSeries {
  /** [share of applicants, share of all bads among them], starting at (0, 0). */
  readonly gains: XY[];
  /** [share of applicants, cumulative lift]. */
  readonly lift: XY[];
  /** The first decile's figures (the riskiest tenth), or null. */
  readonly top: { readonly share: number; readonly badShare: number; readonly lift: number } | null;
}

/**
 * Gains and lift from the report's calibration bands (riskiest decile first).
 *
 * @example gainsSeries(bands).top; // { share: 0.1, badShare: 0.23, lift: 2.3 }
 */
export function gainsSeries(bands: RiskReport['calibration']): GainsSeries {
  const sorted = [...bands].sort((a, b) => a.band - b.band);
  const gains: XY[] = [[0, 0]];
  const lift: XY[] = [];
  for (const b of sorted) {
    if (!isNum(b.cumulativeShare) || !isNum(b.cumulativeBadShare)) continue;
    gains.push([b.cumulativeShare, b.cumulativeBadShare]);
    if (isNum(b.cumulativeLift)) lift.push([b.cumulativeShare, b.cumulativeLift]);
  }
  const first = sorted[0];
  const top =
    first && isNum(first.cumulativeShare) && isNum(first.cumulativeBadShare) && isNum(first.cumulativeLift)
      ? { share: first.cumulativeShare, badShare: first.cumulativeBadShare, lift: first.cumulativeLift }
      : null;
  return { gains, lift, top };
}

/** The headline metrics of a model for lists: AUC, KS and Gini, and which measurement they are. */
export interface Headline {
  readonly auc: number | null;
  readonly ks: number | null;
  readonly gini: number | null;
  /** `report` (hold-out or uploaded data), `validation` (cross-validated), `train` (in-sample) or null. */
  readonly on: 'report' | 'validation' | 'train' | null;
}

/**
 * The most honest figures a model has: its validation report, else the cross-validated ones, else
 * the in-sample ones.
 *
 * @example headline(model.metrics); // { auc: 0.82, ks: 0.54, gini: 0.64, on: 'report' }
 */
export function headline(metrics: RiskModelMetrics): Headline {
  for (const on of ['report', 'validation', 'train'] as const) {
    const m = metrics[on];
    if (m) return { auc: m.auc, ks: m.ks, gini: m.gini, on };
  }
  return { auc: null, ks: null, gini: null, on: null };
}

/**
 * A number with a fixed count of decimals, or "—" when undefined.
 *
 * @example fixed(0.82068, 3); // '0.821'
 */
export function fixed(value: number | null | undefined, digits = 3): string {
  return isNum(value) ? value.toFixed(digits) : '—';
}

/**
 * A fraction as a percentage, or "—" when undefined.
 *
 * @example percent(0.538); // '53.8%'
 */
export function percent(value: number | null | undefined, digits = 1): string {
  return isNum(value) ? `${(value * 100).toFixed(digits)}%` : '—';
}

/** The shadow run's grade cross-table: champion grades as rows, challenger grades as columns. */
export interface GradeMatrix {
  /** Every grade either model gave, in order (A before B …). */
  readonly grades: string[];
  readonly rows: {
    readonly grade: string;
    readonly counts: Record<string, number>;
    readonly total: number;
  }[];
  /** Applicants both models put in the same grade. */
  readonly agreeing: number;
  readonly total: number;
}

/**
 * Lays the shadow summary's (champion grade, challenger grade, count) cells out as a square table.
 *
 * @example gradeMatrix([{ champion: 'A', challenger: 'B', count: 2 }]).rows[0].counts; // { A: 0, B: 2 }
 */
export function gradeMatrix(
  cells: readonly { readonly champion: string; readonly challenger: string; readonly count: number }[],
): GradeMatrix {
  const grades = [...new Set(cells.flatMap((c) => [c.champion, c.challenger]))].sort();
  const rows = grades.map((grade) => {
    const counts: Record<string, number> = Object.fromEntries(grades.map((g) => [g, 0]));
    for (const c of cells)
      if (c.champion === grade) counts[c.challenger] = (counts[c.challenger] ?? 0) + c.count;
    return { grade, counts, total: Object.values(counts).reduce((s, v) => s + v, 0) };
  });
  const agreeing = cells.filter((c) => c.champion === c.challenger).reduce((s, c) => s + c.count, 0);
  const total = cells.reduce((s, c) => s + c.count, 0);
  return { grades, rows, agreeing, total };
}
