import { readFileSync } from 'node:fs';
import { AppError, manualClock, sequentialIds } from '@puhui/core';
import { loadModel, parseCsv, type RawValue, summarize, tableRecords, toCsv } from '@puhui/risk';
import type { Store } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAuthSettings, type Principal, type ServiceContext } from '../context.ts';
import { outboxNotifier } from '../platform/outbox-notifier.ts';
import { GERMAN_CREDIT_CSV, seedDemoRiskModel } from './demo.ts';
import { prepareUploadedModel, trainRiskModel } from './prepare.ts';
import {
  clearRiskChallenger,
  compareRiskModels,
  getRiskModel,
  listRiskModels,
  promoteRiskModel,
  riskPointsFile,
  saveRiskModel,
  setRiskChallenger,
} from './registry.ts';
import { scoreApplicant, shadowSummary } from './scoring.ts';

const FULL = readFileSync(GERMAN_CREDIT_CSV, 'utf8');
const TABLE = parseCsv(FULL);
/** The first `n` applicants of the German credit data as CSV text. */
const slice = (from: number, to: number) =>
  toCsv(
    [...TABLE.header],
    TABLE.rows.slice(from, to).map((r) => [...r]),
  );
const TRAIN = slice(0, 500);
/** Applicants never used in training, without the outcome column. */
const APPLICANTS = tableRecords({ header: TABLE.header, rows: TABLE.rows.slice(900, 940) }).map((r) => {
  const { bad: _bad, ...rest } = r;
  return rest;
});

const RISK: Principal = {
  kind: 'user',
  id: 'usr_risk',
  username: 'risk',
  roles: ['risk_manager'],
  sessionId: 's',
};

async function rejects(p: Promise<unknown>, code: string): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('trainRiskModel and prepareUploadedModel (no database)', () => {
  it('refuses unusable data and models with dataset_invalid / model_invalid', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as AppError).code;
      }
      return 'no error';
    };
    expect(code(() => trainRiskModel({ name: 'x', csv: TRAIN, target: 'nope' }))).toBe('dataset_invalid');
    expect(code(() => trainRiskModel({ name: 'x', csv: 'a,bad\n', target: 'bad' }))).toBe('dataset_invalid');
    const oneClass = toCsv(
      ['x', 'bad'],
      [
        ['1', '0'],
        ['2', '0'],
        ['3', '0'],
      ],
    );
    expect(code(() => trainRiskModel({ name: 'x', csv: oneClass, target: 'bad', holdout: 0 }))).toBe(
      'dataset_invalid',
    );
    expect(code(() => trainRiskModel({ name: 'x', csv: TRAIN, target: 'bad', group: 'nope' }))).toBe(
      'dataset_invalid',
    );
    expect(code(() => prepareUploadedModel({ name: 'x', artefact: { format: 'other' } }))).toBe(
      'model_invalid',
    );
    expect(code(() => prepareUploadedModel({ name: 'x', artefact: '{not json' }))).toBe('model_invalid');
  });

  it('imports a hand-written XGBoost stump and scores it as XGBoost would', () => {
    // One tree: duration_months < 24 → leaf −0.5, else +0.5; base_score 0.5 (margin 0).
    // P(bad | 12 months) = 1/(1+e^0.5) = 0.377541; P(bad | 36 months) = 1/(1+e^-0.5) = 0.622459.
    const prepared = prepareUploadedModel({ name: 'stump', artefact: xgboostStump() });
    expect(prepared.artefact.modelType).toBe('xgboost');
    const s = loadModel(prepared.artefact);
    expect(s.probability({ duration_months: 12 })).toBeCloseTo(0.377541, 6);
    expect(s.probability({ duration_months: 36 })).toBeCloseTo(0.622459, 6);
    // Missing goes the default way (left).
    expect(s.probability({})).toBeCloseTo(0.377541, 6);
  });
});

