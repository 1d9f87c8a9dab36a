// A minimal WebAssembly binary writer: enough to express the boosting kernels (./kernels.ts) as
// readable TypeScript and assemble them at run time, with no build step and no dependency. It
// covers one imported memory, functions with i32/i64/f64/v128 locals, structured control flow,
// loads and stores, integer and float arithmetic and the few SIMD instructions the kernels use.

/** Value types. */
export const i32 = 0x7f;
export const i64 = 0x7e;
export const f64 = 0x7c;
export const v128 = 0x7b;
export type ValType = typeof i32 | typeof i64 | typeof f64 | typeof v128;

/** Instructions: bytes, possibly nested (flattened when assembled). */
export type Code = number | readonly Code[];

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** Signed LEB128 of a 64-bit integer. */
function sleb64(n: bigint): number[] {
  const out: number[] = [];
  let v = BigInt.asIntN(64, n);
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function flatten(code: Code, out: number[]): number[] {
  if (typeof code === 'number') out.push(code);
  else for (const c of code) flatten(c, out);
  return out;
}

const vec = (items: readonly number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => vec([...new TextEncoder().encode(s)].map((b) => [b]));
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const memarg = (offset: number, align: number): number[] => [...uleb(align), ...uleb(offset)];

// ---- instructions ---------------------------------------------------------------------------
export const get = (local: number): Code => [0x20, ...uleb(local)];
export const set = (local: number): Code => [0x21, ...uleb(local)];
export const tee = (local: number): Code => [0x22, ...uleb(local)];
export const i32c = (v: number): Code => [0x41, ...sleb(v)];
export const i64c = (v: bigint): Code => [0x42, ...sleb64(v)];
export const f64c = (v: number): Code => {
  const b = new Uint8Array(new Float64Array([v]).buffer);
  return [0x44, ...b];
};
/** Loads and stores take the static byte offset (default 0); alignment hints are natural. */
export const i32load = (offset = 0): Code => [0x28, ...memarg(offset, 2)];
export const f64load = (offset = 0): Code => [0x2b, ...memarg(offset, 3)];
export const i32load8u = (offset = 0): Code => [0x2d, ...memarg(offset, 0)];
export const i32load16u = (offset = 0): Code => [0x2f, ...memarg(offset, 1)];
export const i32store = (offset = 0): Code => [0x36, ...memarg(offset, 2)];
export const f64store = (offset = 0): Code => [0x39, ...memarg(offset, 3)];
export const i32store8 = (offset = 0): Code => [0x3a, ...memarg(offset, 0)];
export const i32store16 = (offset = 0): Code => [0x3b, ...memarg(offset, 1)];
export const v128load = (offset = 0): Code => [0xfd, ...uleb(0x00), ...memarg(offset, 4)];
export const v128store = (offset = 0): Code => [0xfd, ...uleb(0x0b), ...memarg(offset, 4)];

/** Operators without immediates. */
export const op = {
  drop: 0x1a,
  select: 0x1b,
  i32eqz: 0x45,
  i32eq: 0x46,
  i32ne: 0x47,
  i32lts: 0x48,
  i32ltu: 0x49,
  i32gts: 0x4a,
  i32gtu: 0x4b,
  i32les: 0x4c,
  i32leu: 0x4d,
  i32ges: 0x4e,
  i32geu: 0x4f,
  f64eq: 0x61,
  f64ne: 0x62,
  f64lt: 0x63,
  f64gt: 0x64,
  f64le: 0x65,
  f64ge: 0x66,
  i32add: 0x6a,
  i32sub: 0x6b,
  i32mul: 0x6c,
  i32and: 0x71,
  i32or: 0x72,
  i32xor: 0x73,
  i32shl: 0x74,
  i32shrs: 0x75,
  i32shru: 0x76,
  i64add: 0x7c,
  i64sub: 0x7d,
  i64and: 0x83,
  i64or: 0x84,
  i64shl: 0x86,
  i64shrs: 0x87,
  i64shru: 0x88,
  f64abs: 0x99,
  f64neg: 0x9a,
  f64add: 0xa0,
  f64sub: 0xa1,
  f64mul: 0xa2,
  f64div: 0xa3,
  f64min: 0xa4,
  f64max: 0xa5,
  i32wrapi64: 0xa7,
  i32truncf64s: 0xaa,
  i64extendi32s: 0xac,
  i64extendi32u: 0xad,
  f64converti32s: 0xb7,
  i64reinterpretf64: 0xbd,
  f64reinterpreti64: 0xbf,
} as const;

/** SIMD operators without immediates. */
export const simd = {
  f64x2splat: [0xfd, ...uleb(0x14)],
  f64x2eq: [0xfd, ...uleb(0x47)],
  f64x2ne: [0xfd, ...uleb(0x48)],
  f64x2lt: [0xfd, ...uleb(0x49)],
  f64x2ge: [0xfd, ...uleb(0x4c)],
  v128and: [0xfd, ...uleb(0x4e)],
  v128or: [0xfd, ...uleb(0x50)],
  v128bitselect: [0xfd, ...uleb(0x52)],
  v128anyTrue: [0xfd, ...uleb(0x53)],
  i64x2extendLowI32x4s: [0xfd, ...uleb(0xc7)],
  i64x2shl: [0xfd, ...uleb(0xcb)],
  i64x2add: [0xfd, ...uleb(0xce)],
  f64x2abs: [0xfd, ...uleb(0xec)],
  f64x2neg: [0xfd, ...uleb(0xed)],
  f64x2add: [0xfd, ...uleb(0xf0)],
  f64x2sub: [0xfd, ...uleb(0xf1)],
  f64x2mul: [0xfd, ...uleb(0xf2)],
  f64x2div: [0xfd, ...uleb(0xf3)],
  f64x2max: [0xfd, ...uleb(0xf5)],
  i32x4truncSatF64x2sZero: [0xfd, ...uleb(0xfc)],
  f64x2convertLowI32x4s: [0xfd, ...uleb(0xfe)],
} as const;

/** Lane `lane` of an f64x2 as f64. */
export const f64x2extract = (lane: number): Code => [0xfd, ...uleb(0x21), lane];
/** (f64x2, f64) → the f64x2 with lane `lane` replaced. */
export const f64x2replace = (lane: number): Code => [0xfd, ...uleb(0x22), lane];
/** A v128 constant of two f64 lanes. */
export const f64x2c = (lo: number, hi: number): Code => [
  0xfd,
  ...uleb(0x0c),
  ...new Uint8Array(new Float64Array([lo, hi]).buffer),
];
/** A v128 constant of two i64 lanes. */
export const i64x2c = (lo: bigint, hi: bigint): Code => [
  0xfd,
  ...uleb(0x0c),
  ...new Uint8Array(new BigInt64Array([lo, hi]).buffer),
];
/** `i8x16.shuffle` of two v128 (byte indices 0–15 pick from the first, 16–31 from the second). */
export const shuffle = (lanes: readonly number[]): Code => [0xfd, ...uleb(0x0d), ...lanes];

const EMPTY = 0x40;
/** `block … end` (a `br` to it jumps past the end). */
export const block = (...body: Code[]): Code => [0x02, EMPTY, body, 0x0b];
/** `loop … end` (a `br` to it jumps back to the start). */
export const loop = (...body: Code[]): Code => [0x03, EMPTY, body, 0x0b];
/** `if … else … end` on the i32 on the stack. */
export const ifElse = (then: Code, otherwise?: Code): Code =>
  otherwise === undefined ? [0x04, EMPTY, then, 0x0b] : [0x04, EMPTY, then, 0x05, otherwise, 0x0b];
/** `if (result f64) … else … end`. */
export const ifF64 = (then: Code, otherwise: Code): Code => [0x04, f64, then, 0x05, otherwise, 0x0b];
export const br = (depth: number): Code => [0x0c, ...uleb(depth)];
export const brIf = (depth: number): Code => [0x0d, ...uleb(depth)];
/** `br_table`: branch to `labels[i]` for the i32 i on the stack (or to `otherwise`). */
export const brTable = (labels: readonly number[], otherwise: number): Code => [
  0x0e,
  ...uleb(labels.length),
  ...labels.flatMap((l) => uleb(l)),
  ...uleb(otherwise),
];
export const ret: Code = 0x0f;
/** `memory.copy`: (destination, source, bytes) → (), overlapping ranges allowed. */
export const memoryCopy: Code = [0xfc, ...uleb(10), 0x00, 0x00];
export const call = (fn: number): Code => [0x10, ...uleb(fn)];

/**
 * `for (local = from; local < to; local += step) body` on i32 locals (unsigned compare); inside
 * `body` a `br(1)` continues and a `br(2)` breaks.
 *
 * @example forRange(i, get(start), get(end), 1, body)
 */
export function forRange(local: number, from: Code, to: Code, step: number, ...body: Code[]): Code {
  return [
    from,
    set(local),
    block(
      loop(
        get(local),
        to,
        op.i32geu,
        brIf(1),
        block(...body),
        get(local),
        i32c(step),
        op.i32add,
        set(local),
        br(0),
      ),
    ),
  ];
}

/** One function of a module. */
export interface WasmFunction {
  readonly name: string;
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
  /** Locals after the parameters (their indices continue the parameters'). */
  readonly locals: readonly ValType[];
  readonly body: Code;
}

/** Memory imported as `env.memory`. */
export interface MemoryImport {
  readonly initialPages: number;
  readonly maximumPages: number;
  readonly shared: boolean;
}

/**
 * Assembles a module that imports `env.memory` and exports every function by name (functions
 * are numbered in order, for {@link call}).
 *
 * @example new WebAssembly.Module(assemble(memory, [{ name: 'f', params: [], results: [i32], locals: [], body: i32c(1) }]));
 */
export function assemble(memory: MemoryImport, functions: readonly WasmFunction[]): Uint8Array {
  const types = functions.map((f) => [
    0x60,
    ...vec(f.params.map((t) => [t])),
    ...vec(f.results.map((t) => [t])),
  ]);
  const limits = memory.shared
    ? [0x03, ...uleb(memory.initialPages), ...uleb(memory.maximumPages)]
    : [0x01, ...uleb(memory.initialPages), ...uleb(memory.maximumPages)];
  const imports = vec([[...name('env'), ...name('memory'), 0x02, ...limits]]);
  const funcs = vec(functions.map((_, i) => uleb(i)));
  const exports = vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]));
  const bodies = functions.map((f) => {
    const groups: number[][] = [];
    for (const t of f.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]!++;
      else groups.push([1, t]);
    }
    const body = [...vec(groups.map(([count, t]) => [...uleb(count!), t!])), ...flatten(f.body, []), 0x0b];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, imports),
    ...section(3, funcs),
    ...section(7, exports),
    ...section(10, vec(bodies)),
  ]);
}
