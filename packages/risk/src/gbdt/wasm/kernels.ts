// The inner loops of boosting as a WebAssembly module, assembled at run time (./assembler.ts).
// WebAssembly runs these loops 3–4× faster than the same loops on JavaScript typed arrays (no
// bounds checks, and one SIMD add updates a bin's gradient and hessian together), and its
// float arithmetic is exactly IEEE 754 double, operation for operation: every number comes out
// bit for bit as the plain JavaScript formulas would give it. `exp` is fdlibm's algorithm, the
// one V8's `Math.exp` uses, so training does not depend on the engine's `Math.exp` either.
//
// All kernels work on one linear memory whose layout is described by a header at address 0
// (the `H_` byte offsets below, filled by the booster). Each kernel handles a range of rows,
// features or tasks, so a command can be split across threads that share the memory; each output
// number is written by exactly one call, in single-threaded order.
import {
  assemble,
  block,
  br,
  brIf,
  brTable,
  type Code,
  call,
  f64,
  f64c,
  f64load,
  f64store,
  f64x2c,
  f64x2extract,
  f64x2replace,
  forRange,
  get,
  i32,
  i32c,
  i32load,
  i32load8u,
  i32load16u,
  i32store,
  i64c,
  i64x2c,
  ifElse,
  ifF64,
  loop,
  memoryCopy,
  op,
  ret,
  set,
  shuffle,
  simd,
  tee,
  type ValType,
  v128,
  v128load,
  v128store,
  type WasmFunction,
} from './assembler.ts';
import { type WasmMemory, type WasmModule, wasm } from './webassembly.ts';

// ---- memory header (byte offsets of i32 fields; addresses are byte addresses) ----------------
/** Rows. */
export const H_N = 0;
/** Features. */
export const H_F = 4;
/** Row-major histogram slots, u16 (or u32 when wide): `slot[r·F + f] = offsets[f] + bin`. */
export const H_SLOT = 8;
/** Column-major bins, u8: `cols[f·n + r]`. */
export const H_COLS = 12;
/** Gradient and hessian of each row, interleaved f64 pairs. */
export const H_GH = 16;
/** Margin (log-odds) of each row, f64. */
export const H_MARGIN = 20;
/** Outcome of each row (0/1), f64. */
export const H_Y = 24;
/** Row numbers grouped by node, i32. */
export const H_ROWS = 28;
/** Scratch for partitions, i32, as long as the rows. */
export const H_SCRATCH = 32;
/** Leaf (node id) each row reached in the current tree, i32. */
export const H_LEAF = 36;
/** First histogram pair of each feature, i32 (F + 1 entries). */
export const H_OFFSETS = 40;
/** Features of the current tree, ascending, i32. */
export const H_FEATURES = 44;
/** Histogram tasks, {@link HIST_TASK} i32 each. */
export const H_HIST_TASKS = 48;
/** Current tree for walks, {@link NODE} i32 per node. */
export const H_NODES = 52;
/** Value of each node of the current tree, f64. */
export const H_VALUES = 56;
/** Partition tasks, {@link PART_TASK} i32 each. */
export const H_PART_TASKS = 64;
/** Split-scan nodes, {@link SCAN_NODE} bytes each. */
export const H_SCAN_NODES = 68;
/** Number of split-scan nodes of the current histogram command. */
export const H_SCAN_COUNT = 72;
/** Per feature: 1 if categorical (u8). */
export const H_CATEGORICAL = 76;
/** Gradient and hessian sums written by `sums` (two f64). */
export const H_SUMS = 80;
/** L2 penalty on leaf weights (f64). */
export const H_LAMBDA = 96;
/** Minimum hessian sum of a child (f64). */
export const H_MIN_CHILD = 104;
/** A split must gain more than this (f64): gamma + 1e−12. */
export const H_MIN_GAIN = 112;
/** Bytes reserved for the header. */
export const HEADER_BYTES = 128;

/** Histogram task: first row index, end row index, histogram address, parent address or −1. */
export const HIST_TASK = 4;
/**
 * Partition task (i32 fields): 0 first row index, 1 end, 2 feature, 3 last bin going left,
 * 4 missing bin, 5 missing goes left (0/1), 6 mask address or −1 for a numeric split, 7 mode
 * ({@link PART_SPLIT}, {@link PART_LEAVES}, {@link PART_FILL}), 8 left id, 9 right id, 10 (out)
 * index of the first row going right.
 */
export const PART_TASK = 12;
/** Stable in-place partition of the rows (left keeps its order, then right). */
export const PART_SPLIT = 0;
/** Record each row's leaf (left or right id) without moving rows. */
export const PART_LEAVES = 1;
/** Record the left id as every row's leaf. */
export const PART_FILL = 2;
/**
 * Split-scan node (bytes): 0 G, 8 H, 16 parent score (f64); 24 histogram address, 28 address
 * of its results (i32): {@link SCAN_RESULT} bytes per feature-list position.
 */
export const SCAN_NODE = 32;
/**
 * Best split of one numeric feature of a node (bytes): 0 gain, 8 G left, 16 H left, 24 G right,
 * 32 H right (f64); 40 last bin going left, −1 when there is no split (or the feature is
 * categorical); 44 missing goes left (0/1).
 */
export const SCAN_RESULT = 48;
/** Tree node for walks (i32 fields): feature (−1 leaf), last bin left, missing left, missing bin, left, right, mask address (−1 numeric). */
export const NODE = 8;
/** Bytes per categorical mask (codes are uint8). */
export const MASK_BYTES = 256;

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

const hdr = (field: number): Code => [i32c(0), i32load(field)];

