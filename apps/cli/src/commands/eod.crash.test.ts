import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  repayLoan,
  submitLoan,
} from '@puhui/services';
import { openStore } from '@puhui/store';
import { expect, it } from 'vitest';
import { tempDir } from '../testing.ts';

/**
 * Crash test: `puhui eod` is killed with SIGKILL at random points (PUHUI_CRASH_KILLS times, default
 * 2; the closing report of issue 4 ran 20), re-run until it finishes, and the books must be
 * identical to an uninterrupted run from the same starting database.
 */
const KILLS = Number(process.env.PUHUI_CRASH_KILLS ?? 2);
const BIN = fileURLToPath(new URL('../../bin/puhui.js', import.meta.url));
const user = (id: string): Principal => ({ kind: 'user', id, username: id, roles: [], sessionId: 's' });

async function seed(dir: string, loans: number): Promise<void> {
  const store = openStore({ dataDir: dir });
  await store.migrate();
  const ctx = createContext({
    store,
    clock: manualClock('2026-01-05T02:00:00Z'),
    ids: sequentialIds(),
    auth: { tokenSecret: 'x'.repeat(64) },
  });
  await store.transaction(async (tx) => {
    const p = await createProduct(ctx, tx, user('pm'), {
      code: 'MICRO',
      name: 'Micro',
      config: defaultProductConfig(),
    });
    await approveProduct(ctx, tx, user('risk'), p.id);
    for (let i = 0; i < loans; i++) {
      const b = await createBorrower(ctx, tx, user('officer'), {
        phone: `+86135${String(i).padStart(8, '0')}`,
        fullName: 'Crash test',
      });
      const loan = await submitLoan(ctx, tx, user('officer'), {
        borrowerId: b.id,
        productCode: 'MICRO',
        principalMinor: 200_000 + i * 1_000,
        repayments: 3 + (i % 6),
        disbursement: { kind: 'channel', channel: 'alipay' },
      });
      await approveLoan(ctx, tx, user('officer2'), loan.id);
      await disburseLoan(ctx, tx, user('ops'), loan.id);
      if (i % 3 === 0)
        await repayLoan(ctx, tx, user('officer'), loan.id, { amountMinor: 30_000, channel: 'wechat' });
    }
  });
  await store.close();
}

function run(dir: string, date: string): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'eod', '--date', date, '--batch', '25'], {
    env: { ...process.env, PUHUI_DATA_DIR: dir, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  return { child, done: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

/** Everything the books consist of, without ids, timestamps or batch boundaries. */
async function books(dir: string) {
  const store = openStore({ dataDir: dir });
  try {
    const balances = await store.db
      .selectFrom('account_balances')
      .selectAll()
      .orderBy('account')
      .orderBy('currency')
      .execute();
    const loans = await store.db
      .selectFrom('loans')
      .select([
        'id',
        'status',
        'principal_outstanding_minor',
        'interest_receivable_minor',
        'fees_receivable_minor',
        'penalties_receivable_minor',
        'overpayment_minor',
        'total_outstanding_minor',
        'overdue_minor',
        'dpd',
        'classification',
        'next_due_date',
        'eod_date',
      ])
      .orderBy('id')
      .execute();
    const lines = await store.db
      .selectFrom('journal_lines')
      .select((eb) => [eb.fn.countAll<number>().as('n'), 'business_date', 'account', 'side'])
      .groupBy(['business_date', 'account', 'side'])
      .orderBy('business_date')
      .orderBy('account')
      .orderBy('side')
      .execute();
    const runs = await store.db
      .selectFrom('eod_runs')
      .select(['business_date', 'status', 'loans', 'entries'])
      .orderBy('business_date')
      .execute();
    const open = await store.db.selectFrom('business_date').select('open_date').execute();
    const events = await store.db
      .selectFrom('outbox')
      .select((eb) => [eb.fn.countAll<number>().as('n'), 'type'])
      .groupBy('type')
      .orderBy('type')
      .execute();
    return {
      balances,
      loans,
      lines: lines.map((l) => ({ ...l, n: Number(l.n) })),
      runs,
      open,
      events: events.map((e) => ({ ...e, n: Number(e.n) })),
    };
  } finally {
    await store.close();
  }
}

it(`leaves the books identical to an uninterrupted run after ${KILLS} SIGKILLs`, {
  timeout: 600_000,
}, async () => {
  const crashed = tempDir();
  const clean = tempDir();
  await seed(crashed, 120);
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(join(crashed, `puhui.db${suffix}`)))
      copyFileSync(join(crashed, `puhui.db${suffix}`), join(clean, `puhui.db${suffix}`));
  const date = '2026-02-14';
  const uninterrupted = run(clean, date);
  expect(await uninterrupted.done).toBe(0);

  // Kill points: random batch counts inside the run (its length is known from the uninterrupted
  // one), so every kill lands mid-work — between, or in the middle of, batch transactions.
  const probe = openStore({ dataDir: clean });
  const total = Number(
    (
      await probe.db
        .selectFrom('eod_batches')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await probe.close();
  let state = 20260306;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const watch = openStore({ dataDir: crashed });
  const committed = async () =>
    Number(
      (
        await watch.db
          .selectFrom('eod_batches')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  let kills = 0;
  for (let k = 0; k < KILLS; k++) {
    // The next kill point: a random number of further batches, leaving room for the kills after it.
    const done = await committed();
    const point = done + 1 + Math.floor(random() * Math.max(1, Math.floor((total - done) / (KILLS - k + 1))));
    const p = run(crashed, date);
    let exited = false;
    void p.done.then(() => {
      exited = true;
    });
    while (!exited && (await committed()) < point)
      await new Promise((r) => setTimeout(r, 5 + Math.floor(random() * 20)));
    if (!exited) {
      p.child.kill('SIGKILL');
      kills++;
    }
    await p.done;
  }
  await watch.close();
  const finish = run(crashed, date);
  expect(await finish.done).toBe(0);
  expect(await books(crashed)).toEqual(await books(clean));
  expect(kills).toBe(KILLS);
});
