import type { FeatureColumn, FeatureKind } from '../data/features.ts';
import type { RawValue } from '../data/values.ts';
import { toLabel, toNumeric } from '../data/values.ts';
import { optimalPartition, type Trend } from './optimal-partition.ts';
import { ivTerm, woe } from './woe.ts';

/** One bin of a variable with its counts, WOE and IV. */
export interface Bin {
  readonly label: string;
  readonly type: 'interval' | 'categories' | 'special' | 'missing';
  /** Interval bins: lower bound (inclusive), null = −∞. */
  readonly lower?: number | null;
  /** Interval bins: upper bound (exclusive), null = +∞. */
  readonly upper?: number | null;
  /** Category bins: the labels it holds. */
  readonly categories?: readonly string[];
  /** Special bins: the special value. */
  readonly value?: number;
  readonly count: number;
  readonly goods: number;
  readonly bads: number;
  readonly badRate: number;
  readonly share: number;
  readonly woe: number;
  readonly iv: number;
}

/** The fitted binning of one variable. */
export interface VariableBinning {
  readonly name: string;
  readonly kind: FeatureKind;
  /** The bad-rate shape the ordinary bins follow ('none' for categorical variables). */
  readonly trend: Trend | 'none';
  readonly bins: readonly Bin[];
  readonly iv: number;
}

/** Options for {@link fitBinning}. */
export interface BinningOptions {
  /** 'auto' tries ascending and descending (and peak/valley, kept only if they raise IV by 10 %). */
  readonly trend?: Trend | 'auto';
  readonly maxBins?: number;
  /** Minimum share of all rows in an ordinary bin. */
  readonly minBinShare?: number;
  /** Number of quantile pre-bins before merging. */
  readonly fineBins?: number;
}

