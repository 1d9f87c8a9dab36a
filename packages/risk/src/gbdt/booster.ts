import { createRng } from '../random.ts';
import type { BinnedMatrix } from './feature-encoder.ts';
import {
  CMD_GRAD,
  CMD_HIST,
  CMD_WALK,
  type KernelBuffers,
  MASK_BYTES,
  NODE_STRIDE,
  runCommand,
  TASK_STRIDE,
} from './hist-kernel.ts';
import { leafOf, type Tree } from './tree.ts';

/** Hyper-parameters of boosting. Defaults in brackets. */
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

/**
 * Where the kernels of {@link boost} run. The booster allocates the shared arrays through
 * `memory`, announces them with `begin` and every new histogram with `addHistogram` (ids count
 * from 0), then issues commands with `run` (see hist-kernel.ts). {@link localBackend} runs
 * everything on the calling thread; ./threads/ provides one that splits each command across
 * worker threads.
 */
export interface BoostBackend {
  memory(bytes: number): ArrayBuffer | SharedArrayBuffer;
  begin(k: KernelBuffers): void;
  addHistogram(h: Float64Array): void;
  run(cmd: number, p0: number, p1: number): void;
  end(): void;
}

/**
 * The single-threaded backend: plain memory, every command on the calling thread.
 *
 * @example boost(binned, y, {}, undefined, localBackend());
 */
export function localBackend(): BoostBackend {
  let k: KernelBuffers | null = null;
  const hists: Float64Array[] = [];
  return {
    memory: (bytes) => new ArrayBuffer(bytes),
    begin(buffers) {
      k = buffers;
    },
    addHistogram(h) {
      hists.push(h);
    },
    run(cmd, p0, p1) {
      runCommand(k!, hists, cmd, p0, p1, 0, 1);
    },
    end() {
      k = null;
      hists.length = 0;
    },
  };
}

/** A node waiting to be split: its rows are `rowIdx[start .. end)`. */
interface NodeWork {
  id: number;
  start: number;
  end: number;
  G: number;
  H: number;
  /** Histogram id, −1 when the node is known to become a leaf. */
  hist: number;
  lower: number;
  upper: number;
  depth: number;
}

/** The best split found so far for one node (reused between nodes). */
class BestSplit {
  gain = 0;
  feature = -1;
  /** Numeric: last bin going left; −1 for categorical splits. */
  bin = 0;
  defaultLeft = false;
  right: Uint8Array | null = null;
  GL = 0;
  HL = 0;
  GR = 0;
  HR = 0;
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

function float64s(backend: BoostBackend, length: number): Float64Array {
  return new Float64Array(backend.memory(Math.max(length, 1) * 8));
}

function int32s(backend: BoostBackend, length: number): Int32Array {
  return new Int32Array(backend.memory(Math.max(length, 1) * 4));
}

/**
 * Binary gradient boosting (log loss) on pre-binned data, the histogram way: per node, gradient
 * and hessian histograms over the uint8 bins are built for the smaller child only and the sibling
 * is the parent minus it. Depth-wise growth, L2-regularised leaf weights, learned default
 * direction for missing values, categorical splits by sorting categories on their gradient ratio,
 * monotone constraints (bounds passed down to children), row and column subsampling, and early
 * stopping on a validation set. The histogram, gradient and margin loops run on `backend`;
 * split finding and row partitioning run here. Deterministic for a given seed, whatever backend.
 *
 * @example const fit = boost(binned, y, { nTrees: 100, maxDepth: 3 }, undefined, localBackend());
 */
export function boost(
  data: BinnedMatrix,
  y: ArrayLike<number>,
  params: GbdtParams,
  validation: ValidationSet | undefined,
  backend: BoostBackend,
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
  const offsets = int32s(backend, F + 1);
  for (let f = 0; f < F; f++) offsets[f + 1] = offsets[f]! + nBins[f]!;
  const histSize = offsets[F]! * 2;

  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i]!;
  const rate = Math.min(Math.max(pos / Math.max(n, 1), 1e-6), 1 - 1e-6);
  const baseMargin = Math.log(rate / (1 - rate));

