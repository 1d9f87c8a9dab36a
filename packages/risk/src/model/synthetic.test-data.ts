import type { Table } from '../data/csv.ts';
import { createRng } from '../random.ts';

/**
 * A seeded synthetic applicant table for tests: numeric columns with missing values and a special
 * code, a high-cardinality categorical, a constant column, an identifier, a protected attribute
 * and a text target ('good'/'bad').
 *
 * @example syntheticTable(500, 1).header; // ['id', 'income', …, 'outcome']
 */
export function syntheticTable(n: number, seed: number): Table {
  const rng = createRng(seed);
  const header = [
    'id',
    'income',
    'utilisation',
    'months_employed',
    'city',
    'channel',
    'constant',
    'sex',
    'outcome',
  ];
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const income = Math.round(2000 + rng.next() * 8000);
    const util = rng.next();
    const months = rng.next() < 0.08 ? -1 : Math.floor(rng.next() * 120);
    const city = `c${Math.floor(rng.next() ** 2 * 80)}`;
    const channel = ['web', 'agent', 'partner'][rng.int(3)]!;
    const sex = rng.next() < 0.4 ? 'F' : 'M';
    const z =
      -1.2 -
      0.0003 * (income - 5000) +
      2 * (util - 0.5) +
      (months < 0 ? 0.8 : -0.01 * months + 0.5) +
      (channel === 'partner' ? 0.6 : 0);
    const bad = rng.next() < 1 / (1 + Math.exp(-z));
    rows.push([
      `A${10000 + i}`,
      rng.next() < 0.05 ? '' : String(income),
      util.toFixed(3),
      String(months),
      city,
      channel,
      'x',
      sex,
      bad ? 'bad' : 'good',
    ]);
  }
  return { header, rows };
}
