// Layout of the shared control block (Int32Array over a SharedArrayBuffer) through which the
// training thread drives the histogram workers of one training run. All fields are read and
// written with Atomics, which also orders the plain reads and writes of the kernel buffers.
//
// A command is split into chunks (groups of features, or blocks of rows) that the training
// thread and the workers grab one at a time from a shared counter, so a worker that is slow to
// wake (a busy machine) just takes fewer chunks; whoever computes a chunk computes it the same way.

import type { KernelBuffers } from '../hist-kernel.ts';

/** Command sequence number: the training thread bumps it (and notifies) to issue a command. */
export const SEQ = 0;
/** Command (hist-kernel.ts `CMD_*`) and its two parameters. */
export const CMD = 1;
export const P0 = 2;
export const P1 = 3;
/** Number of chunks of the current command. */
export const CHUNKS = 4;
/** Next chunk to grab, tagged with the command: `(seq & 0x7fff) << 16 | chunk`. */
export const NEXT = 5;
/** Chunks finished so far (the training thread waits on this). */
export const DONE = 6;
/** Set to 1 by a worker whose kernel threw. */
export const ERR = 7;
/** Set to 1 when the run is over: workers return to their event loop. */
export const CLOSED = 8;
/** Chunks computed by workers in this run (statistics). */
export const WORKER_CHUNKS = 9;
/** Ints in a control block. */
export const CTRL_LENGTH = 10;

/** The tagged value of {@link NEXT} for chunk `chunk` of command `seq`. */
export const tagged = (seq: number, chunk: number): number => ((seq & 0x7fff) << 16) | chunk;

/**
 * Grabs the next chunk of command `seq`: its index, or −1 when none is left (or the command is
 * no longer current).
 *
 * @example const c = grab(ctrl, seq, chunks); if (c >= 0) runCommand(…, c, chunks);
 */
export function grab(ctrl: Int32Array, seq: number, chunks: number): number {
  for (;;) {
    const v = Atomics.load(ctrl, NEXT);
    if (v >>> 16 !== (seq & 0x7fff)) return -1;
    const c = v & 0xffff;
    if (c >= chunks) return -1;
    if (Atomics.compareExchange(ctrl, NEXT, v, v + 1) === v) return c;
  }
}

/** Message starting a run on a worker (through its parentPort). */
export interface JobMessage {
  readonly job: number;
  readonly ctrl: Int32Array;
  readonly buffers: KernelBuffers;
}

/** Message announcing a histogram of a run (through the worker's private port). */
export interface HistMessage {
  readonly job: number;
  readonly index: number;
  readonly hist: Float64Array;
}
