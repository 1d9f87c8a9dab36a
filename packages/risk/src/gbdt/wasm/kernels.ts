// The inner loops of boosting as one WebAssembly module, assembled at run time (./assembler.ts)
// from the kernels in ./exp-kernels.ts, ./histogram-kernels.ts and ./row-kernels.ts.
// WebAssembly runs these loops 3–4× faster than the same loops on JavaScript typed arrays (no
// bounds checks, and one SIMD add updates a bin's gradient and hessian together), and its float
// arithmetic is exactly IEEE 754 double, operation for operation: every number comes out bit for
// bit as the plain JavaScript formulas would give it.
//
// All kernels work on one linear memory laid out as ./layout.ts describes. Each kernel handles a
// range of rows, features or tasks, so a command can be split across threads that share the
// memory; each output number is written by exactly one call, in single-threaded order.
import { assemble, type WasmFunction } from './assembler.ts';
import { expFunction, expx2Function } from './exp-kernels.ts';
import { histFunction, scanFunction } from './histogram-kernels.ts';
import {
  gradFunction,
  iotaFunction,
  partFunction,
  sumsFunction,
  updateFunction,
  walkFunction,
} from './row-kernels.ts';
import { type WasmMemory, type WasmModule, wasm } from './webassembly.ts';

/** The exported kernels (see {@link kernelFunctions}). */
export interface Kernels {
  hist16(nTasks: number, q0: number, q1: number): void;
  hist32(nTasks: number, q0: number, q1: number): void;
  histList16(nTasks: number, q0: number, q1: number): void;
  histList32(nTasks: number, q0: number, q1: number): void;
  grad(r0: number, r1: number): void;
  update(r0: number, r1: number, grad: number): void;
  walk(i0: number, i1: number): void;
  part(t0: number, t1: number): void;
  sums(i0: number, i1: number): void;
  scan(q0: number, q1: number, list: number): void;
  iota(i0: number, i1: number): void;
  exp(x: number): number;
}

/** Every kernel, `exp` first (the others call it by index). */
export function kernelFunctions(): WasmFunction[] {
  return [
    expFunction(),
    expx2Function(),
    histFunction(false, false),
    histFunction(true, false),
    histFunction(false, true),
    histFunction(true, true),
    gradFunction(),
    updateFunction(),
    walkFunction(),
    partFunction(),
    sumsFunction(),
    scanFunction(),
    iotaFunction(),
  ];
}

/** Largest memory a kernel module accepts: 2 GiB in 64 KiB pages (addresses stay positive i32). */
export const MAX_PAGES = 32768;

const modules = new Map<boolean, WasmModule>();

/**
 * The compiled kernel module for a shared or a plain memory (assembled and compiled once per
 * process and kind).
 *
 * @example new WebAssembly.Instance(kernelModule(false), { env: { memory } });
 */
export function kernelModule(shared: boolean): WasmModule {
  let m = modules.get(shared);
  if (!m) {
    m = new wasm.Module(assemble({ initialPages: 1, maximumPages: MAX_PAGES, shared }, kernelFunctions()));
    modules.set(shared, m);
  }
  return m;
}

/**
 * The kernels bound to `memory` (whose header the caller fills).
 *
 * @example const k = instantiateKernels(new wasm.Memory({ initial: 1, maximum: MAX_PAGES }), false);
 */
export function instantiateKernels(memory: WasmMemory, shared: boolean): Kernels {
  return new wasm.Instance(kernelModule(shared), { env: { memory } }).exports as unknown as Kernels;
}
