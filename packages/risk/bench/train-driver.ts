// Training driver for profiling (`node --cpu-prof --import tsx bench/train-driver.ts`):
// bins and trains the 100,000-row benchmark dataset once and prints the phase times.
// Env: ROWS (default 100000), TREES (300), DEPTH (4), THREADS (unset = library default).

import { threadStats } from '../src/gbdt/threads/pool.ts';
import {
  binMatrix,
  column,
  detectFeatures,
  encodeTarget,
  featureColumns,
  fitEncoders,
  trainGbdt,
  treeToJson,
} from '../src/index.ts';
import { synthetic } from './synthetic.ts';

const rows = Number(process.env.ROWS ?? 100_000);
const trees = Number(process.env.TREES ?? 300);
const depth = Number(process.env.DEPTH ?? 4);
const threads = process.env.THREADS === undefined ? undefined : Number(process.env.THREADS);
const table = synthetic(rows, 11);
const feats = detectFeatures(table, { exclude: ['bad'] }).features;
const cols = featureColumns(table, feats);
const y = encodeTarget(column(table, 'bad'), 'bad').y;
const c0 = process.cpuUsage();
const t0 = performance.now();
const enc = fitEncoders(cols);
const m = binMatrix(cols, enc);
const t1 = performance.now();
const fit = trainGbdt(
  m,
  y,
  { nTrees: trees, maxDepth: depth, learningRate: 0.05 },
  undefined,
  threads === undefined ? {} : { threads },
);
const t2 = performance.now();
const cpu = process.cpuUsage(c0);
const json = JSON.stringify({ base: fit.baseMargin, trees: fit.trees.map(treeToJson) });
let h = 0;
for (let i = 0; i < json.length; i++) h = (Math.imul(h, 31) + json.charCodeAt(i)) | 0;
console.log(
  `rows ${rows} trees ${fit.trees.length}: binning ${((t1 - t0) / 1000).toFixed(2)} s, training ${((t2 - t1) / 1000).toFixed(2)} s (CPU of all threads, binning included: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s), model hash ${(h >>> 0).toString(16)}`,
);
const s = threadStats();
console.log(
  `commands shared with workers: ${s.parallelCommands} of ${s.commands} (${s.workerChunks} chunks by workers)`,
);