interface Fine {
  goods: number[];
  bads: number[];
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

function makeBin(
  partial: Omit<Bin, 'count' | 'goods' | 'bads' | 'badRate' | 'share' | 'woe' | 'iv'>,
  goods: number,
  bads: number,
  G: number,
  B: number,
): Bin {
  const count = goods + bads;
  return {
    ...partial,
    count,
    goods,
    bads,
    badRate: count ? bads / count : 0,
    share: count / (G + B),
    woe: count ? woe(goods, bads, G, B) : 0,
    iv: count ? ivTerm(goods, bads, G, B) : 0,
  };
}

function bestPartition(
  fine: Fine,
  G: number,
  B: number,
  trend: Trend | 'auto',
  maxBins: number,
  minCount: number,
) {
  const run = (t: Trend) => ({
    trend: t,
    ...optimalPartition(fine.goods, fine.bads, G, B, { trend: t, maxBins, minCount }),
  });
  if (trend !== 'auto') return run(trend);
  const asc = run('ascending');
  const desc = run('descending');
  let pick = asc.iv >= desc.iv ? asc : desc;
  for (const t of ['peak', 'valley'] as const) {
    const r = run(t);
    if (r.starts.length > 2 && r.iv > pick.iv * 1.1) pick = r;
  }
  return pick;
}

/**
 * Fits an optimal binning of one variable against a 0/1 outcome (1 = bad). Numeric variables are
 * pre-binned at quantiles (`fineBins`, default 20), then merged to maximise IV under the trend
 * constraint with at most `maxBins` (default 6) bins of at least `minBinShare` (default 5 %) of
 * rows. Categorical variables are ordered by smoothed bad rate and merged the same way (so small
 * categories join neighbours of similar risk). Missing values and each declared special value get
 * their own bin.
 *
 * @example fitBinning(column, y).bins.map((b) => b.label); // ['< 12.5', '[12.5, 24.5)', '≥ 24.5', 'missing']
 */
export function fitBinning(
  col: FeatureColumn,
  y: ArrayLike<number>,
  options: BinningOptions = {},
): VariableBinning {
  const maxBins = options.maxBins ?? 6;
  const minShare = options.minBinShare ?? 0.05;
  const fineBins = options.fineBins ?? 20;
  const n = y.length;
  let B = 0;
  for (let i = 0; i < n; i++) B += y[i]!;
  const G = n - B;
  if (G === 0 || B === 0) throw new Error('binning needs both good and bad rows');
  const minCount = Math.max(1, Math.ceil(minShare * n));
  const bins: Bin[] = [];
  let trend: Trend | 'none' = 'none';
  let missG = 0;
  let missB = 0;
  if (col.kind === 'numeric') {
    const specials = col.spec.specialValues;
    const spG = specials.map(() => 0);
    const spB = specials.map(() => 0);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = col.values[i]!;
      const bad = y[i]!;
      if (Number.isNaN(x)) {
        bad ? missB++ : missG++;
        continue;
      }
      const s = specials.indexOf(x);
      if (s >= 0) {
        bad ? spB[s]!++ : spG[s]!++;
        continue;
      }
      xs.push(x);
      ys.push(bad);
    }
    if (xs.length > 0) {
      const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
      // Fine cuts at quantiles, placed between distinct values.
      const cuts: number[] = [];
      for (let q = 1; q < fineBins; q++) {
        const pos = Math.floor((q * order.length) / fineBins);
        if (pos <= 0 || pos >= order.length) continue;
        const lo = xs[order[pos - 1]!]!;
        const hi = xs[order[pos]!]!;
        if (lo === hi) {
          // Move to the next distinct value above `lo`.
          let k = pos;
          while (k < order.length && xs[order[k]!]! === lo) k++;
          if (k >= order.length) continue;
          const nxt = xs[order[k]!]!;
          const c = (lo + nxt) / 2;
          if (cuts.length === 0 || c > cuts[cuts.length - 1]!) cuts.push(c);
        } else {
          const c = (lo + hi) / 2;
          if (cuts.length === 0 || c > cuts[cuts.length - 1]!) cuts.push(c);
        }
      }
      const fine: Fine = {
        goods: new Array(cuts.length + 1).fill(0),
        bads: new Array(cuts.length + 1).fill(0),
      };
      let k = 0;
      for (const i of order) {
        while (k < cuts.length && xs[i]! >= cuts[k]!) k++;
        if (ys[i]) fine.bads[k]!++;
        else fine.goods[k]!++;
      }
      const part = bestPartition(fine, G, B, options.trend ?? 'auto', maxBins, minCount);
      trend = part.trend;
      const starts = part.starts;
      starts.forEach((s, gi) => {
        const e = gi + 1 < starts.length ? starts[gi + 1]! : fine.goods.length;
        let gg = 0;
        let bb = 0;
        for (let f = s; f < e; f++) {
          gg += fine.goods[f]!;
          bb += fine.bads[f]!;
        }
        const lower = s === 0 ? null : cuts[s - 1]!;
        const upper = e >= fine.goods.length ? null : cuts[e - 1]!;
        const label =
          lower === null && upper === null
            ? 'all'
            : lower === null
              ? `< ${fmt(upper!)}`
              : upper === null
                ? `≥ ${fmt(lower)}`
                : `[${fmt(lower)}, ${fmt(upper)})`;
        bins.push(makeBin({ label, type: 'interval', lower, upper }, gg, bb, G, B));
      });
    }
    specials.forEach((v, s) => {
      if (spG[s]! + spB[s]! > 0)
        bins.push(makeBin({ label: `special ${fmt(v)}`, type: 'special', value: v }, spG[s]!, spB[s]!, G, B));
    });
  } else {
    const stats = new Map<string, { g: number; b: number }>();
    for (let i = 0; i < n; i++) {
      const l = col.labels[i]!;
      if (l === null) {
        y[i] ? missB++ : missG++;
        continue;
      }
      let s = stats.get(l);
      if (!s) {
        s = { g: 0, b: 0 };
        stats.set(l, s);
      }
      y[i] ? s.b++ : s.g++;
    }
    const prior = B / n;
    const m = 10;
    const cats = [...stats.entries()]
      .map(([label, s]) => ({ label, ...s, rate: (s.b + m * prior) / (s.g + s.b + m) }))
      .sort((a, b) => a.rate - b.rate || (a.label < b.label ? -1 : 1));
    if (cats.length > 0) {
      // Pre-group into at most `fineBins` runs of similar rate with roughly equal counts.
      const total = cats.reduce((a, c) => a + c.g + c.b, 0);
      const groups: { labels: string[]; g: number; b: number }[] = [];
      let cur = { labels: [] as string[], g: 0, b: 0 };
      let acc = 0;
      for (const c of cats) {
        cur.labels.push(c.label);
        cur.g += c.g;
        cur.b += c.b;
        acc += c.g + c.b;
        if (cats.length <= fineBins || acc >= ((groups.length + 1) * total) / fineBins) {
          groups.push(cur);
          cur = { labels: [], g: 0, b: 0 };
        }
      }
      if (cur.labels.length) groups.push(cur);
      const part = optimalPartition(
        groups.map((g) => g.g),
        groups.map((g) => g.b),
        G,
        B,
        { trend: 'ascending', maxBins, minCount },
      );
      part.starts.forEach((s, gi) => {
        const e = gi + 1 < part.starts.length ? part.starts[gi + 1]! : groups.length;
        const labels: string[] = [];
        let gg = 0;
        let bb = 0;
        for (let f = s; f < e; f++) {
          labels.push(...groups[f]!.labels);
          gg += groups[f]!.g;
          bb += groups[f]!.b;
        }
        labels.sort();
        const label =
          labels.length <= 4
            ? labels.join(', ')
            : `${labels.slice(0, 3).join(', ')} +${labels.length - 3} more`;
        bins.push(makeBin({ label, type: 'categories', categories: labels }, gg, bb, G, B));
      });
    }
  }
  if (missG + missB > 0) bins.push(makeBin({ label: 'missing', type: 'missing' }, missG, missB, G, B));
  return { name: col.spec.name, kind: col.kind, trend, bins, iv: bins.reduce((a, b) => a + b.iv, 0) };
}

