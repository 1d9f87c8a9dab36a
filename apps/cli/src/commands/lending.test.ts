import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manualClock, sequentialIds } from '@puhui/core';
import { createContext } from '@puhui/server';
import {
  approveLoan,
  approveProduct,
  createBorrower,
  createProduct,
  defaultProductConfig,
  disburseLoan,
  type Principal,
  submitLoan,
} from '@puhui/services';
import { openStore } from '@puhui/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../testing.ts';

const user = (id: string): Principal => ({ kind: 'user', id, username: id, roles: [], sessionId: 's' });

/** A data directory holding two disbursed loans on the business date 2026-01-05. */
async function book(): Promise<string> {
  const dir = tempDir();
  const store = openStore({ dataDir: dir });
  await store.migrate();
  const clock = manualClock('2026-01-05T02:00:00Z');
  const ctx = createContext({ store, clock, ids: sequentialIds(), auth: { tokenSecret: 'x'.repeat(64) } });
  await store.transaction(async (tx) => {
    const p = await createProduct(ctx, tx, user('pm'), {
      code: 'MICRO',
      name: 'Micro',
      config: defaultProductConfig(),
    });
    await approveProduct(ctx, tx, user('risk'), p.id);
    for (const phone of ['+8613900000001', '+8613900000002']) {
      const b = await createBorrower(ctx, tx, user('officer'), { phone, fullName: 'CLI test' });
      const loan = await submitLoan(ctx, tx, user('officer'), {
        borrowerId: b.id,
        productCode: 'MICRO',
        principalMinor: 1_200_000,
        repayments: 12,
        disbursement: { kind: 'channel', channel: 'alipay' },
      });
      await approveLoan(ctx, tx, user('officer2'), loan.id);
      await disburseLoan(ctx, tx, user('ops'), loan.id);
    }
  });
  await store.close();
  return dir;
}

describe('puhui eod and puhui report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await book();
  });

  it('closes business dates up to --date with a one-line summary, and is a no-op when re-run', async () => {
    const env = { PUHUI_DATA_DIR: dir };
    const first = await runCli(['eod', '--date', '2026-01-10'], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    expect(first.stdout).toMatch(
      /^closed 2026-01-05\.\.2026-01-10: 6 day\(s\), 12 loan-days processed, .* open business date 2026-01-11/,
    );
    const again = await runCli(['eod', '--date', '2026-01-10', '--json'], { env });
    expect(JSON.parse(again.stdout).days[0].alreadyClosed).toBe(true);
    expect((await runCli(['eod', '--date', '2026-13-99'], { env })).code).toBe(2);
  });

  it('prints the trial balance as JSON with decimal strings, CSV and an Excel file', async () => {
    const env = { PUHUI_DATA_DIR: dir };
    const json = JSON.parse((await runCli(['report', 'trial-balance', '--json'], { env })).stdout);
    expect(json.balanced).toBe(true);
    const principal = json.rows.find((r: { account: string }) => r.account === '1303');
    expect(principal).toMatchObject({ debit: '24000.00', credit: '0.00', balance: '24000.00' });
    expect(
      json.rows.every(
        (r: { debit: string; credit: string }) => /^\d+\.\d\d$/.test(r.debit) && /^\d+\.\d\d$/.test(r.credit),
      ),
    ).toBe(true);
    const csv = (await runCli(['report', 'par', '--csv'], { env })).stdout;
    expect(csv.split('\r\n')[1]).toMatch(/^2026-01-11,CNY,2,24000\.00,0\.0000/);
    const out = join(dir, 'provisioning.xlsx');
    const x = await runCli(['report', 'provisioning', '--xlsx', out], { env });
    expect(x.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const dated = JSON.parse(
      (await runCli(['report', 'classification', '--date', '2026-01-07', '--json'], { env })).stdout,
    );
    expect(dated.date).toBe('2026-01-07');
    // The product mix: both loans of the book, under the one product, as a text table.
    const mix = (await runCli(['report', 'products'], { env })).stdout.split('\n');
    expect(mix[0]).toMatch(/^date\s+code\s+name\s+currency\s+loans\s+principal\s+exposure$/);
    expect(mix[1]).toMatch(/^2026-01-11\s+\S+\s.*\sCNY\s+2\s+24000\.00\s+\d+\.\d\d$/);
    expect((await runCli(['report', 'nonsense'], { env })).code).toBe(2);
  });
});
