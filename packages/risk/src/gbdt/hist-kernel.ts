// The inner loops of boosting, shared by the training thread and the optional worker threads
// (./threads/): every thread runs these same functions on its own share of features or rows, so
// each histogram bin and each gradient is computed by exactly one thread, in the same order as a
// single-threaded run — the trained model does not depend on the number of threads.

/** Histogram tasks (start, end, histogram id, parent id or −1) are stored this many ints apart. */
export const TASK_STRIDE = 4;

/** Build the histograms of `tasks[0 .. p0)` over features `featureList[0 .. p1)` (split by feature). */
export const CMD_HIST = 1;
/** Gradients and hessians of rows `0 .. p0)` from their margins (split by row). */
export const CMD_GRAD = 2;
/**
 * Send rows `0 .. p0)` down the tree in `nodes` (split by row), add the leaf value to their margin
 * and, when `p1` is 1, recompute their gradients.
 */
export const CMD_WALK = 3;

/** Tree nodes for {@link CMD_WALK} are stored this many ints apart: see {@link KernelBuffers.nodes}. */
export const NODE_STRIDE = 8;
/** Bytes reserved per categorical split in {@link KernelBuffers.masks}. */
export const MASK_BYTES = 256;

/** The arrays the kernels read and write (plain or SharedArrayBuffer-backed). */
export interface KernelBuffers {
  /** Rows. */
  readonly n: number;
  /** Features. */
  readonly F: number;
  /** Row-major histogram slots: `slot[r · F + f] = 2 · (offsets[f] + bin of row r in f)`. */
  readonly slot: Uint16Array | Uint32Array;
  /** First histogram bin of each feature (`F + 1` entries). */
  readonly offsets: Int32Array;
  /** Outcomes (0/1). */
  readonly y: Float64Array;
  /** Current margin (log-odds) of every row. */
  readonly margin: Float64Array;
  /** Gradients of the log loss. */
  readonly g: Float64Array;
  /** Hessians of the log loss. */
  readonly h: Float64Array;
  /** Row numbers, grouped by tree node (each node owns a contiguous range). */
  readonly rowIdx: Int32Array;
  /** Features used by the current tree, ascending. */
  readonly featureList: Int32Array;
  /** Column-major bins: `cols[f · n + r]`. */
  readonly cols: Uint8Array;
  /** Histogram tasks, {@link TASK_STRIDE} ints each. */
  readonly tasks: Int32Array;
  /**
   * The current tree in bin space, {@link NODE_STRIDE} ints per node: feature (−1 at a leaf),
   * last bin going left, missing goes left (0/1), missing bin, left child, right child, mask
   * index (−1 for a numeric split; else the categorical codes going right are
   * `masks[index · MASK_BYTES + code] = 1`).
   */
  readonly nodes: Int32Array;
  /** Value of each node of the current tree (used at leaves). */
  readonly nodeValue: Float64Array;
  /** Categorical split masks, {@link MASK_BYTES} per split. */
  readonly masks: Uint8Array;
}

/**
 * The share `[lo, hi)` of `total` items that part `part` of `parts` handles (contiguous, sizes
 * differ by at most one).
 *
 * @example share(10, 1, 2); // [5, 10]
 */
export function share(total: number, part: number, parts: number): [number, number] {
  return [Math.floor((total * part) / parts), Math.floor((total * (part + 1)) / parts)];
}

/**
 * Runs one command on this thread's share (`part` of `parts`). The histograms are addressed by
 * id (`hists[id]`), `p0`, `p1` are the command's parameters (see the `CMD_` constants).
 *
 * @example runCommand(k, hists, CMD_GRAD, n, 0, 0, 1); // all gradients on this thread
 */
export function runCommand(
  k: KernelBuffers,
  hists: readonly Float64Array[],
  cmd: number,
  p0: number,
  p1: number,
  part: number,
  parts: number,
): void {
  if (cmd === CMD_HIST) {
    const [q0, q1] = share(p1, part, parts);
    if (q1 > q0) buildHistograms(k, hists, p0, p1, q0, q1);
  } else if (cmd === CMD_GRAD) {
    const [i0, i1] = share(p0, part, parts);
    gradients(k, i0, i1);
  } else if (cmd === CMD_WALK) {
    const [a, b] = share(p0, part, parts);
    walk(k, a, b, p1 === 1);
  } else throw new Error(`unknown boosting command ${cmd}`);
}

