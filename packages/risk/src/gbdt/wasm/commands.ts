// Commands of the boosting kernels (./kernels.ts) and how each splits into chunks, shared by the
// training thread and the optional worker threads (../threads/): every thread runs these same
// calls on its own chunks, and each chunk's output (a feature's histogram bins, a row's
// gradient, a node's rows) is written by one call, in single-threaded order — the trained model
// does not depend on the number of threads or on who computed which chunk.
import type { Kernels } from './kernels.ts';

/**
 * Histograms of tasks `0 .. p0)` over features `0 .. p1)` (all features, 16-bit slots), then the
 * split scan of those features for the scan nodes.
 */
export const CMD_HIST16 = 1;
/** The same with 32-bit slots (more than 65,535 bins in all). */
export const CMD_HIST32 = 2;
/** Histograms of tasks `0 .. p0)` over the feature list `0 .. p1)`, 16-bit slots. */
export const CMD_HIST_LIST16 = 3;
/** The same with 32-bit slots. */
export const CMD_HIST_LIST32 = 4;
/** Gradients and hessians of rows `0 .. p0)` from their margins. */
export const CMD_GRAD = 5;
/** Add each row's leaf value to its margin (rows `0 .. p0)`); with `p1` = 1 also recompute gradients. */
export const CMD_UPDATE = 6;
/** Walk rows `rowIdx[p0 .. p1)` down the current tree and record their leaves. */
export const CMD_WALK = 7;
/** Partition tasks `0 .. p0)`. */
export const CMD_PART = 8;

/** Rows per chunk of row commands (small enough that a late thread costs little). */
const ROWS_PER_CHUNK = 8192;
/** Most chunks a command is split into (chunk numbers are 16-bit in the control block). */
export const MAX_CHUNKS = 0xffff;

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
 * How many chunks a command is split into for `threads` threads: histograms one group of
 * features per thread (each group reads every row once, so more groups would repeat the row
 * loads), partitions one node each, row commands blocks of rows.
 *
 * @example chunksFor(CMD_GRAD, 100_000, 0, 2); // 13
 */
export function chunksFor(cmd: number, p0: number, p1: number, threads: number): number {
  if (cmd <= CMD_HIST_LIST32) return Math.min(p1, threads);
  if (cmd === CMD_PART) return Math.min(p0, MAX_CHUNKS);
  const rows = cmd === CMD_WALK ? p1 - p0 : p0;
  return Math.min(MAX_CHUNKS, rows, Math.max(threads, Math.ceil(rows / ROWS_PER_CHUNK)));
}

/**
 * Runs chunk `part` of `parts` of a command with `k`.
 *
 * @example runCommand(k, CMD_GRAD, n, 0, 0, 1); // all gradients on this thread
 */
export function runCommand(
  k: Kernels,
  cmd: number,
  p0: number,
  p1: number,
  part: number,
  parts: number,
): void {
  switch (cmd) {
    case CMD_HIST16:
    case CMD_HIST32:
    case CMD_HIST_LIST16:
    case CMD_HIST_LIST32: {
      const [q0, q1] = share(p1, part, parts);
      if (q1 <= q0) return;
      if (cmd === CMD_HIST16) k.hist16(p0, q0, q1);
      else if (cmd === CMD_HIST32) k.hist32(p0, q0, q1);
      else if (cmd === CMD_HIST_LIST16) k.histList16(p0, q0, q1);
      else k.histList32(p0, q0, q1);
      // The same thread then searches these features of the new histograms for splits.
      k.scan(q0, q1, cmd === CMD_HIST_LIST16 || cmd === CMD_HIST_LIST32 ? 1 : 0);
      return;
    }
    case CMD_GRAD: {
      const [a, b] = share(p0, part, parts);
      k.grad(a, b);
      return;
    }
    case CMD_UPDATE: {
      const [a, b] = share(p0, part, parts);
      k.update(a, b, p1);
      return;
    }
    case CMD_WALK: {
      const [a, b] = share(p1 - p0, part, parts);
      k.walk(p0 + a, p0 + b);
      return;
    }
    case CMD_PART: {
      const [a, b] = share(p0, part, parts);
      k.part(a, b);
      return;
    }
    default:
      throw new Error(`unknown boosting command ${cmd}`);
  }
}
