// The WebAssembly memory of one training run: where each array of the kernels lives (the header
// at address 0 tells the kernels), JavaScript views of it, and a pool of histograms that grows
// the memory when more are needed.
import { MAX_PAGES } from './kernels.ts';
import {
  H_CATEGORICAL,
  H_COLS,
  H_F,
  H_FEATURES,
  H_GH,
  H_HIST_TASKS,
  H_LEAF,
  H_MARGIN,
  H_N,
  H_NODES,
  H_OFFSETS,
  H_PART_TASKS,
  H_ROWS,
  H_SCAN_NODES,
  H_SCRATCH,
  H_SLOT,
  H_VALUES,
  H_Y,
  HEADER_BYTES,
  HIST_TASK,
  MASK_BYTES,
  NODE,
  PART_TASK,
  SCAN_NODE,
  SCAN_RESULT,
} from './layout.ts';
import { type WasmMemory, wasm } from './webassembly.ts';

/** Rows per partition task that only records leaves (large nodes are shared between threads). */
export const PART_BLOCK_ROWS = 16384;

const PAGE = 65536;

/** Sizes of a run: rows, features, histogram bins in all, and most nodes / leaves per tree. */
export interface BoostShape {
  readonly n: number;
  readonly F: number;
  readonly bins: number;
  readonly leafCap: number;
  readonly nodeCap: number;
}

/** Byte addresses of the arrays (see the `H_` fields in kernels.ts). */
export interface BoostAddresses {
  readonly slot: number;
  readonly cols: number;
  readonly gh: number;
  readonly margin: number;
  readonly y: number;
  readonly rows: number;
  readonly scratch: number;
  readonly leaf: number;
  readonly offsets: number;
  readonly features: number;
  readonly histTasks: number;
  readonly nodes: number;
  readonly values: number;
  readonly partTasks: number;
  /** Masks of the categorical partitions of a level, one per partition task. */
  readonly partMasks: number;
  /** Masks of the categorical splits of the current tree (for walks). */
  readonly treeMasks: number;
  readonly scanNodes: number;
  /** Split-scan results, F per scan node. */
  readonly scanResults: number;
  readonly categorical: number;
  /** First byte after the fixed arrays: histograms follow. */
  readonly end: number;
}

/**
 * Lays out the arrays of a run, 64-byte aligned. Slots are 16-bit unless there are more than
 * 65,535 bins in all (`wide`).
 *
 * @example boostAddresses({ n: 1000, F: 3, bins: 40, leafCap: 16, nodeCap: 32 }).slot; // 128
 */
export function boostAddresses(s: BoostShape, wide: boolean): BoostAddresses {
  let at = HEADER_BYTES;
  const take = (bytes: number): number => {
    const a = at;
    at += Math.ceil(Math.max(bytes, 1) / 64) * 64;
    return a;
  };
  const n = s.n;
  return {
    slot: take(n * s.F * (wide ? 4 : 2)),
    cols: take(n * s.F),
    gh: take(n * 16),
    margin: take(n * 8),
    y: take(n * 8),
    rows: take(n * 4),
    scratch: take(n * 4),
    leaf: take(n * 4),
    offsets: take((s.F + 1) * 4),
    features: take(s.F * 4),
    histTasks: take(s.leafCap * HIST_TASK * 4),
    nodes: take(s.nodeCap * NODE * 4),
    values: take(s.nodeCap * 8),
    // A level's nodes, plus the blocks that large leaf-recording tasks are cut into.
    partTasks: take((s.leafCap + Math.ceil(n / PART_BLOCK_ROWS) + 1) * PART_TASK * 4),
    partMasks: take(s.leafCap * MASK_BYTES),
    treeMasks: take(s.leafCap * MASK_BYTES),
    scanNodes: take(s.leafCap * SCAN_NODE),
    scanResults: take(s.leafCap * s.F * SCAN_RESULT),
    categorical: take(s.F),
    end: at,
  };
}

/** The memory of one run, its views and its histogram pool. */
export class BoostMemory {
  readonly memory: WasmMemory;
  readonly addr: BoostAddresses;
  readonly wide: boolean;
  /** Whole-memory views, replaced when the memory grows. */
  u8!: Uint8Array;
  i32!: Int32Array;
  f64!: Float64Array;
  /** Histogram `id`: its view (gradient, hessian pairs) and byte address. */
  readonly hists: Float64Array[] = [];
  readonly histAddr: number[] = [];
  private readonly free: number[] = [];
  private readonly histBytes: number;
  private readonly maxPages: number;
  private top: number;

  constructor(
    readonly shape: BoostShape,
    shared: boolean,
  ) {
    this.wide = shape.bins > 0xffff;
    this.addr = boostAddresses(shape, this.wide);
    this.top = this.addr.end;
    this.histBytes = Math.max(shape.bins, 1) * 16;
    // Room for every histogram a tree can hold at once (one per node of a level), capped.
    const most = this.top + (shape.leafCap + 1) * this.histBytes;
    this.maxPages = Math.min(MAX_PAGES, Math.ceil(most / PAGE));
    const initial = Math.min(this.maxPages, Math.ceil((this.top + 4 * this.histBytes) / PAGE));
    this.memory = new wasm.Memory({ initial, maximum: this.maxPages, shared });
    this.bind();
    const h = this.i32;
    const a = this.addr;
    h[H_N >> 2] = shape.n;
    h[H_F >> 2] = shape.F;
    h[H_SLOT >> 2] = a.slot;
    h[H_COLS >> 2] = a.cols;
    h[H_GH >> 2] = a.gh;
    h[H_MARGIN >> 2] = a.margin;
    h[H_Y >> 2] = a.y;
    h[H_ROWS >> 2] = a.rows;
    h[H_SCRATCH >> 2] = a.scratch;
    h[H_LEAF >> 2] = a.leaf;
    h[H_OFFSETS >> 2] = a.offsets;
    h[H_FEATURES >> 2] = a.features;
    h[H_HIST_TASKS >> 2] = a.histTasks;
    h[H_NODES >> 2] = a.nodes;
    h[H_VALUES >> 2] = a.values;
    h[H_PART_TASKS >> 2] = a.partTasks;
    h[H_SCAN_NODES >> 2] = a.scanNodes;
    h[H_CATEGORICAL >> 2] = a.categorical;
  }

  private bind(): void {
    const buf = this.memory.buffer;
    this.u8 = new Uint8Array(buf);
    this.i32 = new Int32Array(buf);
    this.f64 = new Float64Array(buf);
    for (let id = 0; id < this.hists.length; id++)
      this.hists[id] = new Float64Array(buf, this.histAddr[id]!, this.histBytes / 8);
  }

  /** A free histogram's id (its bins are not cleared: the histogram kernel zeroes them). */
  takeHist(): number {
    const id = this.free.pop();
    if (id !== undefined) return id;
    const at = this.top;
    const need = Math.ceil((at + this.histBytes) / PAGE);
    const pages = this.memory.buffer.byteLength / PAGE;
    if (need > pages) {
      if (need > this.maxPages)
        throw new RangeError(
          'gbdt: the trees need more histogram memory than 2 GiB (lower maxDepth or maxLeaves)',
        );
      this.memory.grow(Math.min(this.maxPages, Math.max(need, Math.ceil(pages * 1.25))) - pages);
    }
    this.top += this.histBytes;
    this.histAddr.push(at);
    this.hists.push(new Float64Array(0));
    this.bind();
    return this.hists.length - 1;
  }

  /** Returns histogram `id` to the pool. */
  releaseHist(id: number): void {
    this.free.push(id);
  }
}
