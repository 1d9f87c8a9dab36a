import type { Table } from '../data/csv.ts';
import { column } from '../data/csv.ts';
import { encodeTarget, type TargetEncoding } from '../data/target.ts';
import { toLabel, toNumeric } from '../data/values.ts';
import { bandLabels, type FairnessReport, fairness } from '../fairness/fairness.ts';
import { aucBootstrap, type Interval } from '../metrics/bootstrap.ts';
import {
  type ConfusionMatrix,
  confusionMatrix,
  type RiskBand,
  riskBands,
} from '../metrics/probability-metrics.ts';
import { ks, rocCurve } from '../metrics/ranking.ts';
import { binShares, edgeLabels, psi, type Stability } from '../metrics/stability.ts';
import { type MetricSummary, summarize } from '../metrics/summary.ts';
import type { ModelArtefact } from '../model/artefact.ts';
import { loadModel } from '../model/scorer.ts';
import { tableRecords } from '../model/train-model.ts';

/** Options for {@link buildReport}. */
export interface ReportOptions {
  /** Target column (default: the model's training target). */
  readonly target?: string;
  readonly badValue?: string;
  /** Column to measure fairness across (need not be a model input). */
  readonly group?: string;
  /** Cut points that band a numeric group column (default: quartiles when it has more than 10 values). */
  readonly groupCuts?: readonly number[];
  /** Reference (privileged) group; default the group with the highest approval rate. */
  readonly reference?: string;
  /** Probability cut-off for decisions (default: the model's). */
  readonly cutoff?: number;
  /** Seed for the AUC bootstrap (default 0). */
  readonly seed?: number;
}

/** A validation report of one model on one labelled dataset. */
export interface RiskReport {
  readonly model: {
    readonly type: ModelArtefact['modelType'];
    readonly features: readonly string[];
    readonly trainingRows: number | null;
    readonly trainingDataHash: string | null;
    readonly validation: MetricSummary | null;
  };
  readonly data: {
    readonly rows: number;
    readonly bads: number;
    readonly badRate: number;
    readonly target: TargetEncoding;
  };
  readonly metrics: MetricSummary & { readonly aucInterval: Interval; readonly ksThreshold: number };
  readonly cutoff: number;
  readonly confusion: ConfusionMatrix;
  readonly roc: readonly { readonly fpr: number; readonly tpr: number }[];
  /** Cumulative shares of goods and bads by score, ascending score (riskiest first). */
  readonly ksCurve: readonly { readonly score: number; readonly bads: number; readonly goods: number }[];
  readonly calibration: readonly RiskBand[];
  readonly scoreDistribution: readonly {
    readonly from: number;
    readonly to: number;
    readonly goods: number;
    readonly bads: number;
  }[];
  readonly stability: {
    readonly score: Stability | null;
    readonly characteristics: readonly { readonly name: string; readonly stability: Stability }[];
  };
  readonly binning: readonly {
    readonly name: string;
    readonly iv: number;
    readonly bins: readonly {
      readonly label: string;
      readonly count: number;
      readonly badRate: number;
      readonly woe: number;
      readonly points: number;
    }[];
  }[];
  readonly importance: readonly { readonly name: string; readonly gain: number }[];
  readonly fairness: FairnessReport | null;
}

function thin<T>(xs: readonly T[], max: number): T[] {
  if (xs.length <= max) return [...xs];
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(xs[Math.round((i * (xs.length - 1)) / (max - 1))]!);
  return out;
}

/**
 * Scores a labelled table with a model and measures it: AUC with a bootstrap interval, Gini, KS,
 * Brier, log loss, the confusion matrix at the cut-off, ROC and KS curves, calibration, gains
 * and lift by decile, the score distribution, PSI and characteristic stability against the
 * training data, the model's binning or importance tables, and fairness across a group column.
 *
 * @example const report = buildReport(artefact, parseCsv(text), { group: 'age_years', groupCuts: [25] });
 */
