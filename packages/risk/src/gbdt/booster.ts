import { createRng } from '../random.ts';
import type { BinnedMatrix } from './feature-encoder.ts';
import { leafOf, type Tree } from './tree.ts';
import { BoostMemory, PART_BLOCK_ROWS } from './wasm/boost-memory.ts';
import {
  CMD_GRAD,
  CMD_HIST_LIST16,
  CMD_HIST_LIST32,
  CMD_HIST16,
  CMD_HIST32,
  CMD_PART,
  CMD_UPDATE,
  CMD_WALK,
  runCommand,
} from './wasm/commands.ts';
import { instantiateKernels, type Kernels } from './wasm/kernels.ts';
import {
  H_LAMBDA,
  H_MIN_CHILD,
  H_MIN_GAIN,
  H_SCAN_COUNT,
  H_SUMS,
  HIST_TASK,
  MASK_BYTES,
  NODE,
  PART_FILL,
  PART_LEAVES,
  PART_SPLIT,
  PART_TASK,
  SCAN_NODE,
  SCAN_RESULT,
} from './wasm/layout.ts';
import type { WasmMemory } from './wasm/webassembly.ts';

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
 * Where the kernels of {@link boost} run. The booster lays out its arrays in a WebAssembly
 * memory (shared when `shared`), starts a run with `begin`, issues commands with `run` (see
 * wasm/commands.ts) and closes the run with `end`. {@link localBackend} runs everything on the
 * calling thread; ./threads/ provides one that splits each command across worker threads.
 */
export interface BoostBackend {
  readonly shared: boolean;
  begin(memory: WasmMemory, kernels: Kernels): void;
  run(cmd: number, p0: number, p1: number): void;
  end(): void;
}

/**
 * The single-threaded backend: every command on the calling thread.
 *
 * @example boost(binned, y, {}, undefined, localBackend());
 */
