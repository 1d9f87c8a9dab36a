import { createRng } from '../random.ts';
import type { BinnedMatrix } from './feature-encoder.ts';
import { leafOf, type Tree } from './tree.ts';

/** Hyper-parameters of {@link trainGbdt}. Defaults in brackets. */
export interface GbdtParams {
  /** Maximum number of trees [300]. */
  readonly nTrees?: number;
  /** Shrinkage applied to every leaf [0.05]. */
  readonly learningRate?: number;
  /** Maximum depth of a tree [4]. */
  readonly maxDepth?: number;
  /** Maximum leaves per tree (0 = only the depth limits) [0]. */
  readonly maxLeaves?: number;
  /** Minimum sum of hessians in a child [1]. */
  readonly minChildWeight?: number;
  /** L2 penalty on leaf weights [1]. */
  readonly lambda?: number;
  /** Minimum loss reduction to split [0]. */
  readonly gamma?: number;
  /** Share of rows drawn for each tree [1]. */
  readonly subsample?: number;
  /** Share of features drawn for each tree [1]. */
  readonly colsample?: number;
  /** Smoothing added to hessians when ordering categories by gradient ratio [10]. */
  readonly catSmooth?: number;
  /** Per feature index: +1 prediction non-decreasing in the feature, −1 non-increasing, 0 free. */
  readonly monotone?: ArrayLike<number>;
  /** Stop when validation log loss has not improved for this many trees [50]. */
  readonly earlyStoppingRounds?: number;
  readonly seed?: number;
}

/** Validation data for early stopping: codes row-major (numeric missing = NaN) and outcomes. */
export interface ValidationSet {
  readonly codes: Float64Array;
  readonly y: ArrayLike<number>;
}

/** A trained boosted ensemble in code space. */
export interface GbdtFit {
  readonly trees: Tree[];
  readonly baseMargin: number;
  /** Number of trees kept (the best validation iteration when early stopping). */
  readonly bestIteration: number;
  /** Validation log loss after each tree (empty without validation). */
  readonly validationLoss: number[];
}

interface Split {
  gain: number;
  feature: number;
  /** Numeric: last bin going left. */
  bin: number;
  defaultLeft: boolean;
  right: Uint8Array | null;
  GL: number;
  HL: number;
  GR: number;
  HR: number;
}

interface NodeWork {
  id: number;
  start: number;
  end: number;
  G: number;
  H: number;
  hist: Float64Array;
  lower: number;
  upper: number;
  depth: number;
}

class TreeBuilder {
  feature: number[] = [];
  threshold: number[] = [];
  defaultLeft: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];
  cover: number[] = [];
  gain: number[] = [];
  cats: (Uint8Array | null)[] = [];
  add(cover: number): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.defaultLeft.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(0);
    this.cover.push(cover);
    this.gain.push(0);
    this.cats.push(null);
    return this.feature.length - 1;
  }
  build(): Tree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      defaultLeft: Uint8Array.from(this.defaultLeft),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      cover: Float64Array.from(this.cover),
      gain: Float64Array.from(this.gain),
      categoriesRight: this.cats,
    };
  }
}

const NO_HIST = new Float64Array(0);

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Trains binary gradient-boosted trees (log loss) on pre-binned data, the histogram way: per
 * node, gradient/hessian histograms over the uint8 bins are built for the smaller child only and
 * the sibling is the parent minus it. Depth-wise growth, L2-regularised leaf weights, learned
 * default direction for missing values, categorical splits by sorting categories on their
 * gradient ratio, monotone constraints (bounds passed down to children), row and column
 * subsampling, and early stopping on a validation set. Deterministic for a given seed.
 *
 * @example const fit = trainGbdt(binned, y, { nTrees: 100, maxDepth: 3 }); fit.trees.length; // 100
 */
