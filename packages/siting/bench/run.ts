// Siting benchmark: `npm run bench -w @puhui/siting` (or the root `npm run bench`).
//  1. MCLP, 10 000 demand points × 1 000 candidates (seeded synthetic), heuristic: time to solution
//     and the gap to the LP-relaxation bound (targets: < 60 s, gap < 1%).
//  2. The exact HiGHS MIP on 200 × 50 for each model (median of 3 runs).
// Baseline in the same run: plain greedy + vertex interchange on the large instance (no LP, no
// Lagrangian-seeded restarts), measured against the same proven bound, so the ratios show what the
// extra phases cost and gain.
import { nearestAssignment, objectiveOf } from '../src/evaluate.ts';
import { greedyInterchange } from '../src/heuristic.ts';
import {
  buildInstance,
  createRng,
  loadHighsSolver,
  relativeGap,
  solve,
  syntheticProblem,
} from '../src/index.ts';

const now = (): number => performance.now();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (s: number): string => `${s.toFixed(2)} s`;
const solver = await loadHighsSolver();

const large = syntheticProblem(createRng(2024), {
  model: 'mclp',
  demand: 10_000,
  candidates: 1_000,
  p: 40,
  radius: 6,
});
console.log('MCLP 10 000 × 1 000, p = 40, radius 6 km (100 × 100 km, seed 2024)');
const full = await solve(large, { now, solver, method: 'heuristic' });
if (!full.ok) throw new Error(full.error.message);
const res = full.value;
const bound = res.objective / (1 - res.gap);
const inst = buildInstance(large);
if (!inst.ok) throw new Error(inst.error.message);
const t0 = now();
const plain = objectiveOf(inst.value, nearestAssignment(inst.value, greedyInterchange(inst.value).open));
const plainSeconds = (now() - t0) / 1000;
const plainGap = relativeGap('mclp', plain, bound);
console.log(`  LP-relaxation bound (certified through its duals): ${bound.toFixed(0)}`);
console.log(
  `  baseline greedy + interchange: ${fmt(plainSeconds)}, covered ${plain}, gap ${(plainGap * 100).toFixed(2)}%`,
);
console.log(
  `  full heuristic:                ${fmt(res.seconds)}, covered ${res.objective} (${(res.coveredShare * 100).toFixed(1)}%), gap ${(res.gap * 100).toFixed(2)}%`,
);
console.log(
  `  ratios full / baseline: time ${(res.seconds / plainSeconds).toFixed(1)}×, covered ${(res.objective / plain).toFixed(4)}`,
);
console.log(
  `  targets: time < 60 s ${res.seconds < 60 ? 'met' : 'MISSED'}, gap < 1% ${res.gap < 0.01 ? 'met' : 'MISSED'}`,
);

console.log('Exact MIP (HiGHS) on 200 × 50, p = 5, radius 12 km (median of 3)');
for (const model of ['mclp', 'lscp', 'pmedian', 'pcenter'] as const) {
  const problem = syntheticProblem(createRng(3), {
    model,
    demand: 200,
    candidates: 50,
    p: 5,
    radius: model === 'lscp' ? 25 : 12,
  });
  const times: number[] = [];
  let objective = 0;
  for (let k = 0; k < 3; k++) {
    const r = await solve(problem, { now, solver, method: 'exact' });
    if (!r.ok) throw new Error(`${model}: ${r.error.message}`);
    times.push(r.value.seconds);
    objective = r.value.objective;
  }
  console.log(`  ${model.padEnd(8)} ${fmt(median(times))}  objective ${Number(objective.toFixed(3))}`);
}