export function localBackend(): BoostBackend {
  let k: Kernels | null = null;
  return {
    shared: false,
    begin(_memory, kernels) {
      k = kernels;
    },
    run(cmd, p0, p1) {
      runCommand(k!, cmd, p0, p1, 0, 1);
    },
    end() {
      k = null;
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
  /** Its place in the split scan of its level (results of the numeric features), or −1. */
  scan: number;
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

/**
 * Binary gradient boosting (log loss) on pre-binned data, the histogram way: per node, gradient
 * and hessian histograms over the uint8 bins are built for the smaller child only and the sibling
 * is the parent minus it. Depth-wise growth, L2-regularised leaf weights, learned default
 * direction for missing values, categorical splits by sorting categories on their gradient ratio,
 * monotone constraints (bounds passed down to children), row and column subsampling, and early
 * stopping on a validation set. The inner loops (histograms with the numeric split scan,
 * partitions, gradients and margins, tree walks) are WebAssembly kernels (./wasm/) issued to
 * `backend` as commands; choosing splits (merging the scan's per-feature results, categorical
 * features, monotone constraints) and building the trees happen here. Deterministic for a given
 * seed, whatever backend.
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
  const offsets = new Int32Array(F + 1);
  for (let f = 0; f < F; f++) offsets[f + 1] = offsets[f]! + nBins[f]!;

  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i]!;
  const rate = Math.min(Math.max(pos / Math.max(n, 1), 1e-6), 1 - 1e-6);
  const baseMargin = Math.log(rate / (1 - rate));

  // At most 2^depth leaves per tree, and (empty children aside) no more than rows.
  const leafCap = Math.min(2 ** Math.min(Math.max(maxDepth, 0), 30), 2 * n + 2);
  const mem = new BoostMemory({ n, F, bins: offsets[F]!, leafCap, nodeCap: 2 * leafCap }, backend.shared);
  const addr = mem.addr;
  {
    const { u8, i32, f64 } = mem;
    // Histogram slots, row-major (slot[r · F + f] = offset of f + bin): one row's slots share a
    // cache line, and its gradient pair is loaded once for all features. (A column-major layout
    // measured ~2.5× slower for this loop: see README.)
    const slot = mem.wide
      ? new Uint32Array(u8.buffer, addr.slot, n * F)
      : new Uint16Array(u8.buffer, addr.slot, n * F);
    for (let r = 0; r < n; r++) {
      const base = r * F;
      for (let f = 0; f < F; f++) slot[base + f] = offsets[f]! + X[base + f]!;
    }
    // Column-major bins for partitions and tree walks (one feature of consecutive rows per
    // cache line).
    for (let r = 0; r < n; r++) {
      const base = r * F;
      for (let f = 0; f < F; f++) u8[addr.cols + f * n + r] = X[base + f]!;
    }
    i32.set(offsets, addr.offsets >> 2);
    for (let i = 0; i < n; i++) f64[(addr.y >> 3) + i] = y[i]!;
    f64.fill(baseMargin, addr.margin >> 3, (addr.margin >> 3) + n);
  }
  const kernels = instantiateKernels(mem.memory, backend.shared);
  backend.begin(mem.memory, kernels);
  // Workers follow the run until it ends, also when training throws.
  try {
    const histCmd = mem.wide ? CMD_HIST32 : CMD_HIST16;
    const histListCmd = mem.wide ? CMD_HIST_LIST32 : CMD_HIST_LIST16;

    const vN = validation ? validation.y.length : 0;
    const vMargin = new Float64Array(vN).fill(baseMargin);
    const validationLoss: number[] = [];
    let bestLoss = Number.POSITIVE_INFINITY;
    let bestIteration = 0;
    const hists = mem.hists;

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
    const findSplit = (node: NodeWork, featureList: Int32Array, nf: number): boolean => {
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
        if (node.scan >= 0) {
          // Found by the scan kernel: this feature's first best split (see wasm/kernels.ts).
          const o = addr.scanResults + (node.scan * F + q) * SCAN_RESULT;
          const { i32, f64 } = mem;
          const bin = i32[(o + 40) >> 2]!;
          const gain = f64[o >> 3]!;
          if (bin >= 0 && gain > bestGain) {
            bestGain = gain;
            found = true;
            best.gain = gain;
            best.feature = f;
            best.bin = bin;
            best.defaultLeft = i32[(o + 44) >> 2] === 1;
            best.right = null;
            best.GL = f64[(o + 8) >> 3]!;
            best.HL = f64[(o + 16) >> 3]!;
            best.GR = f64[(o + 24) >> 3]!;
            best.HR = f64[(o + 32) >> 3]!;
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

    // Split scan in the kernels (numeric features; monotone constraints need the search below).
    {
      const f64 = mem.f64;
      f64[H_LAMBDA >> 3] = lambda;
      f64[H_MIN_CHILD >> 3] = minChild;
      f64[H_MIN_GAIN >> 3] = gamma + 1e-12;
      mem.u8.set(isCat, addr.categorical);
    }
    let scanCount = 0;
    /** Adds `node` (which has a histogram) to the split scan of the next histogram command. */
    const addScan = (node: NodeWork): void => {
      if (hasMono) return;
      const { i32, f64 } = mem;
      const rec = addr.scanNodes + scanCount * SCAN_NODE;
      f64[rec >> 3] = node.G;
      f64[(rec >> 3) + 1] = node.H;
      f64[(rec >> 3) + 2] = (node.G * node.G) / (node.H + lambda);
      i32[(rec >> 2) + 6] = mem.histAddr[node.hist]!;
      i32[(rec >> 2) + 7] = addr.scanResults + scanCount * F * SCAN_RESULT;
      i32[H_SCAN_COUNT >> 2] = scanCount + 1;
      node.scan = scanCount++;
    };

    const trees: Tree[] = [];
    const perm = new Int32Array(F);
    const featureList = new Int32Array(F);
    /** A split waiting for its partition (task `task` of the level) to give its children rows. */
    const pending: { node: NodeWork; left: NodeWork; right: NodeWork; task: number }[] = [];
    let gradientsFresh = false;
    for (let t = 0; t < nTrees; t++) {
      if (!gradientsFresh) backend.run(CMD_GRAD, n, 0);
      // (Views are re-read after taking a histogram: a new one can grow the memory.)
      const { i32, f64 } = mem;
      // Sampled rows first, in order; the others after them (only the tree walk visits those).
      const rows = addr.rows >> 2;
      let m = 0;
      if (subsample < 1) {
        const scratch = addr.scratch >> 2;
        let u = 0;
        for (let i = 0; i < n; i++) {
          if (rng.next() < subsample) i32[rows + m++] = i;
          else i32[scratch + u++] = i;
        }
        i32.copyWithin(rows + m, scratch, scratch + u);
      } else {
        kernels.iota(0, n);
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
      i32.set(featureList.subarray(0, nf), addr.features >> 2);
      const histOf = nf === F ? histCmd : histListCmd;
      const tb = new TreeBuilder();
      kernels.sums(0, m);
      const G0 = f64[H_SUMS >> 3]!;
      const H0 = f64[(H_SUMS >> 3) + 1]!;
      const root: NodeWork = {
        id: tb.add(H0),
        start: 0,
        end: m,
        G: G0,
        H: H0,
        hist: maxDepth > 0 ? mem.takeHist() : -1,
        scan: -1,
        lower: Number.NEGATIVE_INFINITY,
        upper: Number.POSITIVE_INFINITY,
        depth: 0,
      };
      const histTasks = addr.histTasks >> 2;
      if (root.hist >= 0) {
        const ints = mem.i32;
        ints[histTasks] = 0;
        ints[histTasks + 1] = m;
        ints[histTasks + 2] = mem.histAddr[root.hist]!;
        ints[histTasks + 3] = -1;
        scanCount = 0;
        addScan(root);
        backend.run(histOf, 1, nf);
      }
      let level: NodeWork[] = [root];
      let leaves = 1;
      const finished: NodeWork[] = [];
      const partTasks = addr.partTasks >> 2;
      while (level.length > 0) {
        const next: NodeWork[] = [];
        const { u8, i32 } = mem;
        // 1. Splits of the level's nodes; each becomes a partition task: rows moved to the
        // children, or (children that can only be leaves) each row's leaf recorded. Nodes that
        // stay leaves record their rows' leaf too (the root always has rows; other nodes have
        // rows when their parent partitioned them, i.e. above the last level).
        let nPart = 0;
        let nMasks = 0;
        /**
         * Adds the partition task(s) of `node` (split on `best` unless `mode` is PART_FILL) and
         * returns the first's index. Tasks that only record leaves are cut into blocks of rows, so
         * that threads can share a large node.
         */
        const partTask = (
          node: NodeWork,
          mode: number,
          maskAt: number,
          leftId: number,
          rightId: number,
        ): number => {
          const first = nPart;
          const step = mode === PART_SPLIT ? Math.max(node.end - node.start, 1) : PART_BLOCK_ROWS;
          for (let start = node.start; start < node.end || start === node.start; start += step) {
            const o = partTasks + nPart++ * PART_TASK;
            i32[o] = start;
            i32[o + 1] = Math.min(start + step, node.end);
            if (mode !== PART_FILL) {
              const f = best.feature;
              i32[o + 2] = f;
              i32[o + 3] = best.bin;
              i32[o + 4] = nBins[f]! - 1;
              i32[o + 5] = best.defaultLeft ? 1 : 0;
            }
            i32[o + 6] = maskAt;
            i32[o + 7] = mode;
            i32[o + 8] = leftId;
            i32[o + 9] = rightId;
          }
          return first;
        };
        pending.length = 0;
        for (const node of level) {
          const canSplit = node.hist >= 0 && node.depth < maxDepth && (maxLeaves <= 0 || leaves < maxLeaves);
          if (!canSplit || !findSplit(node, featureList, nf)) {
            finished.push(node);
            if (node.hist >= 0) mem.releaseHist(node.hist);
            if (node.depth === 0 || node.depth < maxDepth) partTask(node, PART_FILL, -1, node.id, -1);
            continue;
          }
          leaves++;
          const f = best.feature;
          const right = best.right;
          const childDepth = node.depth + 1;
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
          let maskAt = -1;
          if (right) {
            maskAt = addr.partMasks + nMasks++ * MASK_BYTES;
            u8.fill(0, maskAt, maskAt + MASK_BYTES);
            u8.set(right, maskAt);
          }
          const task = partTask(
            node,
            childDepth < maxDepth ? PART_SPLIT : PART_LEAVES,
            maskAt,
            leftId,
            rightId,
          );
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
          const left: NodeWork = {
            id: leftId,
            start: node.start,
            end: node.end,
            G: best.GL,
            H: best.HL,
            hist: -1,
            scan: -1,
            lower: lLower,
            upper: lUpper,
            depth: childDepth,
          };
          const rightNode: NodeWork = {
            ...left,
            id: rightId,
            G: best.GR,
            H: best.HR,
            lower: rLower,
            upper: rUpper,
          };
          pending.push({ node, left, right: rightNode, task });
          next.push(left, rightNode);
        }
        if (nPart > 0) backend.run(CMD_PART, nPart, 0);
        // 2. Children's row ranges, and the histogram of each smaller child (the parent's
        // histogram becomes the larger child's: parent − smaller, done by the same task); the
        // same command scans the new histograms' numeric features for splits.
        let nTasks = 0;
        scanCount = 0;
        for (const { node, left, right, task } of pending) {
          const l = mem.i32[partTasks + task * PART_TASK + 10]!;
          left.end = l;
          right.start = l;
          if (left.depth < maxDepth) {
            const leftSmaller = l - node.start <= node.end - l;
            const small = leftSmaller ? left : right;
            const large = leftSmaller ? right : left;
            small.hist = mem.takeHist();
            large.hist = node.hist;
            const o = histTasks + nTasks * HIST_TASK;
            const i32now = mem.i32;
            i32now[o] = small.start;
            i32now[o + 1] = small.end;
            i32now[o + 2] = mem.histAddr[small.hist]!;
            i32now[o + 3] = mem.histAddr[node.hist]!;
            nTasks++;
            addScan(left);
            addScan(right);
          } else mem.releaseHist(node.hist);
        }
        if (nTasks > 0) backend.run(histOf, nTasks, nf);
        level = next;
      }
      for (const leaf of finished)
        tb.value[leaf.id] = leafWeight(leaf.G, leaf.H, leaf.lower, leaf.upper) * eta;
      const tree = tb.build();
      {
        const { u8: bytes, i32: ints, f64: floats } = mem;
        floats.set(tree.value, addr.values >> 3);
        if (m < n) {
          // The tree in bin space, for the rows left out of this tree's sample.
          let nMasks = 0;
          for (let id = 0; id < tree.feature.length; id++) {
            const o = (addr.nodes >> 2) + id * NODE;
            const f = tree.feature[id]!;
            ints[o] = f;
            if (f < 0) continue;
            ints[o + 1] = tree.threshold[id]! - 0.5;
            ints[o + 2] = tree.defaultLeft[id]!;
            ints[o + 3] = nBins[f]! - 1;
            ints[o + 4] = tree.left[id]!;
            ints[o + 5] = tree.right[id]!;
            const mask = tree.categoriesRight[id];
            if (mask) {
              const maskAt = addr.treeMasks + nMasks++ * MASK_BYTES;
              bytes.fill(0, maskAt, maskAt + MASK_BYTES);
              bytes.set(mask, maskAt);
              ints[o + 6] = maskAt;
            } else ints[o + 6] = -1;
          }
          backend.run(CMD_WALK, m, n);
        }
      }
      const more = t + 1 < nTrees;
      backend.run(CMD_UPDATE, n, more ? 1 : 0);
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
    const keep = validation ? Math.max(1, bestIteration) : trees.length;
    return { trees: trees.slice(0, keep), baseMargin, bestIteration: keep, validationLoss };
  } finally {
    backend.end();
  }
}