// ---- exp: fdlibm e_exp.c (as in V8's base/ieee754.cc) ------------------------------------------
// Constants as the shortest decimals of fdlibm's doubles (the same bits).
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = Math.LOG2E;
const EXP_P = [
  0.16666666666666602, -0.0027777777777015593, 0.00006613756321437934, -0.0000016533902205465252,
  4.1381367970572385e-8,
];
/** Above this, exp overflows; below the next, it underflows to 0. */
const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019411;

function expFunction(): WasmFunction {
  // params: x(0); locals: hx(1) xsb(2) k(3) hi(4) lo(5) t(6) c(7) y(8) twopk(9)
  const X = 0;
  const HX = 1;
  const XSB = 2;
  const K = 3;
  const HI = 4;
  const LO = 5;
  const T = 6;
  const C = 7;
  const Y = 8;
  const TWOPK = 9;
  const highWord = [get(X), op.i64reinterpretf64, i64c(32n), op.i64shru, op.i32wrapi64];
  const pow2 = (kPlus: number): Code => [
    get(K),
    i32c(kPlus),
    op.i32add,
    op.i64extendi32s,
    i64c(52n),
    op.i64shl,
    op.f64reinterpreti64,
  ];
  const body: Code = [
    highWord,
    tee(HX),
    i32c(31),
    op.i32shru,
    set(XSB),
    get(HX),
    i32c(0x7fffffff),
    op.i32and,
    set(HX),
    // |x| ≥ 709.78: overflow, underflow, infinities and NaN.
    get(HX),
    i32c(0x40862e42),
    op.i32geu,
    ifElse([
      get(HX),
      i32c(0x7ff00000),
      op.i32geu,
      ifElse([
        get(HX),
        i32c(0xfffff),
        op.i32and,
        get(X),
        op.i64reinterpretf64,
        op.i32wrapi64,
        op.i32or,
        ifElse([get(X), get(X), op.f64add, ret]),
        get(XSB),
        ifF64(f64c(0), get(X)),
        ret,
      ]),
      get(X),
      f64c(EXP_OVERFLOW),
      op.f64gt,
      ifElse([f64c(Number.POSITIVE_INFINITY), ret]),
      get(X),
      f64c(EXP_UNDERFLOW),
      op.f64lt,
      ifElse([f64c(0), ret]),
    ]),
    // Argument reduction: x = hi − lo = x − k·ln2.
    get(HX),
    i32c(0x3fd62e42),
    op.i32gtu,
    ifElse(
      [
        get(HX),
        i32c(0x3ff0a2b2),
        op.i32ltu,
        ifElse(
          [
            get(X),
            f64c(1),
            op.f64eq,
            ifElse([f64c(Math.E), ret]),
            // hi = x − ±ln2hi, lo = ±ln2lo, k = ±1
            get(X),
            f64c(-LN2_HI),
            f64c(LN2_HI),
            get(XSB),
            op.select,
            op.f64sub,
            set(HI),
            f64c(-LN2_LO),
            f64c(LN2_LO),
            get(XSB),
            op.select,
            set(LO),
            i32c(1),
            get(XSB),
            op.i32sub,
            get(XSB),
            op.i32sub,
            set(K),
          ],
          [
            f64c(INV_LN2),
            get(X),
            op.f64mul,
            f64c(-0.5),
            f64c(0.5),
            get(XSB),
            op.select,
            op.f64add,
            op.i32truncf64s,
            tee(K),
            op.f64converti32s,
            set(T),
            get(X),
            get(T),
            f64c(LN2_HI),
            op.f64mul,
            op.f64sub,
            set(HI),
            get(T),
            f64c(LN2_LO),
            op.f64mul,
            set(LO),
          ],
        ),
        get(HI),
        get(LO),
        op.f64sub,
        set(X),
      ],
      [
        // |x| < 2^−28: 1 + x.
        get(HX),
        i32c(0x3e300000),
        op.i32ltu,
        ifElse([f64c(1), get(X), op.f64add, ret]),
        i32c(0),
        set(K),
      ],
    ),
    get(X),
    get(X),
    op.f64mul,
    set(T),
    get(K),
    i32c(-1021),
    op.i32ges,
    ifElse([pow2(1023), set(TWOPK)], [pow2(1023 + 1000), set(TWOPK)]),
    // c = x − t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5))))
    get(X),
    get(T),
    f64c(EXP_P[0]!),
    get(T),
    f64c(EXP_P[1]!),
    get(T),
    f64c(EXP_P[2]!),
    get(T),
    f64c(EXP_P[3]!),
    get(T),
    f64c(EXP_P[4]!),
    op.f64mul,
    op.f64add,
    op.f64mul,
    op.f64add,
    op.f64mul,
    op.f64add,
    op.f64mul,
    op.f64add,
    op.f64mul,
    op.f64sub,
    set(C),
    get(K),
    op.i32eqz,
    ifElse([
      // 1 − ((x·c)/(c − 2) − x)
      f64c(1),
      get(X),
      get(C),
      op.f64mul,
      get(C),
      f64c(2),
      op.f64sub,
      op.f64div,
      get(X),
      op.f64sub,
      op.f64sub,
      ret,
    ]),
    // y = 1 − ((lo − (x·c)/(2 − c)) − hi)
    f64c(1),
    get(LO),
    get(X),
    get(C),
    op.f64mul,
    f64c(2),
    get(C),
    op.f64sub,
    op.f64div,
    op.f64sub,
    get(HI),
    op.f64sub,
    op.f64sub,
    set(Y),
    get(K),
    i32c(-1021),
    op.i32ges,
    ifElse([
      get(K),
      i32c(1024),
      op.i32eq,
      ifElse([get(Y), f64c(2), op.f64mul, f64c(2 ** 1023), op.f64mul, ret]),
      get(Y),
      get(TWOPK),
      op.f64mul,
      ret,
    ]),
    get(Y),
    get(TWOPK),
    op.f64mul,
    f64c(2 ** -1000),
    op.f64mul,
  ];
  return {
    name: 'exp',
    params: [f64],
    results: [f64],
    locals: [i32, i32, i32, f64, f64, f64, f64, f64, f64],
    body,
  };
}