/** Bin lookup built once per binning for fast scoring. */
/** Index of the bin for a raw value, or −1 when the value falls in no bin (unseen category, or missing/special value never seen in training). */
export type BinLookup = (value: RawValue) => number;

/**
 * Builds a fast lookup from a raw value to its bin index. Values that match no bin — a category
 * never seen in training, or a missing/special value absent from training — give −1; scorecards
 * score them at WOE 0 (neutral, the average risk).
 *
 * @example binLookup(binning)('A11'); // 0
 */
export function binLookup(binning: VariableBinning): BinLookup {
  const bins = binning.bins;
  const missing = bins.findIndex((b) => b.type === 'missing');
  if (binning.kind === 'categorical') {
    const map = new Map<string, number>();
    bins.forEach((b, i) => {
      for (const c of b.categories ?? []) map.set(c, i);
    });
    return (value) => {
      const l = toLabel(value);
      if (l === null) return missing;
      return map.get(l) ?? -1;
    };
  }
  const specials = new Map<number, number>();
  const uppers: number[] = [];
  const idx: number[] = [];
  bins.forEach((b, i) => {
    if (b.type === 'special') specials.set(b.value!, i);
    if (b.type === 'interval') {
      uppers.push(b.upper ?? Number.POSITIVE_INFINITY);
      idx.push(i);
    }
  });
  return (value) => {
    const x = toNumeric(value);
    if (Number.isNaN(x)) return missing;
    const s = specials.get(x);
    if (s !== undefined) return s;
    let lo = 0;
    let hi = uppers.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < uppers[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return idx[lo]!;
  };
}

/**
 * WOE of every row of a column under a fitted binning (0 for values that match no bin).
 *
 * @example woeColumn(binning, column.values); // Float64Array of WOE per row
 */
export function woeColumn(
  binning: VariableBinning,
  values: ArrayLike<RawValue> | readonly RawValue[],
): Float64Array {
  const look = binLookup(binning);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const b = look(values[i]);
    out[i] = b < 0 ? 0 : binning.bins[b]!.woe;
  }
  return out;
}