describeEachDatabase('risk model registry and scoring', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  const clock = manualClock('2026-03-01T00:00:00Z');
  let cardId: string;
  let treesId: string;
  beforeAll(async () => {
    store = await db.open();
    ctx = {
      store,
      clock,
      ids: sequentialIds(),
      notifier: outboxNotifier(
        () => ctx,
        () => {},
      ),
      auth: { ...defaultAuthSettings, tokenSecret: 'x'.repeat(40) },
    };
  });
  afterAll(async () => db.dispose(store));
  /** The stored artefact of a model, loaded directly (independently of the service's cache). */
  const scorerOf = async (id: string) =>
    loadModel(
      JSON.parse(
        (
          await store.db
            .selectFrom('risk_models')
            .select('artefact')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).artefact,
      ),
    );

  it('trains a scorecard, reports on a stratified hold-out with fairness, and stores it as a candidate', async () => {
    const prepared = trainRiskModel({
      name: 'Card',
      csv: TRAIN,
      target: 'bad',
      drop: ['age_years', 'personal_status_sex', 'foreign_worker'],
      group: 'age_years',
      groupCuts: [25],
      seed: 3,
    });
    // 500 rows with 30 % held out: 150 report rows, the model trained on 350.
    expect(prepared.report?.data.rows).toBe(150);
    expect(prepared.artefact.training?.rows).toBe(350);
    expect(prepared.report?.fairness?.groups.map((g) => g.group).sort()).toEqual(['< 25', '≥ 25']);
    const saved = await store.transaction((tx) => saveRiskModel(ctx, tx, RISK, prepared));
    cardId = saved.id;
    expect(saved).toMatchObject({ name: 'Card', version: 1, kind: 'scorecard', status: 'candidate' });
    expect(saved.trainingDataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.metrics.report?.auc).toBeCloseTo(prepared.report!.metrics.auc, 12);
    const again = await store.transaction((tx) => saveRiskModel(ctx, tx, RISK, prepared));
    expect(again.version).toBe(2);
    const audit = await store.db.selectFrom('audit_log').select(['action', 'subject_id']).execute();
    expect(audit).toContainEqual({ action: 'risk.model.create', subject_id: cardId });
    const events = await store.db
      .selectFrom('outbox')
      .select('type')
      .where('type', '=', 'risk.model_created')
      .execute();
    expect(events).toHaveLength(2);
    const detail = await getRiskModel(ctx, cardId);
    expect(detail.points?.length).toBeGreaterThan(detail.inputs.length);
    expect(detail.inputs).not.toContain('age_years');
    expect(detail.report?.roc.length).toBeGreaterThan(2);
    expect(detail.report?.calibration).toHaveLength(10);
  });

  it('refuses to score without a champion, and names unknown models', async () => {
    await rejects(scoreApplicant(ctx, { applicant: APPLICANTS[0]! }), 'no_champion');
    await rejects(getRiskModel(ctx, 'rsk_missing'), 'not_found');
    await rejects(
      store.transaction((tx) => promoteRiskModel(ctx, tx, RISK, 'rsk_missing')),
      'not_found',
    );
  });

  it('promotes a champion that answers exactly as the stored artefact scores, logging no applicant data', async () => {
    const change = await store.transaction((tx) => promoteRiskModel(ctx, tx, RISK, cardId));
    expect(change).toMatchObject({
      replaced: null,
      model: { status: 'champion', promotedBy: 'user:usr_risk' },
    });
    const direct = await scorerOf(cardId);
    const applicant = APPLICANTS[0]!;
    const result = await scoreApplicant(ctx, { applicant, applicantRef: 'APP-0001' });
    const expected = direct.score(applicant);
    expect(result).toMatchObject({
      modelId: cardId,
      probability: expected.probability,
      score: expected.score,
      grade: expected.grade,
      decision: expected.probability >= direct.artefact.cutoff ? 'decline' : 'approve',
      missingInputs: [],
    });
    expect(result.reasons.map((r) => [r.feature, r.points])).toEqual(
      expected.reasons.map((r) => [r.feature, r.impact]),
    );
    const log = await store.db.selectFrom('risk_score_log').selectAll().execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ model_id: cardId, role: 'champion', applicant_ref: 'APP-0001' });
    for (const r of JSON.parse(log[0]!.reasons) as object[])
      expect(Object.keys(r).sort()).toEqual(['feature', 'impact']);
    await rejects(
      store.transaction((tx) => promoteRiskModel(ctx, tx, RISK, cardId)),
      'conflict',
    );
  });

  it('scores missing inputs as missing values and refuses an applicant with none of them', async () => {
    const { inputs } = await getRiskModel(ctx, cardId);
    const applicant: Record<string, RawValue> = { ...APPLICANTS[1]! };
    delete applicant[inputs[0]!];
    applicant[inputs[1]!] = 'NA';
    const result = await scoreApplicant(ctx, { applicant });
    expect(result.missingInputs).toEqual([inputs[0], inputs[1]]);
    const direct = await scorerOf(cardId);
    expect(result.probability).toBe(direct.score({ ...applicant, [inputs[0]!]: null }).probability);
    const refused = await rejects(scoreApplicant(ctx, { applicant: { unrelated: 1 } }), 'applicant_unusable');
    expect(refused.errors?.map((e) => e.path)).toContain(`body.applicant.${inputs[0]}`);
  });

  it('runs a boosted-tree challenger in shadow: both logged, agreement summarised correctly', async () => {
    const prepared = trainRiskModel({
      name: 'Trees',
      csv: TRAIN,
      target: 'bad',
      model: 'gbdt',
      trees: 40,
      depth: 3,
      folds: 0,
      seed: 5,
    });
    const saved = await store.transaction((tx) => saveRiskModel(ctx, tx, RISK, prepared));
    treesId = saved.id;
    await rejects(
      store.transaction((tx) => setRiskChallenger(ctx, tx, RISK, cardId)),
      'conflict',
    );
    await store.transaction((tx) => setRiskChallenger(ctx, tx, RISK, treesId));
    const before = await store.db.selectFrom('risk_score_log').select('id').execute();
    const results = [];
    for (const [i, applicant] of APPLICANTS.entries())
      results.push(await scoreApplicant(ctx, { applicant, applicantRef: `APP-${i}` }));
    // The champion still answers.
    expect(new Set(results.map((r) => r.modelId))).toEqual(new Set([cardId]));
    const rows = await store.db.selectFrom('risk_score_log').selectAll().execute();
    expect(rows.length - before.length).toBe(2 * APPLICANTS.length);
    const byRequest = new Map<string, string[]>();
    for (const r of rows) byRequest.set(r.request_id, [...(byRequest.get(r.request_id) ?? []), r.role]);
    for (const r of results) expect(byRequest.get(r.requestId)?.sort()).toEqual(['challenger', 'champion']);
    // Agreement, recomputed independently from the two artefacts.
    const champ = await scorerOf(cardId);
    const chall = await scorerOf(treesId);
    let sameDecision = 0;
    let sameGrade = 0;
    for (const a of APPLICANTS) {
      const x = champ.score(a);
      const y = chall.score(a);
      if (x.probability >= champ.artefact.cutoff === y.probability >= chall.artefact.cutoff) sameDecision++;
      if (x.grade === y.grade) sameGrade++;
    }
    const summary = await shadowSummary(ctx, { limit: 10_000 });
    expect(summary.champion?.id).toBe(cardId);
    expect(summary.challenger?.id).toBe(treesId);
    expect(summary.pairs).toBe(APPLICANTS.length);
    expect(summary.decisionAgreement).toBeCloseTo(sameDecision / APPLICANTS.length, 12);
    expect(summary.gradeAgreement).toBeCloseTo(sameGrade / APPLICANTS.length, 12);
    expect(summary.grades.reduce((a, g) => a + g.count, 0)).toBe(APPLICANTS.length);
  });

  it('promotes the challenger (old champion retired, cache invalidated) and rolls back to a retired model', async () => {
    const change = await store.transaction((tx) => promoteRiskModel(ctx, tx, RISK, treesId));
    expect(change.replaced).toBe(cardId);
    const statuses = Object.fromEntries(
      (await listRiskModels(ctx, { limit: 50, offset: 0 })).map((m) => [m.id, m.status]),
    );
    expect(statuses[cardId]).toBe('retired');
    expect(statuses[treesId]).toBe('champion');
    expect(Object.values(statuses).filter((s) => s === 'challenger')).toEqual([]);
    const now = await scoreApplicant(ctx, { applicant: APPLICANTS[2]! });
    expect(now.modelId).toBe(treesId);
    expect(now.reasons.every((r) => r.contribution !== undefined && r.points === undefined)).toBe(true);
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('action', 'like', 'risk.model.%')
      .execute();
    expect(audit).toContainEqual({ action: 'risk.model.retire', subject_id: cardId });
    await store.transaction((tx) => promoteRiskModel(ctx, tx, RISK, cardId));
    expect((await scoreApplicant(ctx, { applicant: APPLICANTS[2]! })).modelId).toBe(cardId);
    const events = await store.db
      .selectFrom('outbox')
      .select('type')
      .where('type', '=', 'risk.champion_promoted')
      .execute();
    expect(events).toHaveLength(3);
    expect(await store.transaction((tx) => clearRiskChallenger(ctx, tx, RISK))).toEqual({ cleared: null });
  });

  it('compares models on one dataset, side by side', async () => {
    const holdout = slice(500, 800);
    const cmp = await compareRiskModels(ctx, { modelIds: [cardId, treesId], csv: holdout });
    expect(cmp.data.rows).toBe(300);
    const records = tableRecords(parseCsv(holdout));
    const y = records.map((r) => Number(r.bad));
    for (const m of cmp.models) {
      const s = await scorerOf(m.model.id);
      expect(m.metrics.auc).toBeCloseTo(
        summarize(
          y,
          records.map((r) => s.probability(r)),
        ).auc,
        12,
      );
    }
    const [a, b] = cmp.models;
    expect(cmp.best.auc).toBe(a!.metrics.auc >= b!.metrics.auc ? a!.model.id : b!.model.id);
    await rejects(compareRiskModels(ctx, { modelIds: [cardId], csv: holdout }), 'validation_failed');
    await rejects(
      compareRiskModels(ctx, { modelIds: [cardId, treesId], csv: holdout, target: 'nope' }),
      'dataset_invalid',
    );
  });

  it('exports the points table of scorecards only', async () => {
    const xlsx = await riskPointsFile(ctx, cardId, 'xlsx');
    expect(
      Buffer.from(xlsx.body as Uint8Array)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const csv = await riskPointsFile(ctx, cardId, 'csv');
    expect(String(csv.body).split('\n')[0]).toBe('variable,attribute,rows,share,bad_rate,woe,points');
    await rejects(riskPointsFile(ctx, treesId, 'csv'), 'not_found');
  });

  it('stores an uploaded XGBoost model and validates it on a supplied dataset', async () => {
    const prepared = prepareUploadedModel({
      name: 'Python stump',
      artefact: JSON.stringify(xgboostStump()),
      validationCsv: slice(800, 1000),
      target: 'bad',
    });
    const saved = await store.transaction((tx) => saveRiskModel(ctx, tx, RISK, prepared));
    expect(saved).toMatchObject({ kind: 'xgboost', source: 'uploaded', trainingDataHash: null });
    expect(saved.metrics.reportOn).toBe('dataset');
    expect(saved.metrics.report?.rows).toBe(200);
    const detail = await getRiskModel(ctx, saved.id);
    expect(detail.inputs).toEqual(['duration_months']);
    expect(detail.importance.map((i) => i.name)).toEqual(['duration_months']);
  });
});

