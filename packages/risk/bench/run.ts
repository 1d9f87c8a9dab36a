// Benchmark of @puhui/risk against the reference tools in ../shared/bench (scikit-learn, XGBoost,
// LightGBM), measured in the same run on the same machine:
//   1. German credit, 30 % stratified test split (seed 7, made by split.py so every tool sees the
//      same rows): test AUC and KS of our scorecard and boosted trees (plain defaults) next to
//      peers.py; our scores are also passed through metrics.py.
//   2. Training time on a seeded synthetic 100,000-row dataset (15 numeric, 5 categorical
//      columns) with 300 trees of depth 4, learning rate 0.05, as a ratio to XGBoost `hist` with
//      the same number of threads: median of BENCH_REPEAT runs per side, interleaved, with the
//      load average around them.
//   3. In-process scoring latency (p50/p99 of 10,000 calls) of a scorecard and of a 300-tree
//      model with reasons.
// Usage: npm run bench -w @puhui/risk   (BENCH_REPEAT=N sets the timing repeats, default 3)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWorkers, threadStats } from '../src/gbdt/threads/pool.ts';
import {
  auc,
  binMatrix,
  column,
  detectFeatures,
  encodeTarget,
  featureColumns,
  fitEncoders,
  ks,
  loadModel,
  parseCsv,
  stratifiedSplit,
  type Table,
  tableRecords,
  toCsv,
  trainGbdt,
  trainModel,
} from '../src/index.ts';
import { synthetic } from './synthetic.ts';

const here = dirname(fileURLToPath(import.meta.url));
const shared = resolve(here, '../../../../shared');
const benchDir = join(shared, 'bench');
const germanCsv = join(shared, 'data/german-credit/german-credit.csv');
const PY = '/usr/bin/python3';
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const tmp = mkdtempSync(join(tmpdir(), 'puhui-risk-bench-'));

