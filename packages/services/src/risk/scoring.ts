import { performance } from 'node:perf_hooks';
import { AppError } from '@puhui/core';
import { type ApplicantRecord, isMissing, loadModel, type Scorer } from '@puhui/risk';
import {
  findRiskModel,
  findRiskRoles,
  insertRiskScores,
  listShadowPairs,
  type RiskScoreLogRow,
  type Store,
} from '@puhui/store';
import { nowIso, type ServiceContext } from '../context.ts';
import { modelInputs } from './inputs.ts';

/** A stored model compiled for scoring. Artefacts never change once stored, so this never goes stale. */
interface LoadedModel {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly kind: 'scorecard' | 'gbdt' | 'xgboost';
  readonly scorer: Scorer;
  readonly inputs: readonly string[];
  readonly cutoff: number;
}

interface RiskModelCache {
  /** Who holds the champion and challenger roles, and when that was read (clock ms). */
  roles: { championId: string | null; challengerId: string | null; readAt: number } | null;
  /** Loaded models by id, least recently used first. */
  readonly models: Map<string, LoadedModel>;
}

/**
 * How long the role assignment read from the database is trusted. A promotion in this process
 * invalidates it at once; other server processes see it within this time.
 */
export const RISK_ROLE_TTL_MS = 2_000;
const MAX_LOADED_MODELS = 8;

const caches = new WeakMap<Store, RiskModelCache>();

function cacheOf(ctx: ServiceContext): RiskModelCache {
  let c = caches.get(ctx.store);
  if (!c) {
    c = { roles: null, models: new Map() };
    caches.set(ctx.store, c);
  }
  return c;
}

/**
 * Forgets which models hold the champion and challenger roles, so the next score reads them from
 * the database. Role changes call it in their transaction; routes call it again after commit.
 *
 * @example invalidateRiskModelCache(ctx);
 */
export function invalidateRiskModelCache(ctx: ServiceContext): void {
  cacheOf(ctx).roles = null;
}

async function roles(
  ctx: ServiceContext,
): Promise<{ championId: string | null; challengerId: string | null }> {
  const cache = cacheOf(ctx);
  const now = ctx.clock.now().getTime();
  const r = cache.roles;
  if (r && now - r.readAt >= 0 && now - r.readAt < RISK_ROLE_TTL_MS) return r;
  const fresh = await findRiskRoles(ctx.store.db);
  cache.roles = { ...fresh, readAt: now };
  return fresh;
}

async function loaded(ctx: ServiceContext, id: string): Promise<LoadedModel> {
  const cache = cacheOf(ctx);
  const hit = cache.models.get(id);
  if (hit) {
    cache.models.delete(id);
    cache.models.set(id, hit);
    return hit;
  }
  const row = await findRiskModel(ctx.store.db, id);
  if (!row) throw new AppError('not_found', `No risk model ${id}`);
  const scorer = loadModel(JSON.parse(row.artefact));
  const model: LoadedModel = {
    id,
    name: row.name,
    version: row.version,
    kind: row.kind,
    scorer,
    inputs: modelInputs(scorer.artefact),
    cutoff: scorer.artefact.cutoff,
  };
  cache.models.set(id, model);
  while (cache.models.size > MAX_LOADED_MODELS) cache.models.delete(cache.models.keys().next().value!);
  return model;
}

/** One reason a score is not higher. */
export interface RiskScoreReason {
  readonly feature: string;
  /** The scorecard bin the applicant fell in, or the applicant's value (trees). */
  readonly value: string;
  /** Scorecards: points lost against the best bin of the variable. */
  readonly points?: number;
  /** Trees: TreeSHAP contribution to the log-odds of bad. */
  readonly contribution?: number;
  readonly text: string;
}

/** The champion's answer for one applicant. */
export interface RiskScoreResult {
  /** Links this answer to its score-log rows (champion and shadow challenger). */
  readonly requestId: string;
  readonly modelId: string;
  readonly modelName: string;
  readonly modelVersion: number;
  readonly kind: 'scorecard' | 'gbdt' | 'xgboost';
  /** Probability of the bad outcome. */
  readonly probability: number;
  /** Scaled score, higher = safer. */
  readonly score: number;
  readonly grade: string;
  /** `decline` when probability ≥ cutoff. */
  readonly decision: 'approve' | 'decline';
  readonly cutoff: number;
  /** Up to three reasons, the most costly first. */
  readonly reasons: readonly RiskScoreReason[];
  /** Inputs of the model the applicant lacked (absent, empty, `NA`, …): scored as missing values. */
  readonly missingInputs: readonly string[];
}

