// End-of-day benchmark: one business date over N active loans on SQLite (and PostgreSQL when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set), against a same-run baseline that bulk-inserts
// the same number of journal lines into the same database with the same store function.
//
//   npm run bench -w @puhui/services                      # N = 10,000
//   BENCH_LOANS=10000,100000 npm run bench -w @puhui/services
//   BENCH_DATABASES=postgres BENCH_DATABASE_URL=postgres://… npm run bench -w @puhui/services
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock, randomIds } from '@puhui/core';
import { appendEntries, openStore, type Store, type StoredEntry } from '@puhui/store';
import pg from 'pg';
import { endOfDay, outboxNotifier, type ServiceContext } from '../src/index.ts';
import { cloneLoans } from '../src/lending/bulk-book.ts';
import { activeLoan, activeProduct } from '../src/lending/test-support.ts';

const SIZES = (process.env.BENCH_LOANS ?? '10000').split(',').map(Number);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
/** Which databases to measure (default: SQLite, and PostgreSQL when a URL is set). */
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');

function context(store: Store): ServiceContext {
  const clock = manualClock('2026-01-05T02:00:00Z');
  // Ids begin with their creation time, so a real book's id order follows the order loans were
  // written in; the frozen clock would shuffle them, so ids take one millisecond each.
  let tick = clock.now().getTime();
  const ctx: ServiceContext = {
    store,
    clock,
    ids: randomIds({ now: () => new Date(tick++) }),
    notifier: outboxNotifier(
      () => ctx,
      () => {},
    ),
    auth: {
      tokenSecret: 'x'.repeat(64),
      tokenTtlSeconds: 900,
      maxFailedSignIns: 5,
      lockoutMinutes: 15,
      otpTtlSeconds: 300,
      otpMaxAttempts: 5,
      otpPerHour: 5,
      signatureWindowSeconds: 300,
    },
  };
  return ctx;
}

/** Terms of the template loans the book is copied from (a mix of sizes and lengths). */
const TEMPLATES = [
  { principalMinor: 1_200_000, repayments: 12 },
  { principalMinor: 600_000, repayments: 6 },
  { principalMinor: 3_000_000, repayments: 24 },
  { principalMinor: 300_000, repayments: 3 },
];

/**
 * N active loans: a few made through the services and closed through their disbursement date,
 * then copied with fresh ids and borrowers by the bulk path (the same rows the services write).
 * Returns the seconds it took.
 */
async function growBook(ctx: ServiceContext, n: number): Promise<number> {
  const started = performance.now();
  await activeProduct(ctx, 'BENCH');
  const templateIds: string[] = [];
  for (const terms of TEMPLATES.slice(0, n))
    templateIds.push(await activeLoan(ctx, { productCode: 'BENCH', ...terms }));
  // Close the disbursement date, so the measured date is a plain accrual day for every loan.
  await endOfDay(ctx, { date: '2026-01-05' });
  let reported = 0;
  await cloneLoans(ctx, {
    templateIds,
    count: n - templateIds.length,
    borrower: (i) => ({ phone: `+86150${String(i).padStart(8, '0')}`, fullName: `Bench borrower ${i}` }),
    onProgress: (done) => {
      if (done - reported < 100_000) return;
      reported = done;
      process.stderr.write(
        `  seeded ${done} loans (${Math.round((performance.now() - started) / 1000)} s)\n`,
      );
    },
  });
  return (performance.now() - started) / 1000;
}

/** Wall and this process's CPU milliseconds since `from`. */
function elapsed(from: { wall: number; cpu: NodeJS.CpuUsage }): { wall: number; cpu: number } {
  const cpu = process.cpuUsage(from.cpu);
  return { wall: performance.now() - from.wall, cpu: (cpu.user + cpu.system) / 1000 };
}