/** Indices of `exp` and `expx2` among the functions (for calls). */
const EXP_INDEX = 0;
const EXPX2_INDEX = 1;

/** The double whose high 32 bits are `high` and low bits 0. */
const fromHighWord = (high: number): number => {
  const v = new DataView(new ArrayBuffer(8));
  v.setUint32(0, high);
  return v.getFloat64(0);
};

/**
 * expx2(x): `exp` of both lanes of an f64x2, bit for bit as {@link expFunction} gives them.
 * Lanes with 2^−28 ≤ |x| < 512 take a branch-free path that does fdlibm's three argument
 * reductions (k = 0 below ½·ln 2, k = ±1 below 1.5·ln 2, else k = trunc(x/ln 2 ± ½)) with the
 * same operations and selects the lane's one; the k = 0 formula is the general one with hi = x,
 * lo = 0 (identical in IEEE arithmetic), and exp(1) is E as fdlibm special-cases it. Any other
 * lane (tiny, huge, NaN) sends both lanes through the scalar function.
 */
function expx2Function(): WasmFunction {
  // param x(0); locals ax(1) kf(2) hi(3) lo(4) t(5) c(6) sign(7) one(8)
  const X = 0;
  const AX = 1;
  const KF = 2;
  const HI = 3;
  const LO = 4;
  const T = 5;
  const C = 6;
  const SIGN = 7;
  const ONE = 8;
  const splat = (v: number): Code => f64x2c(v, v);
  const body: Code = [
    get(X),
    simd.f64x2abs,
    tee(AX),
    splat(2 ** -28),
    simd.f64x2lt,
    get(AX),
    splat(512),
    simd.f64x2ge,
    simd.v128or,
    get(X),
    get(X),
    simd.f64x2ne,
    simd.v128or,
    simd.v128anyTrue,
    ifElse([
      get(X),
      get(X),
      f64x2extract(0),
      call(EXP_INDEX),
      f64x2replace(0),
      get(X),
      f64x2extract(1),
      call(EXP_INDEX),
      f64x2replace(1),
      ret,
    ]),
    get(X),
    splat(1),
    simd.f64x2eq,
    set(ONE),
    get(X),
    i64x2c(-0x8000000000000000n, -0x8000000000000000n),
    simd.v128and,
    set(SIGN),
    // k for |x| ≥ 1.5·ln 2: trunc(x/ln 2 ± ½) (as f64)
    splat(INV_LN2),
    get(X),
    simd.f64x2mul,
    get(SIGN),
    splat(0.5),
    simd.v128or,
    simd.f64x2add,
    simd.i32x4truncSatF64x2sZero,
    simd.f64x2convertLowI32x4s,
    // k for ½·ln 2 < |x| < 1.5·ln 2: ±1; below: 0
    get(SIGN),
    splat(1),
    simd.v128or,
    splat(0),
    get(AX),
    splat(fromHighWord(0x3fd62e43)),
    simd.f64x2ge,
    simd.v128bitselect,
    get(AX),
    splat(fromHighWord(0x3ff0a2b2)),
    simd.f64x2ge,
    simd.v128bitselect,
    tee(KF),
    // hi = x − k·ln2hi, lo = k·ln2lo, x = hi − lo
    splat(LN2_HI),
    simd.f64x2mul,
    set(HI),
    get(X),
    get(HI),
    simd.f64x2sub,
    set(HI),
    get(KF),
    splat(LN2_LO),
    simd.f64x2mul,
    set(LO),
    get(HI),
    get(LO),
    simd.f64x2sub,
    tee(X),
    get(X),
    simd.f64x2mul,
    set(T),
    // c = x − t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5))))
    get(X),
    get(T),
    splat(EXP_P[0]!),
    get(T),
    splat(EXP_P[1]!),
    get(T),
    splat(EXP_P[2]!),
    get(T),
    splat(EXP_P[3]!),
    get(T),
    splat(EXP_P[4]!),
    simd.f64x2mul,
    simd.f64x2add,
    simd.f64x2mul,
    simd.f64x2add,
    simd.f64x2mul,
    simd.f64x2add,
    simd.f64x2mul,
    simd.f64x2add,
    simd.f64x2mul,
    simd.f64x2sub,
    set(C),
    // (1 − ((lo − (x·c)/(2 − c)) − hi)) · 2^k
    splat(1),
    get(LO),
    get(X),
    get(C),
    simd.f64x2mul,
    splat(2),
    get(C),
    simd.f64x2sub,
    simd.f64x2div,
    simd.f64x2sub,
    get(HI),
    simd.f64x2sub,
    simd.f64x2sub,
    get(KF),
    simd.i32x4truncSatF64x2sZero,
    simd.i64x2extendLowI32x4s,
    i64x2c(1023n, 1023n),
    simd.i64x2add,
    i32c(52),
    simd.i64x2shl,
    simd.f64x2mul,
    // exp(1) = E
    set(T),
    splat(Math.E),
    get(T),
    get(ONE),
    simd.v128bitselect,
  ];
  return {
    name: 'expx2',
    params: [v128],
    results: [v128],
    locals: [v128, v128, v128, v128, v128, v128, v128, v128],
    body,
  };
}