  // Pre-computed histogram slots, row-major: slot[row · F + f] = 2 · (offset of f + bin), so the
  // histogram loop is one load and two adds per cell, and one row's slots share a cache line.
  // (A column-major layout measured ~2.5× slower for this loop: see README.)
  const wide = histSize > 0xffff;
  const slotMem = backend.memory(Math.max(n * F, 1) * (wide ? 4 : 2));
  const slot = wide ? new Uint32Array(slotMem) : new Uint16Array(slotMem);
  for (let r = 0; r < n; r++) {
    const base = r * F;
    for (let f = 0; f < F; f++) slot[base + f] = (offsets[f]! + X[base + f]!) << 1;
  }
  // Column-major copy of the bins for partitioning and tree walks (one feature of consecutive
  // rows per cache line).
  const cols = new Uint8Array(backend.memory(Math.max(n * F, 1)));
  for (let r = 0; r < n; r++) {
    const base = r * F;
    for (let f = 0; f < F; f++) cols[f * n + r] = X[base + f]!;
  }
  // At most 2^depth leaves per tree, and (empty children aside) no more than rows.
  const leafCap = Math.min(2 ** Math.min(Math.max(maxDepth, 0), 30), 2 * n + 2);
  const nodeCap = 2 * leafCap;
  const k: KernelBuffers = {
    n,
    F,
    slot,
    offsets,
    y: float64s(backend, n),
    margin: float64s(backend, n),
    g: float64s(backend, n),
    h: float64s(backend, n),
    rowIdx: int32s(backend, n),
    featureList: int32s(backend, F),
    cols,
    tasks: int32s(backend, leafCap * TASK_STRIDE),
    nodes: int32s(backend, nodeCap * NODE_STRIDE),
    nodeValue: float64s(backend, nodeCap),
    masks: new Uint8Array(backend.memory(leafCap * MASK_BYTES)),
  };
  for (let i = 0; i < n; i++) k.y[i] = y[i]!;
  k.margin.fill(baseMargin);
  const { g, h, rowIdx, featureList, tasks, nodes, nodeValue, masks } = k;
  const scratch = new Int32Array(n);
  backend.begin(k);

  const vN = validation ? validation.y.length : 0;
  const vMargin = new Float64Array(vN).fill(baseMargin);
  const validationLoss: number[] = [];
  let bestLoss = Number.POSITIVE_INFINITY;
  let bestIteration = 0;

  // Histograms live in backend memory and are named by id; freed ids are reused.
  const hists: Float64Array[] = [];
  const free: number[] = [];
  const takeHist = (): number => {
    const id = free.pop();
    if (id !== undefined) return id;
    const hist = float64s(backend, histSize);
    hists.push(hist);
    backend.addHistogram(hist);
    return hists.length - 1;
  };

  const leafWeight = (G: number, H: number, lower: number, upper: number): number => {
    const w = -G / (H + lambda);
    return Math.min(Math.max(w, lower), upper);
  };
  const scoreAt = (G: number, H: number, w: number): number => -(2 * G * w + (H + lambda) * w * w);

