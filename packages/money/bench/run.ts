// Measures the candidate representations of exact rates on the hot operation of a schedule:
// interest = balance × annual rate ÷ 12, rounded half-even to minor units.
//   A. scaled integers in float64 (rate 0.049 = 49/1000; exact while products stay below 2^53,
//      bigint fallback above) — what @puhui/money and @puhui/loans use;
//   B. bigint throughout;
//   C. a decimal string parsed per use (a stand-in for a decimal library's per-operation cost);
//   D. plain float64 with Math.round (inexact: the baseline every exact method is compared with).
// Run: npm run bench -w @puhui/money
import { divideRoundedBig, multiplyDivideRounded, parseRate, pow10Big } from '../src/index.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 200);
const balances = Float64Array.from({ length: 1024 }, (_, i) => 1_000_000 + i * 98_765);
let sink = 0;

function slice(fn: (balance: number) => number): number {
  let ops = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ROUND_MS) {
    for (let k = 0; k < 1024; k++) sink += fn(balances[k] as number);
    ops += 1024;
    now = performance.now();
  }
  return (ops * 1000) / (now - start);
}

const scaled = (b: number) => multiplyDivideRounded(b, 49, 12_000, 'half_even');
const big = (b: number) => Number(divideRoundedBig(BigInt(b) * 49n, 12_000n, 'half_even'));
const parsed = (b: number) => {
  const r = parseRate('0.049')!;
  return Number(divideRoundedBig(BigInt(b) * r.units, pow10Big(r.scale) * 12n, 'half_even'));
};
const float = (b: number) => Math.round((b * 0.049) / 12);

const candidates: [string, (b: number) => number][] = [
  ['A scaled integers (float64 + bigint fallback)', scaled],
  ['B bigint', big],
  ['C decimal parsed per use', parsed],
  ['D float64 Math.round (inexact)', float],
];
const results = new Map<string, number[]>(candidates.map(([n]) => [n, []]));
for (const [, fn] of candidates) slice(fn); // warm-up
for (let round = 0; round < ROUNDS; round++)
  for (const [name, fn] of candidates) results.get(name)?.push(slice(fn));
const baseline =
  [...(results.get('D float64 Math.round (inexact)') ?? [])].sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] ??
  1;
console.log(
  `rate representation benchmark (node ${process.version}; median of ${ROUNDS} rounds × ${ROUND_MS} ms)`,
);
console.log(`${'representation'.padEnd(48)}${'interest ops/s'.padStart(16)}  vs float64`);
for (const [name, values] of results) {
  const m = [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  console.log(
    `${name.padEnd(48)}${Math.round(m).toLocaleString('en-US').padStart(16)}  ${(m / baseline).toFixed(3)}`,
  );
}
if (sink === 0.5) console.log('');