function now(): { wall: number; cpu: NodeJS.CpuUsage } {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

/** The baseline: append `lines` journal lines (two-line entries, 1,000 entries a transaction). */
async function baseline(store: Store, lines: number): Promise<{ wall: number; cpu: number }> {
  const started = now();
  const entries = Math.ceil(lines / 2);
  for (let i = 0; i < entries; i += 1000) {
    const batch: StoredEntry[] = [];
    for (let k = i; k < Math.min(entries, i + 1000); k++)
      batch.push({
        id: `je_base_${k}`,
        businessDate: '2026-01-06',
        valueDate: '2026-01-06',
        txnRef: `base-${k}`,
        txnType: 'interest_accrual',
        loanId: `loan_base_${k}`,
        borrowerId: 'bor_base',
        memo: 'baseline',
        lines: [
          { account: '1132', side: 'debit', amountMinor: 592, currency: 'CNY' },
          { account: '6011', side: 'credit', amountMinor: 592, currency: 'CNY' },
        ],
      });
    await store.transaction((tx) => appendEntries(tx, batch, '2026-01-06T00:00:00.000Z'));
  }
  return elapsed(started);
}

interface Figures {
  database: string;
  loans: number;
  seedSeconds: number;
  eodMs: number;
  loansPerSecond: number;
  lines: number;
  baselineMs: number;
  ratio: number;
  /** CPU time of this process, EOD ÷ baseline: steadier than wall time on a busy machine, and all of the work on SQLite. */
  cpuRatio: number;
  peakRssMb: number;
  seedPeakRssMb: number;
  heapGrowthMb: number;
}

async function measure(
  database: string,
  open: () => Promise<{ store: Store; dispose: () => Promise<void> }>,
  n: number,
): Promise<Figures> {
  const { store, dispose } = await open();
  try {
    await store.migrate();
    const ctx = context(store);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const seedSeconds = await growBook(ctx, n);
    const seedPeak = peak;
    const before = await store.db
      .selectFrom('journal_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    global.gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    peak = process.memoryUsage().rss;
    const started = now();
    await endOfDay(ctx, { date: '2026-01-06', batchSize: 1000 });
    const eod = elapsed(started);
    const eodMs = eod.wall;
    clearInterval(sampler);
    const heapGrowth = process.memoryUsage().heapUsed - heap0;
    const after = await store.db
      .selectFrom('journal_lines')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const lines = Number(after.n) - Number(before.n);
    const base = await baseline(store, lines);
    const baselineMs = base.wall;
    return {
      database,
      loans: n,
      seedSeconds: Math.round(seedSeconds),
      eodMs: Math.round(eodMs),
      loansPerSecond: Math.round((n / eodMs) * 1000),
      lines,
      baselineMs: Math.round(baselineMs),
      ratio: Number((eodMs / baselineMs).toFixed(2)),
      cpuRatio: Number((eod.cpu / base.cpu).toFixed(2)),
      peakRssMb: Math.round(peak / 1_048_576),
      seedPeakRssMb: Math.round(seedPeak / 1_048_576),
      heapGrowthMb: Math.round(heapGrowth / 1_048_576),
    };
  } finally {
    await dispose();
  }
}

const sqlite = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'puhui-bench-'));
  const store = openStore({ dataDir: dir });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const postgres = (url: string) => async () => {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const store = openStore({ databaseUrl: url, pgSchema: schema, poolSize: 4 });
  return {
    store,
    dispose: async () => {
      await store.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop schema ${schema} cascade`);
      await a.end();
    },
  };
};

const results: Figures[] = [];
for (const n of SIZES) {
  if (DATABASES.includes('sqlite')) {
    results.push(await measure('sqlite', sqlite, n));
    console.log(JSON.stringify(results[results.length - 1]));
  }
  if (PG_URL && DATABASES.includes('postgres')) {
    results.push(await measure('postgres', postgres(PG_URL), n));
    console.log(JSON.stringify(results[results.length - 1]));
  }
}
console.log(
  '\nEnd of day, one business date (interest accrual on every loan, then provisioning and reconciliation)',
);
console.log(
  'database  loans      seed s  EOD ms   loans/s  lines     baseline ms  ratio  CPU ratio  peak RSS MB (seeding)  heap growth MB',
);
for (const r of results)
  console.log(
    `${r.database.padEnd(9)} ${String(r.loans).padEnd(10)} ${String(r.seedSeconds).padEnd(7)} ${String(r.eodMs).padEnd(8)} ${String(r.loansPerSecond).padEnd(8)} ${String(r.lines).padEnd(9)} ${String(r.baselineMs).padEnd(12)} ${String(r.ratio).padEnd(6)} ${String(r.cpuRatio).padEnd(10)} ${`${r.peakRssMb} (${r.seedPeakRssMb})`.padEnd(22)} ${r.heapGrowthMb}`,
  );
