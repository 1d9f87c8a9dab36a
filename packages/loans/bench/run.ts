// Loan-engine benchmark: schedules per second (12, 36, 360 periods) and APR solves per second,
// each beside a plain float64 annuity loop measured in the same run. Medians of several rounds.
// Run: npm run bench -w @puhui/loans   (or: npx tsx bench/run.ts; BENCH_ROUNDS, BENCH_ROUND_MS tune it)
import { currencyCode, localDate } from '@puhui/money';
import { generateSchedule, type Schedule, type ScheduleSpec, scheduleAnnualizedRate } from '../src/index.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 250);

let sink = 0; // consumed results, so the JIT cannot drop the work

/** Operations per second of `fn` over one slice of ROUND_MS. */
function slice(fn: (i: number) => void): number {
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ROUND_MS) {
    for (let k = 0; k < 64; k++) fn(ops++);
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Measures the engine and the baseline in alternating slices (so both see the same machine load),
 * after one warm-up slice each; returns the medians and the median of the per-round ratios.
 */
function measurePair(engineFn: (i: number) => void, baselineFn: (i: number) => void) {
  slice(engineFn);
  slice(baselineFn);
  const engine: number[] = [];
  const baseline: number[] = [];
  const ratio: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const e = slice(engineFn);
    const b = slice(baselineFn);
    engine.push(e);
    baseline.push(b);
    ratio.push(e / b);
  }
  return { engine: median(engine), baseline: median(baseline), ratio: median(ratio) };
}

const CNY = currencyCode('CNY');
const principals = [10_000_000, 12_345_678, 5_000_000, 99_999_900, 300_000, 7_654_321, 150_000_00, 2_500_00];

function specs(n: number): ScheduleSpec[] {
  return principals.map((principalMinor, i) => ({
    principalMinor,
    currency: CNY,
    annualRate: ['0.049', '0.0435', '0.12', '0.18'][i % 4] as string,
    repayments: n,
    disbursementDate: localDate('2024-01-15'),
  }));
}

/** The baseline: the textbook float64 annuity loop (no rounding, dates or allocation). */
function floatAnnuity(principal: number, annualRate: number, n: number): number {
  const r = annualRate / 12;
  const emi = (principal * r) / (1 - (1 + r) ** -n);
  let balance = principal;
  let interestSum = 0;
  for (let k = 1; k <= n; k++) {
    const interest = balance * r;
    balance -= emi - interest;
    interestSum += interest;
  }
  return interestSum + balance;
}

/** Baseline IRR: Newton on Σ a_k (1 + r)^−k with integer period times, float64 only. */
function floatIrr(amounts: Float64Array): number {
  let r = 0.01;
  for (let it = 0; it < 50; it++) {
    let v = 0;
    let d = 0;
    let f = 1;
    for (let k = 0; k < amounts.length; k++) {
      const a = amounts[k] as number;
      v += a * f;
      d -= k * a * f;
      f /= 1 + r;
    }
    const next = r - v / (d / (1 + r));
    if (Math.abs(next - r) < 1e-14) return next;
    r = next;
  }
  return r;
}

const rows: [string, { engine: number; baseline: number; ratio: number }][] = [];
for (const n of [12, 36, 360]) {
  const list = specs(n);
  const rates = list.map((s) => Number(s.annualRate));
  const result = measurePair(
    (i) => {
      const s = generateSchedule(list[i & 7] as ScheduleSpec);
      sink += s.totals.interestMinor;
    },
    (i) => {
      sink += floatAnnuity(principals[i & 7] as number, rates[i & 7] as number, n);
    },
  );
  rows.push([`schedule, ${n} periods`, result]);
}

const schedules: Schedule[] = specs(12).map((s) => generateSchedule(s));
const flows = schedules.map((s) =>
  Float64Array.from([-s.principalMinor, ...s.periods.map((p) => p.totalMinor)]),
);
rows.push([
  'APR solve (cn_irr), 12 periods',
  measurePair(
    (i) => {
      const r = scheduleAnnualizedRate(schedules[i & 7] as Schedule, 'cn_irr');
      if (r.ok) sink += r.nominalAnnualRate;
    },
    (i) => {
      sink += floatIrr(flows[i & 7] as Float64Array);
    },
  ),
]);

const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(13);
const { loadavg } = await import('node:os');
console.log(
  `loan engine benchmark (node ${process.version}; median of ${ROUNDS} interleaved rounds × ${ROUND_MS} ms; ` +
    `load average ${loadavg()[0]?.toFixed(1)})`,
);
console.log(
  `${'workload'.padEnd(32)}${'engine ops/s'.padStart(13)}${'float64 ops/s'.padStart(15)}  engine/baseline`,
);
for (const [name, r] of rows) {
  console.log(`${name.padEnd(32)}${fmt(r.engine)}  ${fmt(r.baseline)}  ${r.ratio.toFixed(3)}`);
}
const twelve = rows[0]?.[1].engine ?? 0;
console.log(
  `target ≥ 100,000 twelve-period schedules/s: ${twelve >= 100_000 ? 'met' : 'NOT met'} (${fmt(twelve).trim()})`,
);
if (sink === 42) console.log('');