/**
 * Stores the log-loss gradient and hessian of margin `z` (local) for outcome at `yAddr` (local)
 * into the pair at `ghAddr` (local): p = 1/(1 + e^−z), g = p − y, h = max(p(1 − p), 1e−16).
 */
function gradientOf(z: number, p: number, yAddr: number, ghAddr: number): Code {
  return [
    f64c(1),
    f64c(1),
    get(z),
    op.f64neg,
    call(EXP_INDEX),
    op.f64add,
    op.f64div,
    set(p),
    get(ghAddr),
    get(p),
    get(yAddr),
    f64load(),
    op.f64sub,
    f64store(0),
    get(ghAddr),
    get(p),
    f64c(1),
    get(p),
    op.f64sub,
    op.f64mul,
    f64c(1e-16),
    op.f64max,
    f64store(8),
  ];
}

/**
 * The gradient/hessian pairs of rows `r` and r + 1 (local `r`) from their margins (v128 local
 * `zv`), stored in place: the same formulas as {@link gradientOf}, lane by lane. `p`, `g` are
 * v128 scratch locals.
 */
function gradientsOf2(zv: number, r: number, p: number, g: number): Code {
  const splat = (v: number): Code => f64x2c(v, v);
  return [
    splat(1),
    splat(1),
    get(zv),
    simd.f64x2neg,
    call(EXPX2_INDEX),
    simd.f64x2add,
    simd.f64x2div,
    tee(p),
    hdr(H_Y),
    get(r),
    i32c(3),
    op.i32shl,
    op.i32add,
    v128load(),
    simd.f64x2sub,
    set(g),
    get(p),
    splat(1),
    get(p),
    simd.f64x2sub,
    simd.f64x2mul,
    splat(1e-16),
    simd.f64x2max,
    set(p),
    // interleave: (g_r, h_r), (g_r+1, h_r+1)
    hdr(H_GH),
    get(r),
    i32c(4),
    op.i32shl,
    op.i32add,
    tee(r),
    get(g),
    get(p),
    shuffle([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]),
    v128store(),
    get(r),
    get(g),
    get(p),
    shuffle([8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31]),
    v128store(16),
  ];
}

/**
 * Rows `r0 .. r1` two at a time (`pair`, with row r and r + 1), then the last one alone
 * (`single`, row r); `R` and `R1` are the row locals.
 */
function byPairs(R: number, R1: number, pair: Code, single: Code): Code {
  return [
    block(
      loop(
        get(R),
        i32c(2),
        op.i32add,
        get(R1),
        op.i32gtu,
        brIf(1),
        block(pair),
        get(R),
        i32c(2),
        op.i32add,
        set(R),
        br(0),
      ),
    ),
    get(R),
    get(R1),
    op.i32ltu,
    ifElse(single),
  ];
}

/** grad(r0, r1): gradients and hessians of rows r0 .. r1 from their margins. */
function gradFunction(): WasmFunction {
  // params r(0) r1(1); locals z(2) p(3) ya(4) ga(5) zv(6) pv(7) gv(8) ra(9)
  const R = 0;
  const R1 = 1;
  const Z = 2;
  const P = 3;
  const YA = 4;
  const GA = 5;
  const ZV = 6;
  const PV = 7;
  const GV = 8;
  const RA = 9;
  return {
    name: 'grad',
    params: [i32, i32],
    results: [],
    locals: [f64, f64, i32, i32, v128, v128, v128, i32],
    body: byPairs(
      R,
      R1,
      [
        hdr(H_MARGIN),
        get(R),
        i32c(3),
        op.i32shl,
        op.i32add,
        v128load(),
        set(ZV),
        get(R),
        set(RA),
        gradientsOf2(ZV, RA, PV, GV),
      ],
      [
        hdr(H_MARGIN),
        get(R),
        i32c(3),
        op.i32shl,
        op.i32add,
        f64load(),
        set(Z),
        hdr(H_Y),
        get(R),
        i32c(3),
        op.i32shl,
        op.i32add,
        set(YA),
        hdr(H_GH),
        get(R),
        i32c(4),
        op.i32shl,
        op.i32add,
        set(GA),
        gradientOf(Z, P, YA, GA),
      ],
    ),
  };
}

/**
 * update(r0, r1, grad): adds the value of each row's leaf to its margin and, when `grad` is 1,
 * recomputes its gradient and hessian.
 */
function updateFunction(): WasmFunction {
  // params r(0) r1(1) grad(2); locals z(3) p(4) ya(5) ga(6) ma(7) zv(8) pv(9) gv(10) ra(11)
  const R = 0;
  const R1 = 1;
  const GRAD = 2;
  const Z = 3;
  const P = 4;
  const YA = 5;
  const GA = 6;
  const MA = 7;
  const ZV = 8;
  const PV = 9;
  const GV = 10;
  const RA = 11;
  const leafValue = (row: Code): Code => [
    hdr(H_VALUES),
    hdr(H_LEAF),
    row,
    i32c(2),
    op.i32shl,
    op.i32add,
    i32load(),
    i32c(3),
    op.i32shl,
    op.i32add,
    f64load(),
  ];
  return {
    name: 'update',
    params: [i32, i32, i32],
    results: [],
    locals: [f64, f64, i32, i32, i32, v128, v128, v128, i32],
    body: byPairs(
      R,
      R1,
      [
        hdr(H_MARGIN),
        get(R),
        i32c(3),
        op.i32shl,
        op.i32add,
        tee(MA),
        get(MA),
        v128load(),
        leafValue(get(R)),
        simd.f64x2splat,
        leafValue([get(R), i32c(1), op.i32add]),
        f64x2replace(1),
        simd.f64x2add,
        tee(ZV),
        v128store(),
        get(GRAD),
        ifElse([get(R), set(RA), gradientsOf2(ZV, RA, PV, GV)]),
      ],
      [
        hdr(H_MARGIN),
        get(R),
        i32c(3),
        op.i32shl,
        op.i32add,
        tee(MA),
        get(MA),
        f64load(),
        leafValue(get(R)),
        op.f64add,
        tee(Z),
        f64store(),
        get(GRAD),
        ifElse([
          hdr(H_Y),
          get(R),
          i32c(3),
          op.i32shl,
          op.i32add,
          set(YA),
          hdr(H_GH),
          get(R),
          i32c(4),
          op.i32shl,
          op.i32add,
          set(GA),
          gradientOf(Z, P, YA, GA),
        ]),
      ],
    ),
  };
}

