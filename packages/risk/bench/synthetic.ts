// The seeded synthetic dataset of the training-time benchmark: 15 numeric columns (2 % missing)
// and 5 categorical ones, with a logistic signal on a few of them.
import { createRng, type Table } from '../src/index.ts';

/** `n` rows of the benchmark table (header x0..x14, c0..c4, bad). */
export function synthetic(n: number, seed: number): Table {
  const rng = createRng(seed);
  const header = [
    ...Array.from({ length: 15 }, (_, i) => `x${i}`),
    ...Array.from({ length: 5 }, (_, i) => `c${i}`),
    'bad',
  ];
  const rows: string[][] = [];
  for (let r = 0; r < n; r++) {
    const x = Array.from({ length: 15 }, () => {
      const u = Math.max(rng.next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
    });
    const c = Array.from({ length: 5 }, (_, j) => `k${rng.int(j === 0 ? 8 : 4 + 4 * j)}`);
    const z = x[0]! - 0.5 * x[1]! + 0.3 * x[2]! * x[3]! + (c[0] === 'k1' ? 0.8 : 0) - 1.5;
    const bad = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    rows.push([...x.map((v) => (rng.next() < 0.02 ? '' : v.toFixed(6))), ...c, String(bad)]);
  }
  return { header, rows };
}