  const best = new BestSplit();
  const catOrder: number[] = [];
  let catHist: Float64Array = new Float64Array(0);
  let catOff = 0;
  const byRatio = (a: number, b: number): number => {
    const ra = catHist[(catOff + a) << 1]! / (catHist[((catOff + a) << 1) + 1]! + catSmooth);
    const rb = catHist[(catOff + b) << 1]! / (catHist[((catOff + b) << 1) + 1]! + catSmooth);
    return ra - rb || a - b;
  };
  /** Finds the best split of `node` into `best`; false when no split beats gamma. */
  const findSplit = (node: NodeWork, nf: number): boolean => {
    const hist = hists[node.hist]!;
    const G = node.G;
    const H = node.H;
    const lower = node.lower;
    const upper = node.upper;
    const parentScore = hasMono ? scoreAt(G, H, leafWeight(G, H, lower, upper)) : (G * G) / (H + lambda);
    let bestGain = gamma + 1e-12;
    let found = false;
    for (let q = 0; q < nf; q++) {
      const f = featureList[q]!;
      const off = offsets[f]!;
      const nb = nBins[f]!;
      if (isCat[f]) {
        catOrder.length = 0;
        for (let b = 0; b < nb; b++) if (hist[((off + b) << 1) + 1]! > 0) catOrder.push(b);
        if (catOrder.length < 2) continue;
        catHist = hist;
        catOff = off;
        catOrder.sort(byRatio);
        let GL = 0;
        let HL = 0;
        let bestI = -1;
        for (let i = 0; i < catOrder.length - 1; i++) {
          const b = catOrder[i]!;
          GL += hist[(off + b) << 1]!;
          HL += hist[((off + b) << 1) + 1]!;
          const HR = H - HL;
          if (HL < minChild || HR < minChild) continue;
          const GR = G - GL;
          let gain: number;
          if (hasMono) {
            const wl = leafWeight(GL, HL, lower, upper);
            const wr = leafWeight(GR, HR, lower, upper);
            gain = scoreAt(GL, HL, wl) + scoreAt(GR, HR, wr) - parentScore;
          } else gain = (GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestI = i;
            best.GL = GL;
            best.HL = HL;
            best.GR = GR;
            best.HR = HR;
          }
        }
        if (bestI >= 0) {
          const mask = new Uint8Array(nb);
          for (let i = bestI + 1; i < catOrder.length; i++) mask[catOrder[i]!] = 1;
          found = true;
          best.gain = bestGain;
          best.feature = f;
          best.bin = -1;
          best.defaultLeft = false;
          best.right = mask;
        }
        continue;
      }
      const mb = nb - 1;
      const Gm = hist[(off + mb) << 1]!;
      const Hm = hist[((off + mb) << 1) + 1]!;
      const m = mono[f]!;
      let GL = 0;
      let HL = 0;
      for (let b = 0; b < mb; b++) {
        const hb = hist[((off + b) << 1) + 1]!;
        if (hb === 0) continue;
        GL += hist[(off + b) << 1]!;
        HL += hb;
        // Missing values right (always), then left (only when there are any).
        for (let side = 0; side < (Hm > 0 ? 2 : 1); side++) {
          const gl = side === 0 ? GL : GL + Gm;
          const hl = side === 0 ? HL : HL + Hm;
          const HR = H - hl;
          if (hl < minChild || HR < minChild) continue;
          const GR = G - gl;
          let gain: number;
          if (hasMono) {
            const wl = leafWeight(gl, hl, lower, upper);
            const wr = leafWeight(GR, HR, lower, upper);
            if ((m > 0 && wl > wr) || (m < 0 && wl < wr)) continue;
            gain = scoreAt(gl, hl, wl) + scoreAt(GR, HR, wr) - parentScore;
          } else gain = (gl * gl) / (hl + lambda) + (GR * GR) / (HR + lambda) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            found = true;
            best.gain = gain;
            best.feature = f;
            best.bin = b;
            // Without missing values in the node, missing (unseen) goes to the heavier side.
            best.defaultLeft = Hm > 0 ? side === 1 : HL >= H - HL;
            best.right = null;
            best.GL = gl;
            best.HL = hl;
            best.GR = GR;
            best.HR = HR;
          }
        }
      }
    }
    return found;
  };

  const trees: Tree[] = [];
  const perm = new Int32Array(F);
  let gradientsFresh = false;
  for (let t = 0; t < nTrees; t++) {
    if (!gradientsFresh) backend.run(CMD_GRAD, n, 0);
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
      for (let i = 0; i < F; i++) perm[i] = i;
      for (let i = F - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const tmp = perm[i]!;
        perm[i] = perm[j]!;
        perm[j] = tmp;
      }
      const chosen = perm.slice(0, want).sort();
      for (let i = 0; i < want; i++) featureList[nf++] = chosen[i]!;
    } else {
      for (let f = 0; f < F; f++) featureList[nf++] = f;
    }
    const tb = new TreeBuilder();
    let G0 = 0;
    let H0 = 0;
    for (let i = 0; i < m; i++) {
      G0 += g[rowIdx[i]!]!;
      H0 += h[rowIdx[i]!]!;
    }
    const root: NodeWork = {
      id: tb.add(H0),
      start: 0,
      end: m,
      G: G0,
      H: H0,
      hist: maxDepth > 0 ? takeHist() : -1,
      lower: Number.NEGATIVE_INFINITY,
      upper: Number.POSITIVE_INFINITY,
      depth: 0,
    };
    if (root.hist >= 0) {
      tasks[0] = 0;
      tasks[1] = m;
      tasks[2] = root.hist;
      tasks[3] = -1;
      backend.run(CMD_HIST, 1, nf);
    }
    let level: NodeWork[] = [root];
    let leaves = 1;
    const finished: NodeWork[] = [];
    while (level.length > 0) {
      const next: NodeWork[] = [];
      let nTasks = 0;
      for (const node of level) {
        const canSplit = node.hist >= 0 && node.depth < maxDepth && (maxLeaves <= 0 || leaves < maxLeaves);
        if (!canSplit || !findSplit(node, nf)) {
          finished.push(node);
          if (node.hist >= 0) free.push(node.hist);
          continue;
        }
        leaves++;
        const f = best.feature;
        const right = best.right;
        const childDepth = node.depth + 1;
        // Stable partition of the node's rows (left keeps its order in place, right via scratch);
        // children that can only be leaves need no rows: the tree walk updates the margins.
        let l = node.start;
        let rcount = 0;
        const col = f * n;
        if (childDepth >= maxDepth) {
          l = node.end;
        } else if (right) {
          for (let i = node.start; i < node.end; i++) {
            const r = rowIdx[i]!;
            if (right[cols[col + r]!]) scratch[rcount++] = r;
            else rowIdx[l++] = r;
          }
        } else {
          const mb = nBins[f]! - 1;
          const thr = best.bin;
          const dl = best.defaultLeft;
          for (let i = node.start; i < node.end; i++) {
            const r = rowIdx[i]!;
            const b = cols[col + r]!;
            if (b === mb ? dl : b <= thr) rowIdx[l++] = r;
            else scratch[rcount++] = r;
          }
        }
        for (let i = 0; i < rcount; i++) rowIdx[l + i] = scratch[i]!;
        const id = node.id;
        tb.feature[id] = f;
        tb.gain[id] = best.gain;
        if (right) {
          tb.cats[id] = right;
          tb.threshold[id] = 0;
          tb.defaultLeft[id] = 0;
        } else {
          tb.threshold[id] = best.bin + 0.5;
          tb.defaultLeft[id] = best.defaultLeft ? 1 : 0;
        }
        const leftId = tb.add(best.HL);
        const rightId = tb.add(best.HR);
        tb.left[id] = leftId;
        tb.right[id] = rightId;
        let lLower = node.lower;
        let lUpper = node.upper;
        let rLower = node.lower;
        let rUpper = node.upper;
        const mf = mono[f]!;
        if (mf !== 0 && !right) {
          const wl = leafWeight(best.GL, best.HL, node.lower, node.upper);
          const wr = leafWeight(best.GR, best.HR, node.lower, node.upper);
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
          G: best.GL,
          H: best.HL,
          hist: -1,
          lower: lLower,
          upper: lUpper,
          depth: childDepth,
        };
        const rightNode: NodeWork = {
          id: rightId,
          start: l,
          end: node.end,
          G: best.GR,
          H: best.HR,
          hist: -1,
          lower: rLower,
          upper: rUpper,
          depth: childDepth,
        };
        if (childDepth < maxDepth) {
          // Build the smaller child's histogram; the parent's becomes the sibling's (parent −
          // smaller, done by the same task).
          const leftSmaller = l - node.start <= node.end - l;
          const small = leftSmaller ? leftNode : rightNode;
          const large = leftSmaller ? rightNode : leftNode;
          small.hist = takeHist();
          large.hist = node.hist;
          const o = nTasks * TASK_STRIDE;
          tasks[o] = small.start;
          tasks[o + 1] = small.end;
          tasks[o + 2] = small.hist;
          tasks[o + 3] = node.hist;
          nTasks++;
        } else free.push(node.hist);
        next.push(leftNode, rightNode);
      }
      if (nTasks > 0) backend.run(CMD_HIST, nTasks, nf);
      level = next;
    }
    for (const leaf of finished) tb.value[leaf.id] = leafWeight(leaf.G, leaf.H, leaf.lower, leaf.upper) * eta;
    const tree = tb.build();
    // The tree in bin space for the walk that updates every row's margin (and, fused, the next
    // tree's gradients).
    let nMasks = 0;
    for (let id = 0; id < tree.feature.length; id++) {
      const o = id * NODE_STRIDE;
      const f = tree.feature[id]!;
      nodes[o] = f;
      nodeValue[id] = tree.value[id]!;
      if (f < 0) continue;
      nodes[o + 1] = tree.threshold[id]! - 0.5;
      nodes[o + 2] = tree.defaultLeft[id]!;
      nodes[o + 3] = nBins[f]! - 1;
      nodes[o + 4] = tree.left[id]!;
      nodes[o + 5] = tree.right[id]!;
      const mask = tree.categoriesRight[id];
      if (mask) {
        masks.fill(0, nMasks * MASK_BYTES, (nMasks + 1) * MASK_BYTES);
        masks.set(mask, nMasks * MASK_BYTES);
        nodes[o + 6] = nMasks++;
      } else nodes[o + 6] = -1;
    }
    const more = t + 1 < nTrees;
    backend.run(CMD_WALK, n, more ? 1 : 0);
    gradientsFresh = more;
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
  backend.end();
  const keep = validation ? Math.max(1, bestIteration) : trees.length;
  return { trees: trees.slice(0, keep), baseMargin, bestIteration: keep, validationLoss };
}
