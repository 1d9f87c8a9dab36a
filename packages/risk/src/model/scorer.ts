import type { RawValue } from '../data/values.ts';
import { parseNumber, toLabel, toNumeric } from '../data/values.ts';
import { compileEnsemble } from '../gbdt/compiled.ts';
import { type Ensemble, marginToProbability } from '../gbdt/ensemble.ts';
import { compileEncoder } from '../gbdt/feature-encoder.ts';
import { treeFromJson } from '../gbdt/tree.ts';
import { logitToScore, probabilityToScore } from '../scorecard/scaling.ts';
import { compileScorecard } from '../scorecard/scorecard.ts';
import { type GradeBand, type ModelArtefact, parseArtefact } from './artefact.ts';

/** An applicant: column name → raw cell. Columns the model does not use are ignored. */
export type ApplicantRecord = Readonly<Record<string, RawValue>>;

/** Why a score is not higher: one input and how much it cost. */
export interface Reason {
  readonly feature: string;
  /** The applicant's value (trees) or the bin it fell in (scorecards). */
  readonly value: string;
  /** Points lost against the best bin (scorecards) or log-odds added to the bad risk (trees, TreeSHAP). */
  readonly impact: number;
  /** `feature: value`, as printed in reason columns. */
  readonly text: string;
}

/** The decision inputs for one applicant. */
export interface ScoreResult {
  /** Probability of the bad outcome. */
  readonly probability: number;
  /** Scaled score (higher = safer). */
  readonly score: number;
  readonly grade: string;
  /** Up to three reasons, the most costly first. */
  readonly reasons: readonly Reason[];
}

/** A model loaded once and used for many applicants. */
export interface Scorer {
  readonly artefact: ModelArtefact;
  /** Probability, score, grade and reasons for one applicant. */
  score(record: ApplicantRecord): ScoreResult;
  /** Probability of bad only (no explanation work). */
  probability(record: ApplicantRecord): number;
}

/**
 * The grade of a score: the first band (best first) whose minimum the score reaches.
 *
 * @example gradeOf(612, [{ grade: 'A', minScore: 600 }, { grade: 'B', minScore: null }]); // 'A'
 */
export function gradeOf(score: number, grades: readonly GradeBand[]): string {
  for (const g of grades) if (g.minScore === null || score >= g.minScore) return g.grade;
  return grades[grades.length - 1]?.grade ?? '';
}

function display(v: RawValue): string {
  const l = toLabel(v);
  return l === null ? 'missing' : l;
}

/**
 * Loads an artefact (or its parsed JSON) into a {@link Scorer}. All compilation — bin lookups,
 * encoders, trees — happens here, so each `score` call only walks the model.
 *
 * @example const s = loadModel(JSON.parse(text)); s.score({ duration_months: 24, … }).grade; // 'B'
 */
export function loadModel(input: ModelArtefact | unknown): Scorer {
  const artefact = parseArtefact(input);
  const grades = artefact.grades;
  if (artefact.modelType === 'scorecard') {
    const sc = artefact.scorecard!;
    const run = compileScorecard({
      scaling: artefact.scaling,
      intercept: sc.intercept,
      integerPoints: sc.integerPoints,
      variables: sc.variables,
    });
    return {
      artefact,
      probability: (r) => run(r).probability,
      score(r) {
        const out = run(r);
        return {
          probability: out.probability,
          score: out.score,
          grade: gradeOf(out.score, grades),
          reasons: out.reasons.map((x) => ({
            feature: x.variable,
            value: x.bin,
            impact: x.pointsLost,
            text: `${x.variable}: ${x.bin}`,
          })),
        };
      },
    };
  }
  let names: string[];
  let encode: (r: ApplicantRecord, out: Float64Array) => void;
  let ensemble: Ensemble;
  if (artefact.modelType === 'gbdt') {
    const g = artefact.gbdt!;
    names = g.encoders.map((e) => e.name);
    const fns = g.encoders.map(compileEncoder);
    encode = (r, out) => {
      for (let f = 0; f < fns.length; f++) out[f] = fns[f]!(r[names[f]!]);
    };
    ensemble = {
      trees: g.trees.map(treeFromJson),
      baseMargin: g.baseMargin,
      featureCount: names.length,
      float32: false,
    };
  } else {
    const x = artefact.xgboost!;
    names = [...x.featureNames];
    const maps = names.map((n, i) =>
      x.featureTypes[i] === 'c' ? new Map((x.categoryCodes[n] ?? []).map((l, k) => [l, k] as const)) : null,
    );
    encode = (r, out) => {
      for (let f = 0; f < names.length; f++) {
        const v = r[names[f]!];
        const m = maps[f];
        if (m) {
          const l = toLabel(v);
          const code = l === null ? undefined : (m.get(l) ?? parseNumber(l));
          out[f] = code === undefined || code < 0 ? Number.NaN : Math.fround(code);
        } else out[f] = Math.fround(toNumeric(v));
      }
    };
    ensemble = {
      trees: x.trees.map(treeFromJson),
      baseMargin: x.baseMargin,
      featureCount: names.length,
      float32: true,
    };
  }
  // Compiled once: flat node arrays and per-leaf TreeSHAP tables, so a call allocates only its
  // result. Reasons are the (at most) three largest positive contributions.
  const compiled = compileEnsemble(ensemble);
  const codes = new Float64Array(names.length);
  const phi = new Float64Array(names.length);
  const top = new Int32Array(3);
  const isXgb = artefact.modelType === 'xgboost';
  const scoreOf = (p: number, margin: number): number =>
    Math.round(isXgb ? probabilityToScore(p, artefact.scaling) : logitToScore(margin, artefact.scaling));
  return {
    artefact,
    probability(r) {
      encode(r, codes);
      return marginToProbability(compiled.margin(codes), ensemble.float32);
    },
    score(r) {
      encode(r, codes);
      const margin = compiled.margin(codes);
      const probability = marginToProbability(margin, ensemble.float32);
      phi.fill(0);
      compiled.shap(codes, phi);
      // Top three by contribution (ties: lower feature index first), above 1e-12.
      let kept = 0;
      for (let f = 0; f < phi.length; f++) {
        const v = phi[f]!;
        if (!(v > 1e-12)) continue;
        let i = kept < 3 ? kept++ : 3;
        while (i > 0 && phi[top[i - 1]!]! < v) {
          if (i < 3) top[i] = top[i - 1]!;
          i--;
        }
        if (i < 3) top[i] = f;
      }
      const reasons: Reason[] = [];
      for (let i = 0; i < kept; i++) {
        const f = top[i]!;
        const value = display(r[names[f]!]);
        reasons.push({ feature: names[f]!, value, impact: phi[f]!, text: `${names[f]!}: ${value}` });
      }
      const score = scoreOf(probability, margin);
      return { probability, score, grade: gradeOf(score, grades), reasons };
    },
  };
}