/** iota(i0, i1): rowIdx[i] = i for i in i0 .. i1 (every row, in order, at the root). */
function iotaFunction(): WasmFunction {
  const I = 0;
  const I1 = 1;
  return {
    name: 'iota',
    params: [i32, i32],
    results: [],
    locals: [],
    body: forRange(
      I,
      get(I),
      get(I1),
      1,
      hdr(H_ROWS),
      get(I),
      i32c(2),
      op.i32shl,
      op.i32add,
      get(I),
      i32store(),
    ),
  };
}

/** sums(i0, i1): Σ g and Σ h over rows rowIdx[i0 .. i1), in order, stored at {@link H_SUMS}. */
function sumsFunction(): WasmFunction {
  const I = 0;
  const I1 = 1;
  const ACC = 2;
  return {
    name: 'sums',
    params: [i32, i32],
    results: [],
    locals: [v128],
    body: [
      forRange(
        I,
        get(I),
        get(I1),
        1,
        get(ACC),
        hdr(H_GH),
        hdr(H_ROWS),
        get(I),
        i32c(2),
        op.i32shl,
        op.i32add,
        i32load(),
        i32c(4),
        op.i32shl,
        op.i32add,
        v128load(),
        simd.f64x2add,
        set(ACC),
      ),
      i32c(0),
      get(ACC),
      v128store(H_SUMS),
    ],
  };
}

/**
 * Histogram kernels: for each task, zero the bins of features `q0 .. q1)` (of all features, or
 * of the feature list with `list`), add every row's gradient/hessian pair into the bin of each
 * of those features (rows in rowIdx order), and subtract the result from the parent histogram
 * when the task names one (the parent becomes the sibling's histogram).
 */
/** Slots of a row handled per loop iteration in the histogram kernel. */
const UNROLL = 16;

