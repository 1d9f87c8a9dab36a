import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

async function run(args: string[], input = '', cwd = process.cwd()) {
  const stdin = new PassThrough();
  stdin.end(input);
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough().on('data', (c) => out.push(String(c)));
  const stderr = new PassThrough().on('data', (c) => err.push(String(c)));
  const code = await main(args, { stdin, stdout, stderr, cwd, env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const rs02 = {
  principal: '5000.00',
  currency: 'EUR',
  annualRate: '12%',
  repayments: 18,
  every: 1,
  frequency: 'months',
  disbursementDate: '2022-11-01',
  amortization: 'equal_installments',
  interestMethod: 'declining_balance',
  interestPeriod: 'same_as_repayment',
  installmentMultipleOf: 1,
  rounding: 'half_even',
};

describe('puhui schedule', () => {
  it('prints the Fineract RS02 schedule from stdin', async () => {
    const r = await run(['schedule'], JSON.stringify(rs02));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.periods).toHaveLength(18);
    expect(json.periods[0]).toEqual({
      n: 1,
      dueDate: '2022-12-01',
      days: 30,
      principal: '255.00',
      interest: '50.00',
      fees: '0.00',
      total: '305.00',
      balance: '4745.00',
    });
    expect(json.periods[17]).toMatchObject({
      principal: '300.22',
      interest: '3.00',
      total: '303.22',
      balance: '0.00',
    });
    expect(json.totals).toEqual({ principal: '5000.00', interest: '488.22', fees: '0.00', total: '5488.22' });
    expect(Object.keys(json.annualizedRate)).toEqual(['nominal', 'effective']);
    expect(Number(json.annualizedRate.nominal)).toBeCloseTo(0.12, 3);
  });

  it('reads a spec file and writes --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'puhui-schedule-'));
    await writeFile(
      join(dir, 'spec.json'),
      JSON.stringify({
        principal: 100000,
        currency: 'CNY',
        annualRate: 0.049,
        repayments: 12,
        disbursementDate: '2024-01-15',
      }),
    );
    const r = await run(['schedule', 'spec.json', '--out', 'out.json', '--method', 'eu_aprc'], '', dir);
    expect(r.code).toBe(0);
    const { readFile } = await import('node:fs/promises');
    const json = JSON.parse(await readFile(join(dir, 'out.json'), 'utf8'));
    expect(json.periods[0].total).toBe('8556.17');
  });

  it('bad specs: one line naming the field, exit 2', async () => {
    const r = await run(['schedule'], JSON.stringify({ ...rs02, repayments: 0 }));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('puhui: invalid schedule spec: repayments: must be an integer from 1 to 2000\n');
    const bad = await run(['schedule'], JSON.stringify({ ...rs02, annualRate: 'twelve' }));
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('annualRate:');
    expect((await run(['schedule'], '{nope')).code).toBe(2);
    expect((await run(['schedule', 'missing.json'])).stderr).toBe('puhui: file not found: missing.json\n');
    expect((await run(['schedule', '--method', 'x'], JSON.stringify(rs02))).code).toBe(2);
  });
});