export function trainGbdt(
  data: BinnedMatrix,
  y: ArrayLike<number>,
  params: GbdtParams = {},
  validation?: ValidationSet,
): GbdtFit {
  const nTrees = params.nTrees ?? 300;
  const eta = params.learningRate ?? 0.05;
  const maxDepth = params.maxDepth ?? 4;
  const maxLeaves = params.maxLeaves ?? 0;
  const minChild = params.minChildWeight ?? 1;
  const lambda = params.lambda ?? 1;
  const gamma = params.gamma ?? 0;
  const subsample = params.subsample ?? 1;
  const colsample = params.colsample ?? 1;
  const catSmooth = params.catSmooth ?? 10;
  const patience = params.earlyStoppingRounds ?? 50;
  const rng = createRng(params.seed ?? 0);
  const n = data.rows;
  const F = data.features;
  const X = data.bins;
  const nBins = data.nBins;
  const isCat = data.categorical;
  const mono = new Int8Array(F);
  if (params.monotone) for (let f = 0; f < F; f++) mono[f] = Math.sign(params.monotone[f] ?? 0);
  const hasMono = mono.some((m) => m !== 0);
  const offsets = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) offsets[f + 1] = offsets[f]! + nBins[f]!;
  const histSize = offsets[F]! * 2;

  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i]!;
  const rate = Math.min(Math.max(pos / Math.max(n, 1), 1e-6), 1 - 1e-6);
  const baseMargin = Math.log(rate / (1 - rate));
  const margin = new Float64Array(n).fill(baseMargin);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const rowIdx = new Int32Array(n);
  const scratch = new Int32Array(n);
  const featureList = new Int32Array(F);

  const vN = validation ? validation.y.length : 0;
  const vMargin = new Float64Array(vN).fill(baseMargin);
  const validationLoss: number[] = [];
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestIteration = 0;

  const pool: Float64Array[] = [];
  const takeHist = (): Float64Array => {
    const a = pool.pop();
    if (a) {
      a.fill(0);
      return a;
    }
    return new Float64Array(histSize);
  };

  // Pre-computed histogram slots: slot[row · F + f] = 2 · (offset of f + bin), so the inner loop
  // is one load and two adds per cell.
  const slot = histSize <= 0xffff ? new Uint16Array(n * F) : new Uint32Array(n * F);
  for (let r = 0; r < n; r++) {
    const base = r * F;
    for (let f = 0; f < F; f++) slot[base + f] = (offsets[f]! + X[base + f]!) << 1;
  }
  const buildHist = (hist: Float64Array, start: number, end: number, nf: number): void => {
    if (nf === F) {
      for (let k = start; k < end; k++) {
        const r = rowIdx[k]!;
        const gr = g[r]!;
        const hr = h[r]!;
        const base = r * F;
        for (let f = 0; f < F; f++) {
          const b = slot[base + f]!;
          hist[b]! += gr;
          hist[b + 1]! += hr;
        }
      }
    } else {
      for (let k = start; k < end; k++) {
        const r = rowIdx[k]!;
        const gr = g[r]!;
        const hr = h[r]!;
        const base = r * F;
        for (let q = 0; q < nf; q++) {
          const b = slot[base + featureList[q]!]!;
          hist[b]! += gr;
          hist[b + 1]! += hr;
        }
      }
    }
  };

  const leafWeight = (G: number, H: number, lower: number, upper: number): number => {
    const w = -G / (H + lambda);
    return Math.min(Math.max(w, lower), upper);
  };
  const scoreAt = (G: number, H: number, w: number): number => -(2 * G * w + (H + lambda) * w * w);

  const catOrder: number[] = [];
  const findSplit = (node: NodeWork, nf: number): Split | null => {
    const hist = node.hist;
    const G = node.G;
    const H = node.H;
    const parentScore = hasMono
      ? scoreAt(G, H, leafWeight(G, H, node.lower, node.upper))
      : (G * G) / (H + lambda);
    let best: Split | null = null;
    let bestGain = gamma + 1e-12;
    const consider = (
      f: number,
      GL: number,
      HL: number,
      bin: number,
      defaultLeft: boolean,
      right: Uint8Array | null,
      m: number,
    ): void => {
      const HR = H - HL;
      if (HL < minChild || HR < minChild) return;
      const GR = G - GL;
      let gain: number;
      if (hasMono) {
        const wl = leafWeight(GL, HL, node.lower, node.upper);
        const wr = leafWeight(GR, HR, node.lower, node.upper);
        if ((m > 0 && wl > wr) || (m < 0 && wl < wr)) return;
        gain = scoreAt(GL, HL, wl) + scoreAt(GR, HR, wr) - parentScore;
      } else gain = (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        best = { gain, feature: f, bin, defaultLeft, right, GL, HL, GR, HR };
      }
    };
    for (let q = 0; q < nf; q++) {
      const f = featureList[q]!;
      const off = offsets[f]!;
      const nb = nBins[f]!;
      if (isCat[f]) {
        catOrder.length = 0;
        for (let b = 0; b < nb; b++) if (hist[((off + b) << 1) + 1]! > 0) catOrder.push(b);
        if (catOrder.length < 2) continue;
        catOrder.sort((a, b) => {
          const ra = hist[(off + a) << 1]! / (hist[((off + a) << 1) + 1]! + catSmooth);
          const rb = hist[(off + b) << 1]! / (hist[((off + b) << 1) + 1]! + catSmooth);
          return ra - rb || a - b;
        });
        let GL = 0;
        let HL = 0;
        let bestI = -1;
        const before = bestGain;
        for (let i = 0; i < catOrder.length - 1; i++) {
          const b = catOrder[i]!;
          GL += hist[(off + b) << 1]!;
          HL += hist[((off + b) << 1) + 1]!;
          const prevGain = bestGain;
          consider(f, GL, HL, i, false, null, 0);
          if (bestGain > prevGain) bestI = i;
        }
        if (bestGain > before && bestI >= 0 && best) {
          const mask = new Uint8Array(nb);
          for (let i = bestI + 1; i < catOrder.length; i++) mask[catOrder[i]!] = 1;
          (best as Split).right = mask;
          (best as Split).bin = -1;
          (best as Split).defaultLeft = false;
        }
        continue;
      }
      const mb = nb - 1;
      const Gm = hist[(off + mb) << 1]!;
      const Hm = hist[((off + mb) << 1) + 1]!;
      let GL = 0;
      let HL = 0;
      const m = mono[f]!;
      for (let b = 0; b < mb; b++) {
        const hb = hist[((off + b) << 1) + 1]!;
        if (hb === 0) continue;
        GL += hist[(off + b) << 1]!;
        HL += hb;
        if (Hm > 0) {
          consider(f, GL, HL, b, false, null, m);
          consider(f, GL + Gm, HL + Hm, b, true, null, m);
        } else {
          consider(f, GL, HL, b, HL >= H - HL, null, m);
        }
      }
    }
    return best;
  };

  const trees: Tree[] = [];
  for (let t = 0; t < nTrees; t++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(margin[i]!);
      g[i] = p - y[i]!;
      h[i] = Math.max(p * (1 - p), 1e-16);
    }
    let m = 0;
    if (subsample < 1) {
      for (let i = 0; i < n; i++) if (rng.next() < subsample) rowIdx[m++] = i;
    } else {
      for (let i = 0; i < n; i++) rowIdx[i] = i;
      m = n;
    }
    let nf = 0;
    if (colsample < 1) {
      const want = Math.max(1, Math.round(colsample * F));
      const perm = Array.from({ length: F }, (_, i) => i);
      for (let i = F - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [perm[i], perm[j]] = [perm[j]!, perm[i]!];
      }
      const chosen = perm.slice(0, want).sort((a, b) => a - b);
      for (const f of chosen) featureList[nf++] = f;
    } else {
      for (let f = 0; f < F; f++) featureList[nf++] = f;
    }
    const tb = new TreeBuilder();
    let G0 = 0;
    let H0 = 0;
    for (let k = 0; k < m; k++) {
      G0 += g[rowIdx[k]!]!;
      H0 += h[rowIdx[k]!]!;
    }
    const rootHist = takeHist();
    buildHist(rootHist, 0, m, nf);
    const root: NodeWork = {
      id: tb.add(H0),
      start: 0,
      end: m,
      G: G0,
      H: H0,
      hist: rootHist,
      lower: Number.NEGATIVE_INFINITY,
      upper: Number.POSITIVE_INFINITY,
      depth: 0,
    };
    let level: NodeWork[] = [root];
    let leaves = 1;
    const finished: NodeWork[] = [];
    while (level.length > 0) {
      const next: NodeWork[] = [];
      for (const node of level) {
        const split =
          node.depth < maxDepth && (maxLeaves <= 0 || leaves < maxLeaves) ? findSplit(node, nf) : null;
        if (!split) {
          finished.push(node);
          pool.push(node.hist);
          continue;
        }
        leaves++;
        const f = split.feature;
        // Stable partition of the node's rows.
        let l = node.start;
        let rcount = 0;
        const mb = nBins[f]! - 1;
        if (split.right) {
          const mask = split.right;
          for (let k = node.start; k < node.end; k++) {
            const r = rowIdx[k]!;
            if (mask[X[r * F + f]!]) scratch[rcount++] = r;
            else rowIdx[l++] = r;
          }
        } else {
          const thr = split.bin;
          const dl = split.defaultLeft;
          for (let k = node.start; k < node.end; k++) {
            const r = rowIdx[k]!;
            const b = X[r * F + f]!;
            const goLeft = b === mb ? dl : b <= thr;
            if (goLeft) rowIdx[l++] = r;
            else scratch[rcount++] = r;
          }
        }
        rowIdx.set(scratch.subarray(0, rcount), l);
        const id = node.id;
        tb.feature[id] = f;
        tb.gain[id] = split.gain;
        if (split.right) {
          tb.cats[id] = split.right;
          tb.threshold[id] = 0;
          tb.defaultLeft[id] = 0;
        } else {
          tb.threshold[id] = split.bin + 0.5;
          tb.defaultLeft[id] = split.defaultLeft ? 1 : 0;
        }
        const leftId = tb.add(split.HL);
        const rightId = tb.add(split.HR);
        tb.left[id] = leftId;
        tb.right[id] = rightId;
        let lLower = node.lower;
        let lUpper = node.upper;
        let rLower = node.lower;
        let rUpper = node.upper;
        const mf = mono[f]!;
        if (mf !== 0 && !split.right) {
          const wl = leafWeight(split.GL, split.HL, node.lower, node.upper);
          const wr = leafWeight(split.GR, split.HR, node.lower, node.upper);
          const mid = (wl + wr) / 2;
          if (mf > 0) {
            lUpper = mid;
            rLower = mid;
          } else {
            lLower = mid;
            rUpper = mid;
          }
        }
        const leftNode: NodeWork = {
          id: leftId,
          start: node.start,
          end: l,
          G: split.GL,
          H: split.HL,
          hist: node.hist,
          lower: lLower,
          upper: lUpper,
          depth: node.depth + 1,
        };
        const rightNode: NodeWork = {
          id: rightId,
          start: l,
          end: node.end,
          G: split.GR,
          H: split.HR,
          hist: node.hist,
          lower: rLower,
          upper: rUpper,
          depth: node.depth + 1,
        };
        if (node.depth + 1 < maxDepth) {
          // Build the smaller child's histogram; the sibling is parent − smaller (in place).
          const small = l - node.start <= node.end - l ? leftNode : rightNode;
          const large = small === leftNode ? rightNode : leftNode;
          const hs = takeHist();
          buildHist(hs, small.start, small.end, nf);
          const parent = node.hist;
          for (let q = 0; q < nf; q++) {
            const f2 = featureList[q]!;
            for (let b = offsets[f2]! << 1, e = offsets[f2 + 1]! << 1; b < e; b++) parent[b]! -= hs[b]!;
          }
          small.hist = hs;
          large.hist = parent;
        } else {
          // Children are leaves: no histograms needed.
          pool.push(node.hist);
          leftNode.hist = NO_HIST;
          rightNode.hist = NO_HIST;
        }
        next.push(leftNode, rightNode);
      }
      level = next;
      if (level.length > 0 && level[0]!.depth >= maxDepth) {
        for (const nd of level) finished.push(nd);
        level = [];
      }
    }
    for (const leaf of finished) {
      const w = leafWeight(leaf.G, leaf.H, leaf.lower, leaf.upper) * eta;
      tb.value[leaf.id] = w;
      if (subsample >= 1) for (let k = leaf.start; k < leaf.end; k++) margin[rowIdx[k]!]! += w;
    }
    const tree = tb.build();
    if (subsample < 1) {
      const codes = new Float64Array(F);
      for (let i = 0; i < n; i++) {
        const base = i * F;
        for (let f = 0; f < F; f++) {
          const b = X[base + f]!;
          codes[f] = !isCat[f] && b === nBins[f]! - 1 ? Number.NaN : b;
        }
        margin[i]! += tree.value[leafOf(tree, codes)]!;
      }
    }
    trees.push(tree);
    if (validation) {
      let loss = 0;
      for (let i = 0; i < vN; i++) {
        vMargin[i]! += tree.value[leafOf(tree, validation.codes, i * F)]!;
        const z = vMargin[i]!;
        loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - validation.y[i]! * z;
      }
      loss /= Math.max(vN, 1);
      validationLoss.push(loss);
      if (loss < bestLoss - 1e-12) {
        bestLoss = loss;
        bestIteration = t + 1;
      } else if (t + 1 - bestIteration >= patience) break;
    }
  }
  const keep = validation ? Math.max(1, bestIteration) : trees.length;
  return { trees: trees.slice(0, keep), baseMargin, bestIteration: keep, validationLoss };
}