/**
 * Gradient/hessian histograms of every task, for features `featureList[q0 .. q1)` only: zeroes
 * those features' bins, accumulates the task's rows in `rowIdx` order, and when the task names a
 * parent histogram subtracts the result from it (the parent becomes the sibling's histogram).
 */
function buildHistograms(
  k: KernelBuffers,
  hists: readonly Float64Array[],
  nTasks: number,
  nf: number,
  q0: number,
  q1: number,
): void {
  const { slot, F, g, h, rowIdx, featureList: fl, offsets, tasks } = k;
  // With every feature in use featureList is 0..F−1: index the slots directly.
  const direct = nf === F;
  for (let t = 0; t < nTasks; t++) {
    const start = tasks[t * TASK_STRIDE]!;
    const end = tasks[t * TASK_STRIDE + 1]!;
    const hist = hists[tasks[t * TASK_STRIDE + 2]!]!;
    const parentId = tasks[t * TASK_STRIDE + 3]!;
    for (let q = q0; q < q1; q++) {
      const f = fl[q]!;
      hist.fill(0, offsets[f]! << 1, offsets[f + 1]! << 1);
    }
    if (direct) {
      for (let i = start; i < end; i++) {
        const r = rowIdx[i]!;
        const gr = g[r]!;
        const hr = h[r]!;
        const base = r * F;
        for (let f = base + q0, e = base + q1; f < e; f++) {
          const b = slot[f]!;
          hist[b]! += gr;
          hist[b + 1]! += hr;
        }
      }
    } else {
      for (let i = start; i < end; i++) {
        const r = rowIdx[i]!;
        const gr = g[r]!;
        const hr = h[r]!;
        const base = r * F;
        for (let q = q0; q < q1; q++) {
          const b = slot[base + fl[q]!]!;
          hist[b]! += gr;
          hist[b + 1]! += hr;
        }
      }
    }
    if (parentId >= 0) {
      const parent = hists[parentId]!;
      for (let q = q0; q < q1; q++) {
        const f = fl[q]!;
        for (let b = offsets[f]! << 1, e = offsets[f + 1]! << 1; b < e; b++) parent[b]! -= hist[b]!;
      }
    }
  }
}

/** Log-loss gradients and hessians of rows `i0 .. i1)` from their margins. */
function gradients(k: KernelBuffers, i0: number, i1: number): void {
  const { margin, y, g, h } = k;
  for (let i = i0; i < i1; i++) {
    const p = 1 / (1 + Math.exp(-margin[i]!));
    g[i] = p - y[i]!;
    h[i] = Math.max(p * (1 - p), 1e-16);
  }
}

/**
 * Sends rows `a .. b)` down the current tree and adds the leaf value to their margin; with
 * `grad`, also recomputes their gradients (fused, so the rows are visited once per tree).
 */
function walk(k: KernelBuffers, a: number, b: number, grad: boolean): void {
  const { n, margin, y, g, h, cols, nodes, nodeValue, masks } = k;
  for (let r = a; r < b; r++) {
    let node = 0;
    for (let f = nodes[0]!; f >= 0; f = nodes[node * NODE_STRIDE]!) {
      const o = node * NODE_STRIDE;
      const bin = cols[f * n + r]!;
      const mask = nodes[o + 6]!;
      const left =
        mask >= 0
          ? masks[mask * MASK_BYTES + bin] === 0
          : bin === nodes[o + 3]!
            ? nodes[o + 2] === 1
            : bin <= nodes[o + 1]!;
      node = left ? nodes[o + 4]! : nodes[o + 5]!;
    }
    const z = margin[r]! + nodeValue[node]!;
    margin[r] = z;
    if (grad) {
      const p = 1 / (1 + Math.exp(-z));
      g[r] = p - y[r]!;
      h[r] = Math.max(p * (1 - p), 1e-16);
    }
  }
}
