import type { FeatureColumn, FeatureSpec } from '../data/features.ts';
import type { RawValue } from '../data/values.ts';
import { toLabel, toNumeric } from '../data/values.ts';

/**
 * How one raw feature becomes a small integer code for the trees. Numeric: value bins
 * `0..cuts.length` (a value goes to the first bin whose cut it is below), then one code per
 * special value, then the missing bin. Categorical: one code per kept category (most frequent
 * first), then "other" (rare or unseen categories), then missing.
 */
export type FeatureEncoder =
  | {
      readonly name: string;
      readonly kind: 'numeric';
      readonly cuts: readonly number[];
      readonly specials: readonly number[];
    }
  | { readonly name: string; readonly kind: 'categorical'; readonly categories: readonly string[] };

/** Total codes of an encoder (the missing code is the last). */
export function encoderBins(e: FeatureEncoder): number {
  return e.kind === 'numeric' ? e.cuts.length + 1 + e.specials.length + 1 : e.categories.length + 2;
}

/** Options for {@link fitEncoders}. */
export interface EncoderOptions {
  /** Codes per feature including the missing code, at most 256 (default 256). */
  readonly maxBins?: number;
  /** Categories seen fewer times than this go to "other" (default 1: keep all, up to the bin limit). */
  readonly minCategoryCount?: number;
}

/**
 * Fits quantile bins for numeric features (cut points midway between distinct values, at most
 * `maxBins − 1 − specials` value bins) and frequency-ordered codes for categorical features.
 *
 * @example fitEncoders(columns)[0]; // { name: 'duration_months', kind: 'numeric', cuts: [7.5, 9.5, …], specials: [] }
 */
export function fitEncoders(
  columns: readonly FeatureColumn[],
  options: EncoderOptions = {},
): FeatureEncoder[] {
  const maxBins = Math.min(256, Math.max(4, options.maxBins ?? 256));
  const minCat = options.minCategoryCount ?? 1;
  return columns.map((col): FeatureEncoder => {
    const name = col.spec.name;
    if (col.kind === 'numeric') {
      const specials = col.spec.specialValues;
      const sp = new Set(specials);
      const raw = col.values;
      const buf = new Float64Array(raw.length);
      let present = 0;
      for (let i = 0; i < raw.length; i++) {
        const x = raw[i]!;
        if (!Number.isNaN(x) && (sp.size === 0 || !sp.has(x))) buf[present++] = x;
      }
      const vals = buf.subarray(0, present).sort();
      const maxValueBins = maxBins - 1 - specials.length;
      const len = vals.length;
      let distinct = 0;
      for (let i = 0; i < len; i++) if (i === 0 || vals[i] !== vals[i - 1]) distinct++;
      const cuts: number[] = [];
      if (distinct <= maxValueBins) {
        for (let i = 1; i < len; i++) if (vals[i] !== vals[i - 1]) cuts.push((vals[i - 1]! + vals[i]!) / 2);
      } else {
        // Greedy quantile cuts over runs of distinct values so heavy values do not waste bins.
        const per = len / maxValueBins;
        let acc = 0;
        let next = per;
        for (let i = 0; i < len; ) {
          let j = i + 1;
          while (j < len && vals[j] === vals[i]) j++;
          if (j >= len) break;
          acc += j - i;
          if (acc >= next && cuts.length < maxValueBins - 1) {
            cuts.push((vals[i]! + vals[j]!) / 2);
            while (next <= acc) next += per;
          }
          i = j;
        }
      }
      return { name, kind: 'numeric', cuts, specials: [...specials] };
    }
    // Counts per label, one map look-up per cell.
    const index = new Map<string, number>();
    const counts: number[] = [];
    for (const l of col.labels) {
      if (l === null) continue;
      const i = index.get(l);
      if (i === undefined) {
        index.set(l, counts.length);
        counts.push(1);
      } else counts[i]!++;
    }
    const categories = [...index.entries()]
      .map(([l, i]): [string, number] => [l, counts[i]!])
      .filter(([, c]) => c >= minCat)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxBins - 2)
      .map(([l]) => l);
    return { name, kind: 'categorical', categories };
  });
}