describeEachDatabase('demo risk model', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeAll(async () => {
    store = await db.open();
    ctx = {
      store,
      clock: manualClock('2026-03-01T00:00:00Z'),
      ids: sequentialIds(),
      notifier: outboxNotifier(
        () => ctx,
        () => {},
      ),
      auth: { ...defaultAuthSettings, tokenSecret: 'x'.repeat(40) },
    };
  });
  afterAll(async () => db.dispose(store));

  it('trains the German credit scorecard without protected attributes, promotes it, and seeds once', async () => {
    const champion = await seedDemoRiskModel(ctx);
    expect(champion).toMatchObject({ status: 'champion', kind: 'scorecard', version: 1 });
    const detail = await getRiskModel(ctx, champion!.id);
    for (const p of ['age_years', 'personal_status_sex', 'foreign_worker'])
      expect(detail.inputs).not.toContain(p);
    expect(detail.report?.fairness?.column).toBe('age_years');
    // A credible model: hold-out AUC well above chance on 300 unseen applicants.
    expect(detail.metrics.report?.auc).toBeGreaterThan(0.7);
    expect(await seedDemoRiskModel(ctx)).toBeNull();
    const r = await scoreApplicant(ctx, { applicant: APPLICANTS[0]!, applicantRef: 'demo-1' });
    expect(r.modelId).toBe(champion!.id);
  });
});