function histFunction(wide: boolean, list: boolean): WasmFunction {
  // params: nTasks(0) q0(1) q1(2); locals: t(3) task(4) hist(5) i(6) end(7) r(8) s(9) e(10)
  // a(11) q(12) b(13) lst(14) v(15)
  const NT = 0;
  const Q0 = 1;
  const Q1 = 2;
  const T = 3;
  const TASK = 4;
  const HIST = 5;
  const I = 6;
  const END = 7;
  const R = 8;
  const S = 9;
  const E = 10;
  const A = 11;
  const Q = 12;
  const B = 13;
  const LST = 14;
  const V = 15;
  const width = wide ? 4 : 2;
  const slotAt = (o: number): Code => (wide ? i32load(o) : i32load16u(o));
  /** hist pair of slot value on the stack += v. */
  const add: Code = [
    i32c(4),
    op.i32shl,
    get(HIST),
    op.i32add,
    tee(A),
    get(A),
    v128load(),
    get(V),
    simd.f64x2add,
    v128store(),
  ];
  /** Feature f of list position q (or q itself). */
  const featureAt = (q: number): Code =>
    list ? [get(LST), get(q), i32c(2), op.i32shl, op.i32add, i32load()] : get(q);
  /** Byte range of feature (on stack) in a histogram: [hist + 16·offsets[f], hist + 16·offsets[f+1]). */
  const rangeOf = (f: Code): Code => [
    hdr(H_OFFSETS),
    f,
    i32c(2),
    op.i32shl,
    op.i32add,
    tee(B),
    i32load(),
    i32c(4),
    op.i32shl,
    set(S),
    get(B),
    i32load(4),
    i32c(4),
    op.i32shl,
    set(E),
  ];
  // The last `E` (< UNROLL) slots of a row: a jump past the first UNROLL − E of the blocks
  // below leaves exactly slots E − 1 .. 0 to run (the order of a row's features does not matter:
  // each has its own bins).
  let tail: Code = [
    get(E),
    brTable(
      Array.from({ length: UNROLL }, (_, k) => UNROLL - 1 - k),
      0,
    ),
  ];
  for (let k = UNROLL - 1; k >= 1; k--) tail = [block(tail), get(S), slotAt((k - 1) * width), add];
  tail = block(tail);
  const rowLoop: Code = list
    ? [
        // slots of row r at features lst[q0 .. q1)
        forRange(
          Q,
          get(Q0),
          get(Q1),
          1,
          get(S),
          get(LST),
          get(Q),
          i32c(2),
          op.i32shl,
          op.i32add,
          i32load(),
          i32c(width === 4 ? 2 : 1),
          op.i32shl,
          op.i32add,
          slotAt(0),
          add,
        ),
      ]
    : [
        get(S),
        get(Q0),
        i32c(width === 4 ? 2 : 1),
        op.i32shl,
        op.i32add,
        set(S),
        get(Q1),
        get(Q0),
        op.i32sub,
        set(E),
        // UNROLL slots at a time, then the 0 .. UNROLL − 1 left by a jump into straight code
        block(
          loop(
            get(E),
            i32c(UNROLL),
            op.i32lts,
            brIf(1),
            Array.from({ length: UNROLL }, (_, u) => [get(S), slotAt(u * width), add]),
            get(S),
            i32c(UNROLL * width),
            op.i32add,
            set(S),
            get(E),
            i32c(UNROLL),
            op.i32sub,
            set(E),
            br(0),
          ),
        ),
        tail,
      ];
  const body: Code = [
    hdr(H_FEATURES),
    set(LST),
    forRange(
      T,
      i32c(0),
      get(NT),
      1,
      hdr(H_HIST_TASKS),
      get(T),
      i32c(4 * HIST_TASK),
      op.i32mul,
      op.i32add,
      tee(TASK),
      i32load(8),
      set(HIST),
      // zero the features' bins
      forRange(
        Q,
        get(Q0),
        get(Q1),
        1,
        rangeOf(featureAt(Q)),
        block(
          loop(
            get(S),
            get(E),
            op.i32geu,
            brIf(1),
            get(HIST),
            get(S),
            op.i32add,
            f64x2c(0, 0),
            v128store(),
            get(S),
            i32c(16),
            op.i32add,
            set(S),
            br(0),
          ),
        ),
      ),
      // accumulate the rows
      hdr(H_ROWS),
      get(TASK),
      i32load(4),
      i32c(2),
      op.i32shl,
      op.i32add,
      set(END),
      forRange(
        I,
        [hdr(H_ROWS), get(TASK), i32load(0), i32c(2), op.i32shl, op.i32add],
        get(END),
        4,
        get(I),
        i32load(),
        set(R),
        hdr(H_GH),
        get(R),
        i32c(4),
        op.i32shl,
        op.i32add,
        v128load(),
        set(V),
        // S = address of row r's first slot
        hdr(H_SLOT),
        get(R),
        hdr(H_F),
        op.i32mul,
        i32c(width === 4 ? 2 : 1),
        op.i32shl,
        op.i32add,
        set(S),
        rowLoop,
      ),
      // parent −= this
      get(TASK),
      i32load(12),
      tee(A),
      i32c(0),
      op.i32ges,
      ifElse([
        forRange(
          Q,
          get(Q0),
          get(Q1),
          1,
          rangeOf(featureAt(Q)),
          block(
            loop(
              get(S),
              get(E),
              op.i32geu,
              brIf(1),
              get(A),
              get(S),
              op.i32add,
              get(A),
              get(S),
              op.i32add,
              v128load(),
              get(HIST),
              get(S),
              op.i32add,
              v128load(),
              simd.f64x2sub,
              v128store(),
              get(S),
              i32c(16),
              op.i32add,
              set(S),
              br(0),
            ),
          ),
        ),
      ]),
    ),
  ];
  return {
    name: `hist${list ? 'List' : ''}${wide ? 32 : 16}`,
    params: [i32, i32, i32],
    results: [],
    locals: [i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, v128],
    body,
  };
}

/**
 * scan(q0, q1, list): for every split-scan node, the best split of each numeric feature at
 * feature-list positions q0 .. q1 (or features q0 .. q1 when `list` is 0) — the loop of the
 * booster's split search without monotone constraints, same operations in the same order:
 * bins in order, missing values right then (when the node has any) left, the first best gain
 * kept.
 */
