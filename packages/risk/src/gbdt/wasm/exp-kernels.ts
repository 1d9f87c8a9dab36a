// fdlibm's exp (e_exp.c, as in V8's base/ieee754.cc) as WebAssembly functions: `exp` on one
// f64, and `expx2` on both lanes of an f64x2, bit for bit the same. Training uses them for the
// log-loss gradients, so it does not depend on the engine's Math.exp (which is this algorithm
// in V8 today).
import {
  type Code,
  call,
  f64,
  f64c,
  f64x2c,
  f64x2extract,
  f64x2replace,
  get,
  i32,
  i32c,
  i64c,
  i64x2c,
  ifElse,
  ifF64,
  op,
  ret,
  set,
  simd,
  tee,
  v128,
  type WasmFunction,
} from './assembler.ts';

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

/** exp(x) → f64, fdlibm's algorithm step for step. */
export function expFunction(): WasmFunction {
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

/** Indices of `exp` and `expx2` among the module's functions (./kernels.ts puts them first). */
export const EXP_INDEX = 0;
export const EXPX2_INDEX = 1;

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
export function expx2Function(): WasmFunction {
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