function numericCode(e: Extract<FeatureEncoder, { kind: 'numeric' }>, x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const s = e.specials.indexOf(x);
  if (s >= 0) return e.cuts.length + 1 + s;
  const cuts = e.cuts;
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < cuts[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A compiled encoder: raw cell → code (NaN for a missing numeric value). */
export type CodeFn = (value: RawValue) => number;

/**
 * Compiles an encoder to a function from a raw cell to its tree code. Numeric missing values give
 * NaN (the trees send them the learned default way); categorical missing gives the missing code,
 * unseen categories the "other" code.
 *
 * @example compileEncoder(encoder)('A14'); // 2
 */
export function compileEncoder(e: FeatureEncoder): CodeFn {
  if (e.kind === 'numeric') return (v) => numericCode(e, toNumeric(v));
  const map = new Map(e.categories.map((c, i) => [c, i] as const));
  const other = e.categories.length;
  const missing = other + 1;
  return (v) => {
    const l = toLabel(v);
    if (l === null) return missing;
    return map.get(l) ?? other;
  };
}

/** Training data in bin space: `bins[row · features + feature]`, plus per-feature metadata. */
export interface BinnedMatrix {
  readonly rows: number;
  readonly features: number;
  readonly bins: Uint8Array;
  readonly nBins: Int32Array;
  readonly categorical: Uint8Array;
}

/**
 * Encodes feature columns into a row-major uint8 bin matrix (numeric missing → the missing
 * code, so every cell is a valid bin).
 *
 * @example binMatrix(columns, encoders).bins.length; // rows × features
 */
export function binMatrix(
  columns: readonly FeatureColumn[],
  encoders: readonly FeatureEncoder[],
): BinnedMatrix {
  const F = encoders.length;
  const n = columns[0]
    ? columns[0].kind === 'numeric'
      ? columns[0].values.length
      : columns[0].labels.length
    : 0;
  const bins = new Uint8Array(n * F);
  const nBins = new Int32Array(F);
  const categorical = new Uint8Array(F);
  encoders.forEach((e, f) => {
    const col = columns[f]!;
    const nb = encoderBins(e);
    nBins[f] = nb;
    categorical[f] = e.kind === 'categorical' ? 1 : 0;
    if (e.kind === 'numeric' && col.kind === 'numeric') {
      const values = col.values;
      const cuts = Float64Array.from(e.cuts);
      const nc = cuts.length;
      const specials = e.specials;
      // First cut the value is below (as numericCode), by a branch-free binary search over the
      // cuts padded with +∞ to a power of two: the number of cuts ≤ x.
      let size = 1;
      while (size < nc + 1) size *= 2;
      const padded = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
      padded.set(cuts);
      for (let i = 0; i < n; i++) {
        const x = values[i]!;
        let code: number;
        if (Number.isNaN(x)) code = nb - 1;
        else {
          const s = specials.length === 0 ? -1 : specials.indexOf(x);
          if (s >= 0) code = nc + 1 + s;
          else {
            let lo = 0;
            for (let half = size >> 1; half > 0; half >>= 1) lo += +(x >= padded[lo + half - 1]!) * half;
            code = Math.min(lo, nc);
          }
        }
        bins[i * F + f] = code;
      }
    } else if (col.kind === 'categorical') {
      const code = compileEncoder(e);
      // Labels that are already canonical category names (as featureColumns gives them) are
      // looked up directly; anything else goes through the full encoder.
      const direct = new Map<string, number>();
      if (e.kind === 'categorical')
        e.categories.forEach((c, i) => {
          if (toLabel(c) === c) direct.set(c, i);
        });
      const labels = col.labels;
      for (let i = 0; i < n; i++) {
        const l = labels[i];
        const c = l == null ? undefined : direct.get(l);
        bins[i * F + f] = c ?? code(l);
      }
    } else {
      throw new Error(`feature ${e.name}: encoder and column kinds differ`);
    }
  });
  return { rows: n, features: F, bins, nBins, categorical };
}

/**
 * Codes of every row as float64 (numeric missing → NaN), row-major, for fast batch prediction.
 *
 * @example codeMatrix(columns, encoders)[0]; // code of feature 0 of row 0
 */
export function codeMatrix(
  columns: readonly FeatureColumn[],
  encoders: readonly FeatureEncoder[],
): Float64Array {
  const m = binMatrix(columns, encoders);
  const out = new Float64Array(m.bins.length);
  const F = m.features;
  for (let i = 0; i < m.bins.length; i++) {
    const f = i % F;
    const b = m.bins[i]!;
    out[i] = !m.categorical[f] && b === m.nBins[f]! - 1 ? Number.NaN : b;
  }
  return out;
}

/** The input spec of an encoder set (for artefacts). */
export function encoderSpecs(
  encoders: readonly FeatureEncoder[],
  specs: readonly FeatureSpec[],
): FeatureSpec[] {
  return encoders.map((e) => specs.find((s) => s.name === e.name)!);
}
