import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

async function run(args: string[], input = '') {
  const stdin = new PassThrough();
  stdin.end(input);
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough().on('data', (c) => out.push(String(c)));
  const stderr = new PassThrough().on('data', (c) => err.push(String(c)));
  const code = await main(args, { stdin, stdout, stderr, cwd: process.cwd(), env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('puhui apr', () => {
  it('annualises a series of monthly payments (cn_irr)', async () => {
    // 100,000 lent, 12 × 8,556.17: the periodic IRR is the monthly rate, × 12 ≈ 4.9 %
    const r = await run(
      ['apr'],
      JSON.stringify({
        method: 'cn_irr',
        flows: [
          { date: '2024-01-15', amount: '-100000' },
          { date: '2024-02-15', amount: '8556.17', count: 12 },
        ],
      }),
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['periodicRate', 'nominalAnnualRate', 'effectiveAnnualRate']);
    expect(json.nominalAnnualRate).toBe('0.04900082');
    expect(Number(json.effectiveAnnualRate)).toBeCloseTo((1 + Number(json.periodicRate)) ** 12 - 1, 6); // periodicRate is printed to 8 places
  });

  it('us_actuarial and eu_aprc on a one-year loan', async () => {
    const flows = [
      { date: '2023-01-01', amount: -1000 },
      { date: '2024-01-01', amount: 1100 },
    ];
    const eu = JSON.parse((await run(['apr'], JSON.stringify({ method: 'eu_aprc', flows }))).stdout);
    expect(eu.effectiveAnnualRate).toBe('0.10000000');
    const us = JSON.parse((await run(['apr'], JSON.stringify({ method: 'us_actuarial', flows }))).stdout);
    expect(us.nominalAnnualRate).toBe('0.10000000');
  });

  it('bad requests and flows without a rate exit 2 with one line', async () => {
    const noRate = await run(
      ['apr'],
      JSON.stringify({ method: 'cn_irr', flows: [{ date: '2024-01-01', amount: '5', count: 3 }] }),
    );
    expect(noRate.code).toBe(2);
    expect(noRate.stderr).toContain('no annualised rate (no_sign_change)');
    const badMethod = await run(
      ['apr'],
      JSON.stringify({ method: 'apy', flows: [{ date: '2024-01-01', amount: 1 }] }),
    );
    expect(badMethod.stderr).toBe(
      'puhui: invalid apr request: method: must be one of cn_irr, us_actuarial, eu_aprc\n',
    );
    const badFlow = await run(
      ['apr'],
      JSON.stringify({ method: 'cn_irr', flows: [{ date: '2024-02-30', amount: 1 }] }),
    );
    expect(badFlow.stderr).toBe('puhui: invalid apr request: flows[0].date: must be a date YYYY-MM-DD\n');
    expect(badFlow.code).toBe(2);
  });
});