function scanFunction(): WasmFunction {
  // params q0(0) q1(1) list(2); i32 locals s(3) rec(4) hist(5) q(6) f(7) out(8) a(9) end(10)
  // sides(11) bin(12) b(13) side(14) dl(15); f64 locals G(16) H(17) ps(18) gm(19) hm(20)
  // GL(21) HL(22) gl(23) hl(24) GR(25) HR(26) gain(27) best(28) bgl(29) bhl(30) bGR(31)
  // bHR(32) lambda(33) mc(34) hb(35)
  const Q0 = 0;
  const Q1 = 1;
  const LIST = 2;
  const S = 3;
  const REC = 4;
  const HIST = 5;
  const Q = 6;
  const FEAT = 7;
  const OUT = 8;
  const A = 9;
  const END = 10;
  const SIDES = 11;
  const BIN = 12;
  const B = 13;
  const SIDE = 14;
  const DL = 15;
  const G = 16;
  const H = 17;
  const PS = 18;
  const GM = 19;
  const HM = 20;
  const GLs = 21;
  const HLs = 22;
  const gl = 23;
  const hl = 24;
  const GR = 25;
  const HR = 26;
  const GAIN = 27;
  const BEST = 28;
  const BGL = 29;
  const BHL = 30;
  const BGR = 31;
  const BHR = 32;
  const LAMBDA = 33;
  const MC = 34;
  const HB = 35;
  /** Evaluates the candidate (gl, hl) of bin B on side `side`. */
  const candidate = (side: number): Code => [
    get(H),
    get(hl),
    op.f64sub,
    set(HR),
    get(hl),
    get(MC),
    op.f64lt,
    get(HR),
    get(MC),
    op.f64lt,
    op.i32or,
    op.i32eqz,
    ifElse([
      get(G),
      get(gl),
      op.f64sub,
      set(GR),
      get(gl),
      get(gl),
      op.f64mul,
      get(hl),
      get(LAMBDA),
      op.f64add,
      op.f64div,
      get(GR),
      get(GR),
      op.f64mul,
      get(HR),
      get(LAMBDA),
      op.f64add,
      op.f64div,
      op.f64add,
      get(PS),
      op.f64sub,
      tee(GAIN),
      get(BEST),
      op.f64gt,
      ifElse([
        get(GAIN),
        set(BEST),
        get(B),
        set(BIN),
        i32c(side),
        set(SIDE),
        get(gl),
        set(BGL),
        get(hl),
        set(BHL),
        get(GR),
        set(BGR),
        get(HR),
        set(BHR),
        // missing goes left: the chosen side; with no missing values, the heavier side
        i32c(side),
        get(HLs),
        get(H),
        get(HLs),
        op.f64sub,
        op.f64ge,
        get(SIDES),
        op.select,
        set(DL),
      ]),
    ]),
  ];
  const body: Code = [
    i32c(0),
    f64load(H_LAMBDA),
    set(LAMBDA),
    i32c(0),
    f64load(H_MIN_CHILD),
    set(MC),
    forRange(
      S,
      i32c(0),
      hdr(H_SCAN_COUNT),
      1,
      hdr(H_SCAN_NODES),
      get(S),
      i32c(SCAN_NODE),
      op.i32mul,
      op.i32add,
      tee(REC),
      f64load(0),
      set(G),
      get(REC),
      f64load(8),
      set(H),
      get(REC),
      f64load(16),
      set(PS),
      get(REC),
      i32load(24),
      set(HIST),
      forRange(
        Q,
        get(Q0),
        get(Q1),
        1,
        get(REC),
        i32load(28),
        get(Q),
        i32c(SCAN_RESULT),
        op.i32mul,
        op.i32add,
        set(OUT),
        [hdr(H_FEATURES), get(Q), i32c(2), op.i32shl, op.i32add, i32load()],
        get(Q),
        get(LIST),
        op.select,
        tee(FEAT),
        hdr(H_CATEGORICAL),
        op.i32add,
        i32load8u(),
        ifElse([get(OUT), i32c(-1), i32store(40), br(1)]),
        // bins [A, END) of the feature; the last one is the missing bin
        hdr(H_OFFSETS),
        get(FEAT),
        i32c(2),
        op.i32shl,
        op.i32add,
        tee(A),
        i32load(4),
        i32c(4),
        op.i32shl,
        get(HIST),
        op.i32add,
        i32c(16),
        op.i32sub,
        tee(END),
        f64load(0),
        set(GM),
        get(END),
        f64load(8),
        tee(HM),
        f64c(0),
        op.f64gt,
        set(SIDES),
        get(A),
        i32load(),
        i32c(4),
        op.i32shl,
        get(HIST),
        op.i32add,
        set(A),
        f64c(0),
        set(GLs),
        f64c(0),
        set(HLs),
        i32c(0),
        f64load(H_MIN_GAIN),
        set(BEST),
        i32c(-1),
        set(BIN),
        i32c(0),
        set(B),
        forRange(
          A,
          get(A),
          get(END),
          16,
          get(A),
          f64load(8),
          tee(HB),
          f64c(0),
          op.f64eq,
          ifElse([get(B), i32c(1), op.i32add, set(B), br(1)]),
          get(GLs),
          get(A),
          f64load(0),
          op.f64add,
          tee(GLs),
          set(gl),
          get(HLs),
          get(HB),
          op.f64add,
          tee(HLs),
          set(hl),
          candidate(0),
          get(SIDES),
          ifElse([
            get(GLs),
            get(GM),
            op.f64add,
            set(gl),
            get(HLs),
            get(HM),
            op.f64add,
            set(hl),
            candidate(1),
          ]),
          get(B),
          i32c(1),
          op.i32add,
          set(B),
        ),
        get(OUT),
        get(BIN),
        i32store(40),
        get(OUT),
        get(DL),
        i32store(44),
        get(OUT),
        get(BEST),
        f64store(0),
        get(OUT),
        get(BGL),
        f64store(8),
        get(OUT),
        get(BHL),
        f64store(16),
        get(OUT),
        get(BGR),
        f64store(24),
        get(OUT),
        get(BHR),
        f64store(32),
      ),
    ),
  ];
  return {
    name: 'scan',
    params: [i32, i32, i32],
    results: [],
    locals: [...new Array<ValType>(13).fill(i32), ...new Array<ValType>(20).fill(f64)],
    body,
  };
}

/**
 * Whether the row at `r` (local) goes left at a split on column address `col` (local, the
 * feature's column), last-left bin `thr`, missing bin `mb`, missing-left `dl`, mask address `mask`
 * (−1 numeric); leaves the answer (0/1) on the stack. `bin` is a scratch local.
 */
function goesLeft(
  r: number,
  col: number,
  thr: number,
  mb: number,
  dl: number,
  mask: number,
  bin: number,
): Code {
  return [
    get(col),
    get(r),
    op.i32add,
    i32load8u(),
    set(bin),
    get(mask),
    i32c(0),
    op.i32ges,
    ifElse(
      [get(mask), get(bin), op.i32add, i32load8u(), op.i32eqz, set(bin)],
      [get(dl), get(bin), get(thr), op.i32les, get(bin), get(mb), op.i32eq, op.select, set(bin)],
    ),
    get(bin),
  ];
}