function havePython(): boolean {
  if (!existsSync(PY) || !existsSync(join(benchDir, 'peers.py'))) return false;
  try {
    execFileSync(PY, ['-c', 'import sklearn, xgboost, pandas'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function py(args: string[], env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(PY, args, { encoding: 'utf8', cwd: benchDir, maxBuffer: 1 << 26, env });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function fmt(x: number | undefined, d = 4): string {
  return x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d);
}

type PeerModels = Record<string, { auc?: number; ks?: number; train_s?: number; error?: string }>;

const python = havePython();
if (!python)
  console.log(
    'note: /usr/bin/python3 with sklearn+xgboost not found: peers are skipped (see ../shared/bench/README.md)\n',
  );

// ---- 1. German credit --------------------------------------------------------------------------
console.log('== German credit: 30 % stratified test split, seed 7 ==');
let trTable: Table;
let teTable: Table;
const trPath = join(tmp, 'german-train.csv');
const tePath = join(tmp, 'german-test.csv');
let peers: PeerModels = {};
if (python) {
  py([
    'split.py',
    '--data',
    germanCsv,
    '--target',
    'bad',
    '--test-fraction',
    '0.3',
    '--seed',
    '7',
    '--train',
    trPath,
    '--test',
    tePath,
  ]);
  trTable = parseCsv(readFileSync(trPath, 'utf8'));
  teTable = parseCsv(readFileSync(tePath, 'utf8'));
  peers = (
    JSON.parse(py(['peers.py', '--train', trPath, '--test', tePath, '--target', 'bad'])) as {
      models: PeerModels;
    }
  ).models;
} else {
  const all = parseCsv(readFileSync(germanCsv, 'utf8'));
  const { train, test } = stratifiedSplit(encodeTarget(column(all, 'bad'), 'bad').y, 0.3, 7);
  trTable = { header: all.header, rows: train.map((i) => all.rows[i]!) };
  teTable = { header: all.header, rows: test.map((i) => all.rows[i]!) };
}
const yTest = encodeTarget(column(teTable, 'bad'), 'bad').y;
const teRecords = tableRecords(teTable);
const ours: Record<
  string,
  { auc: number; ks: number; train_s: number; checked?: { auc: number; ks: number } }
> = {};
for (const model of ['scorecard', 'gbdt'] as const) {
  const t0 = performance.now();
  const { artefact } = trainModel(trTable, { target: 'bad', model, seed: 7 });
  const train_s = (performance.now() - t0) / 1000;
  const scorer = loadModel(artefact);
  const p = teRecords.map((r) => scorer.probability(r));
  const row: (typeof ours)[string] = { auc: auc(yTest, p), ks: ks(yTest, p).ks, train_s };
  if (python) {
    const scores = join(tmp, `${model}-scores.csv`);
    writeFileSync(
      scores,
      toCsv(
        ['probability'],
        p.map((x) => [String(x)]),
      ),
    );
    row.checked = JSON.parse(
      py(['metrics.py', '--truth', tePath, '--target', 'bad', '--scores', scores]),
    ) as { auc: number; ks: number };
  }
  ours[`puhui_${model}`] = row;
}
console.log(
  `${'model'.padEnd(20)} ${'test AUC'.padStart(9)} ${'KS'.padStart(8)} ${'train s'.padStart(8)}  (metrics.py AUC / KS)`,
);
for (const [name, r] of Object.entries(ours))
  console.log(
    `${name.padEnd(20)} ${fmt(r.auc).padStart(9)} ${fmt(r.ks).padStart(8)} ${fmt(r.train_s, 3).padStart(8)}  ${r.checked ? `${fmt(r.checked.auc)} / ${fmt(r.checked.ks)}` : ''}`,
  );
for (const [name, r] of Object.entries(peers))
  console.log(
    `${name.padEnd(20)} ${r.error ? r.error : `${fmt(r.auc).padStart(9)} ${fmt(r.ks).padStart(8)} ${fmt(r.train_s, 3).padStart(8)}`}`,
  );
const peerAucs = Object.values(peers)
  .map((r) => r.auc)
  .filter((a): a is number => a !== undefined);
if (peerAucs.length) {
  const best = Math.max(...peerAucs);
  const lr = peers.sklearn_logistic?.auc;
  console.log(
    `scorecard vs sklearn logistic: ${fmt(ours.puhui_scorecard!.auc - (lr ?? Number.NaN))} AUC; gbdt vs best peer: ${fmt(ours.puhui_gbdt!.auc - best)} AUC (300 test rows: ±0.02 is noise)`,
  );
}

// ---- 2. Training time on 100,000 rows --------------------------------------------------------
// Per repeat, in turn: puhui on one thread, puhui with its default threads (every core from 20,000
// rows), XGBoost hist with n_jobs = every core (the same number of threads as puhui's default),
// the same with OMP_WAIT_POLICY=PASSIVE, and XGBoost hist with n_jobs = 1; medians per side, and
// ratios of like to like (default to all-core XGBoost, one thread to one-thread XGBoost). Timed: binning + training for puhui,
// XGBClassifier.fit (including its DMatrix/quantile sketch) for XGBoost.
const cores = availableParallelism();
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
console.log(
  `\n== Training time: 100,000 rows × 20 features, 300 trees, depth 4, learning rate 0.05 (${repeat} runs per side) ==`,
);
console.log(`cores: ${cores}; load average before: ${load()}`);
const big = synthetic(100_000, 11);
const bigPath = join(tmp, 'synthetic-100k.csv');
const smallPath = join(tmp, 'synthetic-test.csv');
writeFileSync(bigPath, toCsv(big.header, big.rows));
writeFileSync(smallPath, toCsv(big.header, big.rows.slice(0, 2000)));
const feats = detectFeatures(big, { exclude: ['bad'] }).features;
const bigCols = featureColumns(big, feats);
const bigY = encodeTarget(column(big, 'bad'), 'bad').y;
// Workers start in the background on first use and join a run when ready; start them before
// timing so that every timed run sees the same pool.
await startWorkers(cores - 1);
const timed = (threads: number | undefined): number => {
  const t0 = performance.now();
  const enc = fitEncoders(bigCols);
  const fit = trainGbdt(
    binMatrix(bigCols, enc),
    bigY,
    { nTrees: 300, maxDepth: 4, learningRate: 0.05, minChildWeight: 1, lambda: 1 },
    undefined,
    threads === undefined ? {} : { threads },
  );
  const s = (performance.now() - t0) / 1000;
  if (fit.trees.length !== 300) throw new Error('expected 300 trees');
  return s;
};
const oneThread: number[] = [];
const ourTimes: number[] = [];
const xgbTimes: number[] = [];
const xgbOneThread: number[] = [];
const xgbPassive: number[] = [];
// OMP_WAIT_POLICY=PASSIVE: XGBoost's OpenMP threads sleep instead of spinning at barriers. By
// default they spin, which on a busy machine (the other thread descheduled) costs it up to 10×.
const xgb = (threads: number, passive = false): number => {
  const out = JSON.parse(
    py(
      [
        'peers.py',
        '--train',
        bigPath,
        '--test',
        smallPath,
        '--target',
        'bad',
        '--models',
        'xgb',
        '--threads',
        String(threads),
      ],
      passive ? { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' } : process.env,
    ),
  ) as { models: PeerModels };
  return out.models.xgboost_hist?.train_s ?? Number.NaN;
};
for (let r = 0; r < repeat; r++) {
  oneThread.push(timed(1));
  ourTimes.push(timed(undefined));
  if (python) {
    xgbTimes.push(xgb(cores));
    xgbPassive.push(xgb(cores, true));
    xgbOneThread.push(xgb(1));
  }
}
const list = (xs: number[]): string => xs.map((t) => t.toFixed(2)).join(', ');
const stats = threadStats();
console.log(
  `puhui gbdt, 1 thread:               median ${fmt(median(oneThread), 2)} s  [${list(oneThread)}]`,
);
console.log(
  `puhui gbdt, default (${cores} threads):    median ${fmt(median(ourTimes), 2)} s  [${list(ourTimes)}]  (commands shared with a worker: ${stats.parallelCommands} of ${stats.commands})`,
);
if (python) {
  console.log(
    `xgboost hist (${cores} threads):           median ${fmt(median(xgbTimes), 2)} s  [${list(xgbTimes)}]`,
  );
  console.log(
    `xgboost hist (${cores} threads, passive):  median ${fmt(median(xgbPassive), 2)} s  [${list(xgbPassive)}]`,
  );
  console.log(
    `xgboost hist (1 thread):             median ${fmt(median(xgbOneThread), 2)} s  [${list(xgbOneThread)}]`,
  );
  console.log(
    `ratio puhui / xgboost, same threads: ${fmt(median(ourTimes) / median(xgbTimes), 2)}× with ${cores} threads (target ≤ 1×; ${fmt(median(ourTimes) / median(xgbPassive), 2)}× against passive waits), ${fmt(median(oneThread) / median(xgbOneThread), 2)}× with one`,
  );
  const perRun = (ours: number[], theirs: number[]): string =>
    ours.map((t, i) => (t / theirs[i]!).toFixed(2)).join(', ');
  console.log(
    `per-run ratios: ${cores} threads [${perRun(ourTimes, xgbTimes)}], passive [${perRun(ourTimes, xgbPassive)}], one thread [${perRun(oneThread, xgbOneThread)}]`,
  );
}
console.log(`load average after: ${load()}`);

// ---- 3. Scoring latency ------------------------------------------------------------------------
// 10,000 single-record calls (cycling through the German test rows) after 2,000 warm-up calls.
console.log('\n== In-process scoring latency: score() with grade and three reasons, 10,000 calls ==');
const scorecard = loadModel(trainModel(trTable, { target: 'bad', seed: 7, folds: 0 }).artefact);
const trees300 = loadModel(
  trainModel(trTable, { target: 'bad', model: 'gbdt', seed: 7, folds: 0, gbdt: { nTrees: 300, maxDepth: 4 } })
    .artefact,
);
for (const [name, s] of [
  ['scorecard', scorecard],
  ['gbdt 300 trees depth 4', trees300],
] as const) {
  for (let i = 0; i < 2000; i++) s.score(teRecords[i % teRecords.length]!);
  const lat = new Float64Array(10_000);
  for (let i = 0; i < lat.length; i++) {
    const r = teRecords[i % teRecords.length]!;
    const t = performance.now();
    s.score(r);
    lat[i] = performance.now() - t;
  }
  lat.sort();
  console.log(
    `${name.padEnd(24)} p50 ${fmt(lat[5000]!, 3)} ms  p99 ${fmt(lat[9900]!, 3)} ms  max ${fmt(lat[9999]!, 2)} ms`,
  );
}
console.log(`load average: ${load()}`);
rmSync(tmp, { recursive: true, force: true });