export function buildReport(artefact: ModelArtefact, table: Table, options: ReportOptions = {}): RiskReport {
  const target = options.target ?? artefact.target?.column;
  if (!target) throw new Error('the target column must be given (the model does not name one)');
  if (!table.header.includes(target)) throw new Error(`target column '${target}' not found`);
  const badValue =
    options.badValue ??
    (options.target === undefined || options.target === artefact.target?.column
      ? artefact.target?.badLabel
      : undefined);
  const t = encodeTarget(column(table, target), target, badValue);
  const scorer = loadModel(artefact);
  const records = tableRecords(table);
  const rows = t.rows.map((i) => records[i]!);
  const y = t.y;
  const results = rows.map((r) => scorer.score(r));
  const p = results.map((r) => r.probability);
  const scores = results.map((r) => r.score);
  const cutoff = options.cutoff ?? artefact.cutoff;
  const summary = summarize(y, p);
  const k = ks(y, p);
  const roc = thin(
    rocCurve(y, p).map((r) => ({ fpr: r.fpr, tpr: r.tpr })),
    200,
  );
  // KS curve by score (ascending = riskiest first).
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]! || a - b);
  const totalBads = summary.bads;
  const totalGoods = y.length - totalBads;
  const ksCurve: { score: number; bads: number; goods: number }[] = [];
  let cb = 0;
  let cg = 0;
  order.forEach((i, q) => {
    if (y[i] === 1) cb++;
    else cg++;
    const last = q === order.length - 1 || scores[order[q + 1]!] !== scores[i];
    if (last)
      ksCurve.push({
        score: scores[i]!,
        bads: totalBads ? cb / totalBads : 0,
        goods: totalGoods ? cg / totalGoods : 0,
      });
  });
  const minS = Math.min(...scores);
  const maxS = Math.max(...scores);
  const nb = 20;
  const width = maxS > minS ? (maxS - minS) / nb : 1;
  const dist = Array.from({ length: nb }, (_, b) => ({
    from: minS + b * width,
    to: minS + (b + 1) * width,
    goods: 0,
    bads: 0,
  }));
  scores.forEach((s, i) => {
    const b = Math.min(nb - 1, Math.floor((s - minS) / width));
    if (y[i] === 1) dist[b]!.bads++;
    else dist[b]!.goods++;
  });
  let scoreStability: Stability | null = null;
  const charStability: { name: string; stability: Stability }[] = [];
  const ref = artefact.reference;
  if (ref) {
    scoreStability = psi([...ref.scoreShares], binShares(scores, ref.scoreEdges), edgeLabels(ref.scoreEdges));
    for (const c of ref.characteristics) {
      if (!table.header.includes(c.name)) continue;
      const vals = rows.map((r) => r[c.name]);
      if (c.kind === 'numeric' && c.edges) {
        const nums = vals.map((v) => toNumeric(v));
        const present = nums.filter((x) => !Number.isNaN(x));
        const shares = binShares(present, c.edges).map(
          (s) => (s * present.length) / Math.max(nums.length, 1),
        );
        shares.push((nums.length - present.length) / Math.max(nums.length, 1));
        charStability.push({
          name: c.name,
          stability: psi([...c.shares], shares, [...edgeLabels(c.edges), '(missing)']),
        });
      } else if (c.labels) {
        const idx = new Map(c.labels.map((l, i) => [l, i] as const));
        const counts = new Array<number>(c.labels.length + 2).fill(0);
        for (const v of vals) {
          const l = toLabel(v);
          counts[l === null ? c.labels.length + 1 : (idx.get(l) ?? c.labels.length)]!++;
        }
        charStability.push({
          name: c.name,
          stability: psi(
            [...c.shares],
            counts.map((x) => x / Math.max(vals.length, 1)),
            [...c.labels, '(other)', '(missing)'],
          ),
        });
      }
    }
  }
  let fair: FairnessReport | null = null;
  if (options.group) {
    if (!table.header.includes(options.group)) throw new Error(`group column '${options.group}' not found`);
    const raw = rows.map((r) => r[options.group!]);
    const nums = raw.map((v) => toNumeric(v));
    const numeric = raw.every((v, i) => toLabel(v) === null || !Number.isNaN(nums[i]!));
    let labels: (string | null)[];
    const distinct = new Set(raw.map((v) => toLabel(v)));
    if (numeric && (options.groupCuts || distinct.size > 10)) {
      let cuts = options.groupCuts ? [...options.groupCuts] : [];
      if (!options.groupCuts) {
        const sorted = nums.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
        cuts = [...new Set([0.25, 0.5, 0.75].map((f) => sorted[Math.floor(f * sorted.length)]!))];
      }
      labels = bandLabels(Float64Array.from(nums), cuts);
    } else labels = raw.map((v) => toLabel(v));
    fair = fairness(y, p, labels, { column: options.group, cutoff, reference: options.reference });
  }
  const binning =
    artefact.scorecard?.variables.map((v) => ({
      name: v.binning.name,
      iv: v.binning.iv,
      bins: v.binning.bins.map((b, i) => ({
        label: b.label,
        count: b.count,
        badRate: b.badRate,
        woe: b.woe,
        points: v.points[i]!,
      })),
    })) ?? [];
  return {
    model: {
      type: artefact.modelType,
      features: artefact.features.map((f) => f.name),
      trainingRows: artefact.training?.rows ?? null,
      trainingDataHash: artefact.training?.dataHash ?? null,
      validation: artefact.metrics.validation,
    },
    data: {
      rows: y.length,
      bads: summary.bads,
      badRate: y.length ? summary.bads / y.length : 0,
      target: t.encoding,
    },
    metrics: {
      ...summary,
      aucInterval: aucBootstrap(y, p, { seed: options.seed ?? 0, replicates: 500 }),
      ksThreshold: k.threshold,
    },
    cutoff,
    confusion: confusionMatrix(y, p, cutoff),
    roc,
    ksCurve: thin(ksCurve, 200),
    calibration: riskBands(y, p, 10),
    scoreDistribution: dist,
    stability: { score: scoreStability, characteristics: charStability },
    binning,
    importance: artefact.gbdt?.importance ?? [],
    fairness: fair,
  };
}
