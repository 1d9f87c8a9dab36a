import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, type LocalDate } from '@puhui/money';
import { eodDueThrough, parseEodSchedule } from '@puhui/services';
import { openStore, type Store, setOpenDate } from '@puhui/store';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function configFor(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'puhui-server-'));
  dirs.push(dataDir);
  return loadConfig({ PUHUI_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', ...env });
}

async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const completedDates = (store: Store) =>
  store.db
    .selectFrom('eod_runs')
    .select('business_date')
    .where('status', '=', 'completed')
    .orderBy('business_date')
    .execute()
    .then((rows) => rows.map((r) => r.business_date));

it('runs the scheduled end of day: every business date that is due closes, in order, after a restart', async () => {
  const config = configFor({
    PUHUI_EOD_AT: '00:30',
    PUHUI_TIMEZONE: 'Asia/Shanghai',
    PUHUI_EOD_CHECK_MS: '100',
  });
  const through = eodDueThrough(new Date(), parseEodSchedule('00:30', 'Asia/Shanghai'));
  // The books were last open three days before the last date due (the server was down).
  const store = openStore(config.store);
  await store.migrate();
  const open = addDays(through as LocalDate, -3);
  await setOpenDate(store.db, open, new Date().toISOString());
  const server = await startServer(config, { print: () => {} });
  try {
    const dates = await until(
      'the scheduled end of day',
      () => completedDates(store),
      (d) => d.length >= 4,
    );
    expect(dates).toEqual([0, 1, 2, 3].map((n) => addDays(open as LocalDate, n)));
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
  } finally {
    await server.close();
    await store.close();
  }
});

it('switches the schedule off with PUHUI_EOD_AT=off and refuses a malformed time', () => {
  expect(configFor({ PUHUI_EOD_AT: 'off' }).eodSchedule).toBeUndefined();
  expect(configFor({}).eodSchedule).toEqual({ at: '00:30', timeZone: 'Asia/Shanghai' });
  expect(() => configFor({ PUHUI_EOD_AT: '25:00' })).toThrow(/PUHUI_EOD_AT/);
  expect(() => configFor({ PUHUI_TIMEZONE: 'Nowhere/Town' })).toThrow(/time zone/);
});

it('serves at once while the demo loan book grows in the background, and stops the growth on close', async () => {
  const config = configFor({ PUHUI_EOD_CHECK_MS: '100' });
  const server = await startServer(config, {
    demo: true,
    demoLoans: 5,
    demoInBackground: true,
    print: () => {},
  });
  const store = openStore(config.store);
  try {
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    // The history is replayed day by day: wait until some of it is in the books, then stop.
    const days = await until(
      'replayed demo days',
      () => completedDates(store),
      (d) => d.length >= 20,
    );
    expect(days.length).toBeLessThan(365);
  } finally {
    await server.close();
  }
  try {
    const after = await completedDates(store);
    expect(after.length).toBeLessThan(365);
    // Every date closed so far is complete (each simulated day ends with its end of day); no run is left open.
    const open = await store.db
      .selectFrom('eod_runs')
      .select('status')
      .where('status', '!=', 'completed')
      .execute();
    expect(open.length).toBeLessThanOrEqual(1);
  } finally {
    await store.close();
  }
});
