// Row kernels: gradients and hessians, margin updates, partitions of a node's rows, tree walks,
// root sums and the root's row list. Each call handles a range of rows or tasks, so a command
// can be split across threads; every output number is written by exactly one call.
import {
  block,
  br,
  brIf,
  type Code,
  call,
  f64,
  f64c,
  f64load,
  f64store,
  f64x2c,
  f64x2replace,
  forRange,
  get,
  i32,
  i32c,
  i32load,
  i32load8u,
  i32store,
  ifElse,
  loop,
  memoryCopy,
  op,
  set,
  shuffle,
  simd,
  tee,
  v128,
  v128load,
  v128store,
  type WasmFunction,
} from './assembler.ts';
import { EXP_INDEX, EXPX2_INDEX } from './exp-kernels.ts';
import {
  H_COLS,
  H_GH,
  H_LEAF,
  H_MARGIN,
  H_N,
  H_NODES,
  H_PART_TASKS,
  H_ROWS,
  H_SCRATCH,
  H_SUMS,
  H_VALUES,
  H_Y,
  hdr,
  NODE,
  PART_FILL,
  PART_SPLIT,
  PART_TASK,
} from './layout.ts';

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
export function gradFunction(): WasmFunction {
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
export function updateFunction(): WasmFunction {
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
export function iotaFunction(): WasmFunction {
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
export function sumsFunction(): WasmFunction {
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
export function partFunction(): WasmFunction {
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
export function walkFunction(): WasmFunction {
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
