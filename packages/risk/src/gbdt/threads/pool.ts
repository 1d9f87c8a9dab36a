// Worker-thread backend for boosting (the only module of @puhui/risk that touches threads).
//
// A process-wide pool of kernel workers (./kernel-worker.ts) is started on first use and kept,
// unref'd, for later trainings. A training run's kernel memory is a shared WebAssembly memory
// that every worker instantiates the kernels on, and the training thread drives the workers
// synchronously through a control block (./protocol.ts): it writes a command, bumps a sequence
// number, then it and the workers grab the command's chunks (groups of features for histograms,
// nodes for partitions, blocks of rows for gradients and tree walks) from a shared counter; the
// training thread waits only for chunks a worker is still computing. trainGbdt therefore stays a
// synchronous function.
//
// Determinism: chunks are never reduced across threads (a histogram bin belongs to one feature,
// a gradient to one row, a row range to one node), so every number is computed by one thread in
// single-threaded order and the model is byte-identical for any thread count and any division of
// chunks. That also makes the pool optional at every step: workers that are still starting, slow
// to wake on a busy machine, or failed to start simply take fewer (or no) chunks.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { BoostBackend } from '../booster.ts';
import { chunksFor, runCommand } from '../wasm/commands.ts';
import type { Kernels } from '../wasm/kernels.ts';
import { type WasmMemory, wasm } from '../wasm/webassembly.ts';
import {
  CHUNKS,
  CLOSED,
  CMD,
  CTRL_LENGTH,
  DONE,
  ERR,
  grab,
  type JobMessage,
  NEXT,
  P0,
  P1,
  SEQ,
  Spin,
  tagged,
  WORKER_CHUNKS,
  waitChange,
} from './protocol.ts';

/** Upper bound on threads, whatever is asked for. */
const MAX_THREADS = 64;
/** Give up on a worker that has not finished a command after this many 100 ms waits (5 min). */
const MAX_WAITS = 3000;
/** How long the training thread spins for a worker's chunk before it blocks (adapted: see Spin). */
const SPIN_MS = 0.5;

interface PoolWorker {
  readonly worker: Worker;
  alive: boolean;
}

type Entry = { readonly script: string } | { readonly url: URL };

const pool: PoolWorker[] = [];
let entry: Entry | null | undefined;
let jobs = 0;
let failures = 0;
const stats = { runs: 0, commands: 0, parallelCommands: 0, workerChunks: 0 };

/**
 * How to start a worker. From a JavaScript build, ./kernel-worker.js directly. From TypeScript
 * sources (tsx in the CLI, vitest in tests), Node 20 does not apply `--import tsx` hooks to a
 * worker's entry module, so the worker runs a two-line script that registers tsx's require hook
 * (`tsx/cjs/api`, resolved from this package) and then requires ./kernel-worker.ts.
 */
function workerEntry(): Entry | null {
  if (entry !== undefined) return entry;
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    try {
      const tsxApi = createRequire(self).resolve('tsx/cjs/api');
      const file = fileURLToPath(new URL('./kernel-worker.ts', self));
      entry = {
        script: `require(${JSON.stringify(tsxApi)}).register();\nrequire(${JSON.stringify(file)});\n`,
      };
    } catch {
      entry = null;
    }
  } else entry = { url: new URL('./kernel-worker.js', self) };
  return entry;
}

/** Workers 0 .. count−1 of the pool (worker i uses slot i of a control block), restarting dead ones. */
function workers(count: number): PoolWorker[] | null {
  const e = workerEntry();
  if (!e) return null;
  for (let index = 0; index < count; index++) {
    if (pool[index]?.alive) continue;
    const options = { workerData: { index } };
    let worker: Worker;
    try {
      worker = 'script' in e ? new Worker(e.script, { ...options, eval: true }) : new Worker(e.url, options);
    } catch {
      entry = null;
      return null;
    }
    const pw: PoolWorker = { worker, alive: true };
    // A worker that fails to load or dies is dropped (after a few failures threads are given up
    // for the process); runs never wait for a worker that has not joined them, so a failure only
    // costs parallelism.
    worker.on('error', () => {
      pw.alive = false;
      if (++failures >= 3) entry = null;
    });
    worker.on('exit', () => {
      pw.alive = false;
    });
    worker.unref();
    pool[index] = pw;
  }
  return pool.slice(0, count);
}

/**
 * Counters of the threaded runs in this process: runs, commands issued, commands in which a
 * worker computed at least one chunk, and chunks computed by workers (for tests and benchmarks).
 *
 * @example threadStats().parallelCommands; // > 0 once workers have joined a run
 */
export function threadStats(): Readonly<typeof stats> {
  return { ...stats };
}