/** part(t0, t1): runs partition tasks t0 .. t1 (see {@link PART_TASK}). */
function partFunction(): WasmFunction {
  // params t(0) t1(1); locals task(2) i(3) end(4) l(5) rc(6) r(7) col(8) thr(9) mb(10) dl(11)
  // mask(12) mode(13) lid(14) rid(15) bin(16) rows(17) scr(18)
  const T = 0;
  const T1 = 1;
  const TASK = 2;
  const I = 3;
  const END = 4;
  const L = 5;
  const RC = 6;
  const R = 7;
  const COL = 8;
  const THR = 9;
  const MB = 10;
  const DL = 11;
  const MASK = 12;
  const MODE = 13;
  const LID = 14;
  const RID = 15;
  const BIN = 16;
  const ROWS = 17;
  const SCR = 18;
  const field = (k: number): Code => [get(TASK), i32load(4 * k)];
  const rowAt = (i: Code): Code => [get(ROWS), i, i32c(2), op.i32shl, op.i32add];
  const leafAddr: Code = [hdr(H_LEAF), get(R), i32c(2), op.i32shl, op.i32add];
  return {
    name: 'part',
    params: [i32, i32],
    results: [],
    locals: new Array(17).fill(i32),
    body: [
      hdr(H_ROWS),
      set(ROWS),
      hdr(H_SCRATCH),
      set(SCR),
      forRange(
        T,
        get(T),
        get(T1),
        1,
        hdr(H_PART_TASKS),
        get(T),
        i32c(4 * PART_TASK),
        op.i32mul,
        op.i32add,
        set(TASK),
        field(1),
        set(END),
        field(2),
        hdr(H_N),
        op.i32mul,
        hdr(H_COLS),
        op.i32add,
        set(COL),
        field(3),
        set(THR),
        field(4),
        set(MB),
        field(5),
        set(DL),
        field(6),
        set(MASK),
        field(7),
        set(MODE),
        field(8),
        set(LID),
        field(9),
        set(RID),
        get(MODE),
        i32c(PART_SPLIT),
        op.i32eq,
        ifElse(
          [
            field(0),
            set(L),
            i32c(0),
            set(RC),
            forRange(
              I,
              field(0),
              get(END),
              1,
              rowAt(get(I)),
              i32load(),
              set(R),
              // Branch-free: the row is written to both sides, and the side it belongs to
              // advances (rowIdx[l] was already read, l ≤ i).
              goesLeft(R, COL, THR, MB, DL, MASK, BIN),
              set(BIN),
              rowAt(get(L)),
              get(R),
              i32store(),
              get(SCR),
              field(0),
              get(RC),
              op.i32add,
              i32c(2),
              op.i32shl,
              op.i32add,
              get(R),
              i32store(),
              get(L),
              get(BIN),
              op.i32add,
              set(L),
              get(RC),
              i32c(1),
              get(BIN),
              op.i32sub,
              op.i32add,
              set(RC),
            ),
            get(TASK),
            get(L),
            i32store(40),
            // then the right rows after the left ones
            rowAt(get(L)),
            get(SCR),
            field(0),
            i32c(2),
            op.i32shl,
            op.i32add,
            get(RC),
            i32c(2),
            op.i32shl,
            memoryCopy,
          ],
          [
            forRange(
              I,
              field(0),
              get(END),
              1,
              rowAt(get(I)),
              i32load(),
              set(R),
              get(MODE),
              i32c(PART_FILL),
              op.i32eq,
              ifElse(
                [leafAddr, get(LID), i32store()],
                [
                  leafAddr,
                  get(LID),
                  get(RID),
                  goesLeft(R, COL, THR, MB, DL, MASK, BIN),
                  op.select,
                  i32store(),
                ],
              ),
            ),
            get(TASK),
            get(END),
            i32store(40),
          ],
        ),
      ),
    ],
  };
}

/** walk(i0, i1): sends rows rowIdx[i0 .. i1) down the current tree and records their leaves. */
function walkFunction(): WasmFunction {
  // params i(0) i1(1); locals r(2) node(3) o(4) f(5) bin(6) nodes(7) n(8)
  const I = 0;
  const I1 = 1;
  const R = 2;
  const NODE_ = 3;
  const O = 4;
  const FEAT = 5;
  const BIN = 6;
  const NODES = 7;
  const N = 8;
  const nf = (k: number): Code => [get(O), i32load(4 * k)];
  return {
    name: 'walk',
    params: [i32, i32],
    results: [],
    locals: new Array(7).fill(i32),
    body: [
      hdr(H_NODES),
      set(NODES),
      hdr(H_N),
      set(N),
      forRange(
        I,
        get(I),
        get(I1),
        1,
        hdr(H_ROWS),
        get(I),
        i32c(2),
        op.i32shl,
        op.i32add,
        i32load(),
        set(R),
        i32c(0),
        set(NODE_),
        block(
          loop(
            get(NODES),
            get(NODE_),
            i32c(4 * NODE),
            op.i32mul,
            op.i32add,
            tee(O),
            i32load(),
            tee(FEAT),
            i32c(0),
            op.i32lts,
            brIf(1),
            hdr(H_COLS),
            get(FEAT),
            get(N),
            op.i32mul,
            op.i32add,
            get(R),
            op.i32add,
            i32load8u(),
            set(BIN),
            // left? (mask: code not in mask; numeric: missing → default, else bin ≤ last-left)
            nf(4),
            nf(5),
            nf(6),
            i32c(0),
            op.i32ges,
            ifElse(
              [nf(6), get(BIN), op.i32add, i32load8u(), op.i32eqz, set(BIN)],
              [nf(2), get(BIN), nf(1), op.i32les, get(BIN), nf(3), op.i32eq, op.select, set(BIN)],
            ),
            get(BIN),
            op.select,
            set(NODE_),
            br(0),
          ),
        ),
        hdr(H_LEAF),
        get(R),
        i32c(2),
        op.i32shl,
        op.i32add,
        get(NODE_),
        i32store(),
      ),
    ],
  };
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