/** A one-tree XGBoost 1.7 JSON model on `duration_months` (see the test above for its arithmetic). */
function xgboostStump(): Record<string, unknown> {
  return {
    learner: {
      attributes: {},
      feature_names: ['duration_months'],
      feature_types: ['int'],
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: '1', num_trees: '1', size_leaf_vector: '0' },
          tree_info: [0],
          trees: [
            {
              base_weights: [0, -0.5, 0.5],
              categories: [],
              categories_nodes: [],
              categories_segments: [],
              categories_sizes: [],
              default_left: [1, 0, 0],
              id: 0,
              left_children: [1, -1, -1],
              loss_changes: [10, 0, 0],
              parents: [2147483647, 0, 0],
              right_children: [2, -1, -1],
              split_conditions: [24, -0.5, 0.5],
              split_indices: [0, 0, 0],
              split_type: [0, 0, 0],
              sum_hessian: [100, 60, 40],
              tree_param: { num_deleted: '0', num_feature: '1', num_nodes: '3', size_leaf_vector: '0' },
            },
          ],
        },
        name: 'gbtree',
      },
      learner_model_param: { base_score: '5E-1', boost_from_average: '1', num_class: '0', num_feature: '1' },
      objective: { name: 'binary:logistic', reg_loss_param: { scale_pos_weight: '1' } },
    },
    version: [1, 7, 4],
  };
}