/**
 * Starts `count` pool workers (if not yet running) and resolves once each has loaded, so that
 * the next training uses them from its first command. Optional: a training starts missing
 * workers itself and lets them join when they are ready. Resolves false when they cannot start.
 *
 * @example await startWorkers(1); // true
 */
export async function startWorkers(count: number): Promise<boolean> {
  const team = count > 0 ? workers(Math.min(count, MAX_THREADS - 1)) : [];
  if (!team) return false;
  const up = await Promise.all(
    team.map(
      (w) =>
        new Promise<boolean>((resolve) => {
          if (!w.alive) {
            resolve(false);
            return;
          }
          const ping = new MessageChannel();
          ping.port1.once('message', () => {
            ping.port1.close();
            resolve(true);
          });
          w.worker.once('exit', () => resolve(false));
          w.worker.postMessage({ ping: ping.port2 }, [ping.port2]);
        }),
    ),
  );
  return up.every(Boolean);
}

let sharedMemory: boolean | undefined;

/** Whether this runtime can share WebAssembly memory between threads. */
function canShareMemory(): boolean {
  if (sharedMemory === undefined) {
    try {
      sharedMemory =
        typeof SharedArrayBuffer === 'function' &&
        typeof Atomics.wait === 'function' &&
        new wasm.Memory({ initial: 1, maximum: 1, shared: true }).buffer instanceof SharedArrayBuffer;
    } catch {
      sharedMemory = false;
    }
  }
  return sharedMemory;
}

/**
 * A {@link BoostBackend} that splits the boosting kernels across worker threads, or null when
 * one thread should be used: `threads` ≤ 1, or `threads` undefined and the data not `large`, or
 * one core only, or no shared WebAssembly memory / worker entry.
 *
 * @example boost(binned, y, params, undefined, threadedBackend(2, true) ?? localBackend());
 */
export function threadedBackend(threads: number | undefined, large: boolean): BoostBackend | null {
  const want = Math.min(MAX_THREADS, Math.floor(threads ?? (large ? availableParallelism() : 1)));
  if (!(want > 1) || !canShareMemory()) return null;
  const team = workers(want - 1);
  return team ? new ThreadedBackend(team) : null;
}

class ThreadedBackend implements BoostBackend {
  readonly shared = true;
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(CTRL_LENGTH * 4));
  private readonly job = ++jobs;
  private k: Kernels | null = null;
  private seq = 0;
  private readonly spin = new Spin(SPIN_MS);

  constructor(private readonly team: readonly PoolWorker[]) {}

  begin(memory: WasmMemory, kernels: Kernels): void {
    this.k = kernels;
    stats.runs++;
    const msg: JobMessage = { job: this.job, ctrl: this.ctrl, memory };
    for (const w of this.team) w.worker.postMessage(msg);
  }

  run(cmd: number, p0: number, p1: number): void {
    const ctrl = this.ctrl;
    const k = this.k!;
    const chunks = chunksFor(cmd, p0, p1, this.team.length + 1);
    stats.commands++;
    if (chunks <= 1) {
      runCommand(k, cmd, p0, p1, 0, 1);
      return;
    }
    const seq = ++this.seq;
    Atomics.store(ctrl, CMD, cmd);
    Atomics.store(ctrl, P0, p0);
    Atomics.store(ctrl, P1, p1);
    Atomics.store(ctrl, CHUNKS, chunks);
    Atomics.store(ctrl, DONE, 0);
    Atomics.store(ctrl, NEXT, tagged(seq, 0));
    const before = Atomics.load(ctrl, WORKER_CHUNKS);
    Atomics.store(ctrl, SEQ, seq);
    Atomics.notify(ctrl, SEQ);
    let mine = 0;
    for (let c = grab(ctrl, seq, chunks); c >= 0; c = grab(ctrl, seq, chunks)) {
      runCommand(k, cmd, p0, p1, c, chunks);
      mine++;
      Atomics.add(ctrl, DONE, 1);
    }
    let waits = 0;
    for (let v = Atomics.load(ctrl, DONE); v < chunks; ) {
      const now = waitChange(ctrl, DONE, v, this.spin, 100);
      if (now === v && ++waits > MAX_WAITS) {
        this.end();
        throw new Error('gbdt: a kernel worker thread stopped responding');
      }
      v = now;
    }
    if (mine < chunks) {
      stats.parallelCommands++;
      stats.workerChunks += Atomics.load(ctrl, WORKER_CHUNKS) - before;
    }
    if (Atomics.load(ctrl, ERR) !== 0) {
      this.end();
      throw new Error('gbdt: a kernel worker thread failed');
    }
  }

  end(): void {
    Atomics.store(this.ctrl, CLOSED, 1);
    Atomics.store(this.ctrl, SEQ, ++this.seq);
    Atomics.notify(this.ctrl, SEQ);
    this.k = null;
  }
}