/** Input of {@link scoreApplicant}. */
export interface RiskScoreRequest {
  /** Column → value, as in the training CSV. Columns the model does not use are ignored. */
  readonly applicant: ApplicantRecord;
  /** The caller's reference for the application (never personal data). */
  readonly applicantRef?: string | undefined;
  /** Id tying the log rows together (e.g. the HTTP request id); generated when absent. */
  readonly requestId?: string | undefined;
}

function missingOf(model: LoadedModel, applicant: ApplicantRecord): string[] {
  return model.inputs.filter((f) => isMissing(applicant[f]));
}

function logRow(
  ctx: ServiceContext,
  model: LoadedModel,
  role: 'champion' | 'challenger',
  request: { requestId: string; applicantRef: string | null; at: string },
  out: {
    probability: number;
    score: number;
    grade: string;
    reasons: readonly { feature: string; impact: number }[];
  },
  missing: number,
  latencyMs: number,
): RiskScoreLogRow {
  return {
    id: ctx.ids.next('rsc'),
    request_id: request.requestId,
    model_id: model.id,
    role,
    applicant_ref: request.applicantRef,
    probability: out.probability,
    score: out.score,
    grade: out.grade,
    decision: out.probability >= model.cutoff ? 'decline' : 'approve',
    // Feature names and costs only: the applicant's values never reach the log.
    reasons: JSON.stringify(out.reasons.map((r) => ({ feature: r.feature, impact: r.impact }))),
    missing_count: missing,
    latency_ms: latencyMs,
    created_at: request.at,
  };
}

/**
 * Scores one applicant with the champion and returns probability, score, grade, decision and
 * reasons. The challenger, if any, scores the same applicant in shadow (its answer is logged, not
 * returned; a challenger failure never fails the request). Both land in the score log with the
 * applicant reference only. Inputs the model uses but the applicant lacks are scored as missing
 * values and listed; an applicant with none of them is refused (`applicant_unusable`). Without a
 * champion: `no_champion`. Models are compiled once and cached in process. Call it outside any
 * transaction (it writes the log through `ctx.store.db`).
 *
 * @example const r = await scoreApplicant(ctx, { applicant: { duration_months: 24, … }, applicantRef: 'APP-1' });
 */
export async function scoreApplicant(
  ctx: ServiceContext,
  request: RiskScoreRequest,
): Promise<RiskScoreResult> {
  const { championId, challengerId } = await roles(ctx);
  if (!championId) throw new AppError('no_champion', 'No risk model is promoted champion yet');
  const champion = await loaded(ctx, championId);
  const missing = missingOf(champion, request.applicant);
  if (missing.length === champion.inputs.length && champion.inputs.length > 0)
    throw new AppError(
      'applicant_unusable',
      `The applicant has none of the model's ${champion.inputs.length} inputs`,
      champion.inputs.slice(0, 50).map((f) => ({ path: `body.applicant.${f}`, message: 'expected input' })),
    );
  const started = performance.now();
  const out = champion.scorer.score(request.applicant);
  const latency = performance.now() - started;
  const meta = {
    requestId: request.requestId ?? ctx.ids.next('rsq'),
    applicantRef: request.applicantRef ?? null,
    at: nowIso(ctx),
  };
  const rows = [logRow(ctx, champion, 'champion', meta, out, missing.length, latency)];
  if (challengerId) {
    try {
      const challenger = await loaded(ctx, challengerId);
      const t0 = performance.now();
      const shadow = challenger.scorer.score(request.applicant);
      const t1 = performance.now();
      rows.push(
        logRow(
          ctx,
          challenger,
          'challenger',
          meta,
          shadow,
          missingOf(challenger, request.applicant).length,
          t1 - t0,
        ),
      );
    } catch {
      // The shadow model must never change or fail the live answer.
    }
  }
  await insertRiskScores(ctx.store.db, rows);
  const scorecard = champion.kind === 'scorecard';
  return {
    requestId: meta.requestId,
    modelId: champion.id,
    modelName: champion.name,
    modelVersion: champion.version,
    kind: champion.kind,
    probability: out.probability,
    score: out.score,
    grade: out.grade,
    decision: rows[0]!.decision,
    cutoff: champion.cutoff,
    reasons: out.reasons.map((r) => ({
      feature: r.feature,
      value: r.value,
      ...(scorecard ? { points: r.impact } : { contribution: r.impact }),
      text: r.text,
    })),
    missingInputs: missing,
  };
}

