// Layout of the shared control block (Int32Array over a SharedArrayBuffer) through which the
// training thread drives the kernel workers of one training run. All fields are read and
// written with Atomics, which also orders the plain reads and writes of the kernel buffers.
//
// A command is split into chunks (groups of features, nodes, or blocks of rows) that the training
// thread and the workers grab one at a time from a shared counter, so a worker that is slow to
// wake (a busy machine) just takes fewer chunks; whoever computes a chunk computes it the same way.

import type { WasmMemory } from '../wasm/webassembly.ts';

/** Command sequence number: the training thread bumps it (and notifies) to issue a command. */
export const SEQ = 0;
/** Command (wasm/commands.ts `CMD_*`) and its two parameters. */
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

/** Message starting a run on a worker (through its parentPort): the run's memory and control block. */
export interface JobMessage {
  readonly job: number;
  readonly ctrl: Int32Array;
  readonly memory: WasmMemory;
}

/**
 * How long a thread spins before it blocks, adapted to what spinning achieved: a change seen
 * while spinning doubles the budget (up to `maxMs`), a spin that ran out halves it (down to
 * 1/64 of `maxMs`). On a quiet machine the next command comes within a fraction of a
 * millisecond and waking a blocked thread costs about as much as a small command, so threads
 * spin; on a busy one the other thread is often descheduled, and spinning would only take CPU
 * time from it and from everyone else.
 */
export class Spin {
  ms: number;
  constructor(readonly maxMs: number) {
    this.ms = maxMs;
  }
}

/**
 * Waits until `ctrl[index]` is no longer `value`: spins for up to `spin.ms` first, then blocks
 * with `Atomics.wait` for up to `waitMs`. Returns the new value, or `value` when the time ran out.
 *
 * @example const seq = waitChange(ctrl, SEQ, seen, spin, 1000);
 */
export function waitChange(
  ctrl: Int32Array,
  index: number,
  value: number,
  spin: Spin,
  waitMs: number,
): number {
  let v = Atomics.load(ctrl, index);
  if (v !== value) return v;
  const t0 = performance.now();
  for (let i = 1; ; i++) {
    v = Atomics.load(ctrl, index);
    if (v !== value) {
      spin.ms = Math.min(spin.maxMs, spin.ms * 2);
      return v;
    }
    if ((i & 255) === 0 && performance.now() - t0 > spin.ms) break;
  }
  spin.ms = Math.max(spin.maxMs / 64, spin.ms / 2);
  Atomics.wait(ctrl, index, value, waitMs);
  return Atomics.load(ctrl, index);
}
