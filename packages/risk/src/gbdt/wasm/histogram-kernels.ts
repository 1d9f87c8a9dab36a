// Histogram kernels: gradient/hessian histograms of node tasks (the smaller child built, the
// larger one obtained by subtraction from the parent) and the split scan of numeric features.
// Each call handles a range of features, so a command can be split across threads; a feature's
// bins are written by one call only.
import {
  block,
  br,
  brIf,
  brTable,
  type Code,
  f64,
  f64c,
  f64load,
  f64store,
  f64x2c,
  forRange,
  get,
  i32,
  i32c,
  i32load,
  i32load8u,
  i32load16u,
  i32store,
  ifElse,
  loop,
  op,
  set,
  simd,
  tee,
  type ValType,
  v128,
  v128load,
  v128store,
  type WasmFunction,
} from './assembler.ts';
import {
  H_CATEGORICAL,
  H_F,
  H_FEATURES,
  H_GH,
  H_HIST_TASKS,
  H_LAMBDA,
  H_MIN_CHILD,
  H_MIN_GAIN,
  H_OFFSETS,
  H_ROWS,
  H_SCAN_COUNT,
  H_SCAN_NODES,
  H_SINK,
  H_SLOT,
  HIST_TASK,
  hdr,
  SCAN_NODE,
  SCAN_RESULT,
} from './layout.ts';

/** Rows ahead that the histogram kernel touches. */
const PREFETCH_ROWS = 8;

/** Slots of a row handled per loop iteration in the histogram kernel. */
const UNROLL = 16;

export function histFunction(wide: boolean, list: boolean): WasmFunction {
  // params: nTasks(0) q0(1) q1(2); locals: t(3) task(4) hist(5) i(6) end(7) r(8) s(9) e(10)
  // a(11) q(12) b(13) lst(14) v(15) last(16) sink(17)
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
  const LAST = 16;
  const SINK = 17;
  const width = wide ? 4 : 2;
  const slotAt = (o: number): Code => (wide ? i32load(o) : i32load16u(o));
  // First and last slot of the features this call handles (of the whole row for a list).
  const touchFirst: Code = list
    ? slotAt(0)
    : [get(Q0), i32c(width === 4 ? 2 : 1), op.i32shl, op.i32add, slotAt(0)];
  const touchLast: Code = list
    ? [hdr(H_F), i32c(1), op.i32sub, i32c(width === 4 ? 2 : 1), op.i32shl, op.i32add, slotAt(0)]
    : [get(Q1), i32c(1), op.i32sub, i32c(width === 4 ? 2 : 1), op.i32shl, op.i32add, slotAt(0)];
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
      get(END),
      i32c(4),
      op.i32sub,
      set(LAST),
      forRange(
        I,
        [hdr(H_ROWS), get(TASK), i32load(0), i32c(2), op.i32shl, op.i32add],
        get(END),
        4,
        // Touch the row PREFETCH_ROWS ahead (its slots and gradient pair), so that its cache
        // misses overlap this row's work: the rows of a node are scattered over the data.
        get(I),
        i32c(4 * PREFETCH_ROWS),
        op.i32add,
        tee(R),
        get(LAST),
        get(R),
        get(LAST),
        op.i32ltu,
        op.select,
        i32load(),
        tee(R),
        hdr(H_F),
        op.i32mul,
        i32c(width === 4 ? 2 : 1),
        op.i32shl,
        hdr(H_SLOT),
        op.i32add,
        tee(B),
        touchFirst,
        get(B),
        touchLast,
        op.i32add,
        hdr(H_GH),
        get(R),
        i32c(4),
        op.i32shl,
        op.i32add,
        i32load(),
        op.i32add,
        get(SINK),
        op.i32add,
        set(SINK),
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
    locals: [i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, v128, i32, i32],
    // The touched values go to a sink, so that their loads are kept.
    body: [body, i32c(0), get(SINK), i32store(H_SINK)],
  };
}

/**
 * scan(q0, q1, list): for every split-scan node, the best split of each numeric feature at
 * feature-list positions q0 .. q1 (or features q0 .. q1 when `list` is 0) — the loop of the
 * booster's split search without monotone constraints, same operations in the same order:
 * bins in order, missing values right then (when the node has any) left, the first best gain
 * kept.
 */
export function scanFunction(): WasmFunction {
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
