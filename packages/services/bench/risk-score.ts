/**
 * In-process scoring latency through the service (`scoreApplicant`: cached roles and model, the
 * champion's score with reasons, the shadow challenger when set, and the score-log insert), next to
 * the bare model (`Scorer.score`) measured in the same run as the baseline.
 *
 *   npm run bench:risk -w @puhui/services          # SQLite in memory
 *   BENCH_DATABASE_URL=postgres://… npm run bench:risk -w @puhui/services   # also PostgreSQL
 *   BENCH_N=2000 …                                  # calls per measurement (default 5000)
 *
 * German credit (1,000 applicants, CC BY 4.0, packages/risk/fixtures): a default scorecard and
 * boosted trees with 300 trees of depth 4 (TreeSHAP reasons on every call).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { randomIds, systemClock } from '@puhui/core';
import { type ApplicantRecord, loadModel, parseCsv, tableRecords } from '@puhui/risk';
import {
  defaultAuthSettings,
  GERMAN_CREDIT_CSV,
  outboxNotifier,
  promoteRiskModel,
  type ServiceContext,
  saveRiskModel,
  scoreApplicant,
  setRiskChallenger,
  trainRiskModel,
} from '@puhui/services';
import { openStore, type Store } from '@puhui/store';
import pg from 'pg';

const N = Number(process.env.BENCH_N ?? 5000);
const csv = readFileSync(GERMAN_CREDIT_CSV, 'utf8');
const applicants: ApplicantRecord[] = tableRecords(parseCsv(csv)).map(({ bad: _bad, ...rest }) => rest);

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measure(
  label: string,
  fn: (a: ApplicantRecord) => unknown,
): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(500, N); i++) await fn(applicants[i % applicants.length]!);
  const t = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const a = applicants[i % applicants.length]!;
    const t0 = performance.now();
    await fn(a);
    t[i] = performance.now() - t0;
  }
  t.sort();
  const out = { p50: quantile(t, 0.5), p99: quantile(t, 0.99) };
  console.log(
    `${label.padEnd(62)} p50 ${out.p50.toFixed(4).padStart(8)} ms   p99 ${out.p99.toFixed(4).padStart(8)} ms   max ${t[t.length - 1]!.toFixed(2)} ms`,
  );
  return out;
}

console.log(`training the benchmark models on German credit (${applicants.length} rows)…`);
let t0 = performance.now();
const card = trainRiskModel({ name: 'bench card', csv, target: 'bad', seed: 7, holdout: 0 });
console.log(`  scorecard: ${(performance.now() - t0).toFixed(0)} ms`);
t0 = performance.now();
const trees = trainRiskModel({
  name: 'bench trees',
  csv,
  target: 'bad',
  model: 'gbdt',
  trees: 300,
  depth: 4,
  folds: 0,
  seed: 7,
  holdout: 0,
});
console.log(`  gbdt (${trees.artefact.gbdt?.trees.length} trees): ${(performance.now() - t0).toFixed(0)} ms`);

async function run(store: Store, where: string): Promise<void> {
  const clock = systemClock;
  const ctx: ServiceContext = {
    store,
    clock,
    ids: randomIds(clock),
    notifier: outboxNotifier(
      () => ctx,
      () => {},
    ),
    auth: { ...defaultAuthSettings, tokenSecret: 'b'.repeat(40) },
  };
  const actor = { kind: 'system', id: 'bench' } as const;
  const [cardRow, treesRow] = await store.transaction(async (tx) => [
    await saveRiskModel(ctx, tx, actor, card),
    await saveRiskModel(ctx, tx, actor, trees),
  ]);
  console.log(`\n${where}`);
  const cardScorer = loadModel(card.artefact);
  const treesScorer = loadModel(trees.artefact);
  const bareCard = await measure('scorecard, model only (Scorer.score)', (a) => cardScorer.score(a));
  await store.transaction((tx) => promoteRiskModel(ctx, tx, actor, cardRow!.id));
  const svcCard = await measure('scorecard champion, through scoreApplicant + log', (a) =>
    scoreApplicant(ctx, { applicant: a, applicantRef: 'bench' }),
  );
  const bareTrees = await measure('300 trees, model only (Scorer.score with TreeSHAP)', (a) =>
    treesScorer.score(a),
  );
  await store.transaction((tx) => promoteRiskModel(ctx, tx, actor, treesRow!.id));
  const svcTrees = await measure('300-tree champion, through scoreApplicant + log', (a) =>
    scoreApplicant(ctx, { applicant: a, applicantRef: 'bench' }),
  );
  await store.transaction((tx) => setRiskChallenger(ctx, tx, actor, cardRow!.id));
  await measure('300-tree champion + scorecard shadow challenger, + 2 log rows', (a) =>
    scoreApplicant(ctx, { applicant: a, applicantRef: 'bench' }),
  );
  console.log(
    `ratios service / model-only p50: scorecard ${(svcCard.p50 / bareCard.p50).toFixed(1)}×, 300 trees ${(svcTrees.p50 / bareTrees.p50).toFixed(2)}×`,
  );
  console.log(
    `targets (issue 5): scorecard p99 < 1 ms → ${svcCard.p99 < 1 ? 'met' : 'NOT met'} through the service (${bareCard.p99 < 1 ? 'met' : 'NOT met'} model-only); 300 trees p99 < 5 ms → ${svcTrees.p99 < 5 ? 'met' : 'NOT met'} through the service (${bareTrees.p99 < 5 ? 'met' : 'NOT met'} model-only)`,
  );
}

const sqlite = openStore({ sqliteFile: ':memory:' });
await sqlite.migrate();
await run(sqlite, `SQLite in memory, ${N} calls each (after 500 warm-up calls)`);
await sqlite.close();

const url = process.env.BENCH_DATABASE_URL;
if (url) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const store = openStore({ databaseUrl: url, pgSchema: schema });
  try {
    await store.migrate();
    await run(store, `PostgreSQL (${store.location}), ${N} calls each`);
  } finally {
    await store.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