/** How the challenger's shadow answers compare with the champion's on the same applicants. */
export interface ShadowSummary {
  readonly champion: { readonly id: string; readonly name: string; readonly version: number } | null;
  readonly challenger: { readonly id: string; readonly name: string; readonly version: number } | null;
  /** Applicants scored by both (at most `limit`, newest first). */
  readonly pairs: number;
  readonly from: string | null;
  readonly to: string | null;
  /** Share of applicants given the same grade / the same approve-decline decision. */
  readonly gradeAgreement: number | null;
  readonly decisionAgreement: number | null;
  readonly approvalRate: { readonly champion: number | null; readonly challenger: number | null };
  /** Mean and largest |challenger − champion| bad probability. */
  readonly meanAbsProbabilityDifference: number | null;
  readonly maxAbsProbabilityDifference: number | null;
  /** Mean challenger − champion score. */
  readonly meanScoreDifference: number | null;
  /** Pearson correlation of the two scores (null when either is constant). */
  readonly scoreCorrelation: number | null;
  /** Counts of (champion grade, challenger grade). */
  readonly grades: readonly {
    readonly champion: string;
    readonly challenger: string;
    readonly count: number;
  }[];
}

/**
 * Summarises champion-versus-challenger agreement over the newest `limit` applicants both scored
 * (by default the current pair of models): grade and decision agreement, approval rates,
 * probability and score differences, score correlation and the grade cross-table.
 *
 * @example (await shadowSummary(ctx, { limit: 10_000 })).decisionAgreement; // 0.94
 */
export async function shadowSummary(
  ctx: ServiceContext,
  options: { limit: number; championId?: string | undefined; challengerId?: string | undefined },
): Promise<ShadowSummary> {
  const current = await findRiskRoles(ctx.store.db);
  const championId = options.championId ?? current.championId;
  const challengerId = options.challengerId ?? current.challengerId;
  const ref = async (id: string | null) => {
    if (!id) return null;
    const row = await findRiskModel(ctx.store.db, id);
    if (!row) throw new AppError('not_found', `No risk model ${id}`);
    return { id: row.id, name: row.name, version: row.version };
  };
  const champion = await ref(championId);
  const challenger = await ref(challengerId);
  const pairs =
    champion && challenger
      ? await listShadowPairs(ctx.store.db, {
          championId: champion.id,
          challengerId: challenger.id,
          limit: options.limit,
        })
      : [];
  const n = pairs.length;
  const empty: ShadowSummary = {
    champion,
    challenger,
    pairs: 0,
    from: null,
    to: null,
    gradeAgreement: null,
    decisionAgreement: null,
    approvalRate: { champion: null, challenger: null },
    meanAbsProbabilityDifference: null,
    maxAbsProbabilityDifference: null,
    meanScoreDifference: null,
    scoreCorrelation: null,
    grades: [],
  };
  if (n === 0) return empty;
  let sameGrade = 0;
  let sameDecision = 0;
  let champApproved = 0;
  let challApproved = 0;
  let absDiff = 0;
  let maxDiff = 0;
  let scoreDiff = 0;
  let sx = 0;
  let sy = 0;
  const cross = new Map<string, { champion: string; challenger: string; count: number }>();
  for (const p of pairs) {
    if (p.champion_grade === p.challenger_grade) sameGrade++;
    if (p.champion_decision === p.challenger_decision) sameDecision++;
    if (p.champion_decision === 'approve') champApproved++;
    if (p.challenger_decision === 'approve') challApproved++;
    const d = Math.abs(p.challenger_probability - p.champion_probability);
    absDiff += d;
    maxDiff = Math.max(maxDiff, d);
    scoreDiff += p.challenger_score - p.champion_score;
    sx += p.champion_score;
    sy += p.challenger_score;
    const key = `${p.champion_grade}\u0000${p.challenger_grade}`;
    const cell = cross.get(key) ?? { champion: p.champion_grade, challenger: p.challenger_grade, count: 0 };
    cell.count++;
    cross.set(key, cell);
  }
  const mx = sx / n;
  const my = sy / n;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  for (const p of pairs) {
    const dx = p.champion_score - mx;
    const dy = p.challenger_score - my;
    cxy += dx * dy;
    cxx += dx * dx;
    cyy += dy * dy;
  }
  return {
    ...empty,
    pairs: n,
    from: pairs[n - 1]!.created_at,
    to: pairs[0]!.created_at,
    gradeAgreement: sameGrade / n,
    decisionAgreement: sameDecision / n,
    approvalRate: { champion: champApproved / n, challenger: challApproved / n },
    meanAbsProbabilityDifference: absDiff / n,
    maxAbsProbabilityDifference: maxDiff,
    meanScoreDifference: scoreDiff / n,
    scoreCorrelation: cxx > 0 && cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : null,
    grades: [...cross.values()].sort(
      (a, b) =>
        (a.champion < b.champion ? -1 : a.champion > b.champion ? 1 : 0) ||
        (a.challenger < b.challenger ? -1 : a.challenger > b.challenger ? 1 : 0),
    ),
  };
}
