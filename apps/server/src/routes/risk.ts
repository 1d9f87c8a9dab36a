import { AppError } from '@puhui/core';
import {
  actorOf,
  clearRiskChallenger,
  compareRiskModels,
  getRiskModel,
  invalidateRiskModelCache,
  listRiskModels,
  type PreparedRiskModel,
  prepareUploadedModel,
  promoteRiskModel,
  riskModelArtefact,
  riskPointsFile,
  type ServiceContext,
  saveRiskModel,
  scoreApplicant,
  setRiskChallenger,
  shadowSummary,
  trainRiskModel,
} from '@puhui/services';
import { findIdempotencyRecord } from '@puhui/store';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../plugins/access.ts';
import { idempotent } from '../plugins/idempotent.ts';
import { idempotencyHeaders, idParams, pageQuery } from './schemas.ts';

/** Training data, comparison data and uploaded artefacts may be large: 32 MiB on those routes. */
const LARGE_BODY = 32 * 1024 * 1024;
const MAX_TEXT = 32 * 1024 * 1024;

const columnName = z.string().min(1).max(200);
const modelName = z.string().min(1).max(100);
const statuses = ['candidate', 'champion', 'challenger', 'retired'] as const;
const kinds = ['scorecard', 'gbdt', 'xgboost'] as const;

/** A read-only array in a response schema (services return readonly arrays). */
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

const metricSummary = z
  .object({
    rows: z.number(),
    bads: z.number(),
    auc: z.number().nullable(),
    gini: z.number().nullable(),
    ks: z.number().nullable(),
    brier: z.number().nullable(),
    logLoss: z.number().nullable(),
  })
  .meta({ id: 'RiskMetricSummary' });

const modelMetrics = z
  .object({
    train: metricSummary.nullable().describe('In-sample, on the training rows'),
    validation: metricSummary.nullable().describe('Internal cross-validation (out-of-fold) during training'),
    report: metricSummary
      .extend({ aucLower: z.number().nullable(), aucUpper: z.number().nullable() })
      .nullable()
      .describe('Of the validation report, with a 95 % bootstrap interval for AUC'),
    reportOn: z
      .enum(['holdout', 'training', 'dataset'])
      .nullable()
      .describe('What the report measured: the hold-out, the training rows, or an uploaded dataset'),
  })
  .meta({ id: 'RiskModelMetrics' });

const modelView = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    kind: z.enum(kinds),
    source: z.enum(['trained', 'uploaded']),
    status: z.enum(statuses),
    trainingDataHash: z.string().nullable(),
    metrics: modelMetrics,
    createdBy: z.string(),
    createdAt: z.string(),
    promotedBy: z.string().nullable(),
    promotedAt: z.string().nullable(),
  })
  .meta({ id: 'RiskModel' });

const pointsRow = z
  .object({
    variable: z.string(),
    attribute: z.string(),
    rows: z.number(),
    share: z.number(),
    badRate: z.number(),
    woe: z.number(),
    points: z.number(),
  })
  .meta({ id: 'RiskPointsRow' });

/** A metric that is NaN when undefined (e.g. AUC on one class) and stored as null. */
const num = z.number().nullable();

const interval = z.object({
  estimate: num,
  lower: num,
  upper: num,
  level: z.number(),
  replicates: z.number(),
});

const confusion = z
  .object({
    cutoff: z.number(),
    truePositive: z.number(),
    falsePositive: z.number(),
    trueNegative: z.number(),
    falseNegative: z.number(),
    accuracy: num,
    precision: num,
    recall: num,
    approvalRate: num,
  })
  .meta({ id: 'RiskConfusion', description: 'Positive = predicted bad = declined' });

const riskBand = z
  .object({
    band: z.number(),
    count: z.number(),
    bads: z.number(),
    minProbability: num,
    maxProbability: num,
    meanProbability: num,
    badRate: num,
    cumulativeBadShare: num,
    cumulativeShare: num,
    cumulativeLift: num,
  })
  .meta({ id: 'RiskBand', description: 'One decile of predicted risk, riskiest first' });

const stability = z
  .object({
    psi: num,
    verdict: z.enum(['stable', 'moderate shift', 'major shift']),
    bins: list(z.object({ label: z.string(), expectedShare: num, actualShare: num, contribution: num })),
  })
  .meta({ id: 'RiskStability' });

const fairnessReport = z
  .object({
    column: z.string(),
    cutoff: z.number(),
    reference: z.string(),
    groups: list(
      z.object({
        group: z.string(),
        count: z.number(),
        badRate: num,
        approvalRate: num,
        truePositiveRate: num,
        falsePositiveRate: num,
        disparateImpact: num,
        statisticalParityDifference: num,
        equalOpportunityDifference: num,
        averageOddsDifference: num,
        fourFifthsViolation: z.boolean(),
      }),
    ),
    violations: list(z.string()),
  })
  .meta({ id: 'RiskFairness' });

const reportMetrics = metricSummary.extend({ aucInterval: interval, ksThreshold: num });
const rocPoints = list(z.object({ fpr: num, tpr: num }));

const riskReport = z
  .object({
    model: z.object({
      type: z.enum(kinds),
      features: list(z.string()),
      trainingRows: z.number().nullable(),
      trainingDataHash: z.string().nullable(),
      validation: metricSummary.nullable(),
    }),
    data: z.object({
      rows: z.number(),
      bads: z.number(),
      badRate: num,
      target: z.object({ column: z.string(), badLabel: z.string(), goodLabel: z.string(), rule: z.string() }),
    }),
    metrics: reportMetrics,
    cutoff: z.number(),
    confusion,
    roc: rocPoints,
    ksCurve: list(z.object({ score: z.number(), bads: num, goods: num })),
    calibration: list(riskBand),
    scoreDistribution: list(
      z.object({ from: z.number(), to: z.number(), goods: z.number(), bads: z.number() }),
    ),
    stability: z.object({
      score: stability.nullable(),
      characteristics: list(z.object({ name: z.string(), stability })),
    }),
    binning: list(
      z.object({
        name: z.string(),
        iv: num,
        bins: list(
          z.object({ label: z.string(), count: z.number(), badRate: num, woe: num, points: z.number() }),
        ),
      }),
    ),
    importance: list(z.object({ name: z.string(), gain: z.number() })),
    fairness: fairnessReport.nullable(),
  })
  .meta({ id: 'RiskReport' });

const trainingInfo = z.object({
  rows: z.number(),
  bads: z.number(),
  dataHash: z.string(),
  seed: z.number(),
  options: z.record(z.string(), z.unknown()),
  validation: z.string(),
});

const modelDetail = modelView
  .extend({
    target: z
      .object({ column: z.string(), badLabel: z.string(), goodLabel: z.string(), rule: z.string() })
      .nullable(),
    cutoff: z.number().describe('Decline when the bad probability is at or above this'),
    grades: list(z.object({ grade: z.string(), minScore: z.number().nullable() })),
    scaling: z.object({ baseScore: z.number(), baseOdds: z.number(), pdo: z.number() }),
    features: list(
      z.object({
        name: z.string(),
        kind: z.enum(['numeric', 'categorical']),
        specialValues: list(z.number()),
      }),
    ),
    inputs: list(z.string()).describe('The inputs the model actually uses'),
    droppedColumns: list(z.object({ name: z.string(), reason: z.string() })),
    training: trainingInfo.nullable(),
    notes: list(z.string()),
    points: list(pointsRow).nullable().describe('Scorecards: the attribute-points table'),
    importance: list(z.object({ name: z.string(), gain: z.number() })),
    report: riskReport
      .nullable()
      .describe('Validation report: the data behind ROC, KS, calibration and score-distribution charts'),
  })
  .meta({ id: 'RiskModelDetail' });

const scoreReason = z
  .object({
    feature: z.string(),
    value: z.string().describe('The scorecard bin the applicant fell in, or the value (trees)'),
    points: z.number().optional().describe('Scorecards: points lost against the best bin'),
    contribution: z.number().optional().describe('Trees: TreeSHAP contribution to the log-odds of bad'),
    text: z.string(),
  })
  .meta({ id: 'RiskScoreReason' });

const scoreResult = z
  .object({
    requestId: z.string(),
    modelId: z.string(),
    modelName: z.string(),
    modelVersion: z.number().int(),
    kind: z.enum(kinds),
    probability: z.number().describe('Probability of the bad outcome'),
    score: z.number().describe('Scaled score: higher is safer'),
    grade: z.string(),
    decision: z.enum(['approve', 'decline']),
    cutoff: z.number(),
    reasons: list(scoreReason),
    missingInputs: list(z.string()).describe('Model inputs the applicant lacked, scored as missing values'),
  })
  .meta({ id: 'RiskScore' });

const roleChange = z.object({ model: modelView, replaced: z.string().nullable() });

const groupOptions = {
  group: columnName.optional().describe('Column to measure fairness across (e.g. age); need not be an input'),
  groupCuts: z.array(z.number().finite()).max(20).optional(),
};

const trainBody = z.strictObject({
  source: z.literal('train'),
  name: modelName,
  csv: z.string().min(1).max(MAX_TEXT).describe('Training data: CSV text with a header row'),
  target: columnName,
  model: z.enum(['scorecard', 'gbdt']).optional(),
  drop: z.array(columnName).max(1000).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  badValue: z.string().min(1).max(100).optional(),
  ...groupOptions,
  holdout: z.number().min(0).max(0.5).optional().describe('Share held out for the report (default 0.3)'),
  folds: z.number().int().min(0).max(20).optional(),
  categorical: z.array(columnName).max(1000).optional(),
  numeric: z.array(columnName).max(1000).optional(),
  specialValues: z.record(columnName, z.array(z.number().finite()).max(20)).optional(),
  monotone: z.record(columnName, z.union([z.literal(-1), z.literal(0), z.literal(1)])).optional(),
  trees: z.number().int().min(1).max(5000).optional(),
  depth: z.number().int().min(1).max(12).optional(),
  learningRate: z.number().positive().max(1).optional(),
});

const uploadBody = z.strictObject({
  source: z.literal('upload'),
  name: modelName,
  artefact: z
    .union([z.string().min(2).max(MAX_TEXT), z.record(z.string(), z.unknown())])
    .describe('A Puhui artefact or an XGBoost JSON model, as JSON or as JSON text'),
  categoryCodes: z.record(columnName, z.array(z.string().max(200)).max(10_000)).optional(),
  cutoff: z.number().gt(0).lt(1).optional(),
  validationCsv: z.string().min(1).max(MAX_TEXT).optional(),
  target: columnName.optional(),
  badValue: z.string().min(1).max(100).optional(),
  ...groupOptions,
});

const applicantValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

/**
 * Credit-risk model registry and live scoring: train or upload, list, inspect, compare, promote a
 * champion, run a challenger in shadow, score an applicant, download the points table.
 */
export async function riskRoutes(app: FastifyInstance, opts: { ctx: ServiceContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/risk/score',
    {
      config: { access: { staff: 'risk:score' } },
      schema: {
        tags: ['risk'],
        summary:
          'Score one applicant with the champion (the challenger scores in shadow); inputs the applicant lacks are scored as missing values',
        body: z.strictObject({
          applicant: z
            .record(columnName, applicantValue)
            .refine((a) => Object.keys(a).length <= 1000, 'at most 1000 columns')
            .describe('Column → value, as in the training data; columns the model does not use are ignored'),
          applicantRef: z
            .string()
            .regex(/^[A-Za-z0-9._:-]{1,64}$/)
            .optional()
            .describe('Your reference for the application, stored in the score log (never personal data)'),
        }),
        response: { 200: scoreResult },
      },
    },
    async (request) =>
      scoreApplicant(ctx, {
        applicant: request.body.applicant,
        applicantRef: request.body.applicantRef,
        requestId: request.id,
      }),
  );

  r.get(
    '/risk/models',
    {
      config: { access: { staff: 'risk:read' } },
      schema: {
        tags: ['risk'],
        summary: 'Registered risk models, newest first',
        querystring: pageQuery.extend({ status: z.enum(statuses).optional() }),
        response: { 200: z.object({ items: list(modelView) }) },
      },
    },
    async (request) => ({ items: await listRiskModels(ctx, request.query) }),
  );

  r.get(
    '/risk/models/:id',
    {
      config: { access: { staff: 'risk:read' } },
      schema: {
        tags: ['risk'],
        summary:
          'One model: metrics, inputs, attribute points (scorecards) or importance (trees), and the validation report for charts',
        params: idParams,
        response: { 200: modelDetail },
      },
    },
    async (request) => getRiskModel(ctx, request.params.id),
  );

  r.post(
    '/risk/models',
    {
      config: { access: { staff: 'risk:train' } },
      bodyLimit: LARGE_BODY,
      schema: {
        tags: ['risk'],
        summary:
          'Train a model from CSV text (source "train") or upload a Puhui artefact or XGBoost JSON model (source "upload"); stored as a candidate',
        headers: idempotencyHeaders,
        body: z.discriminatedUnion('source', [trainBody, uploadBody]),
        response: { 201: modelView.extend({ notes: list(z.string()) }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      // A repeated request replays the stored answer without training again.
      const key = request.headers['idempotency-key'];
      if (
        typeof key === 'string' &&
        (await findIdempotencyRecord(ctx.store.db, actorOf(principalOf(request)), key))
      )
        return idempotent(ctx, request, reply, async () => {
          throw new AppError('conflict', 'Concurrent requests with the same Idempotency-Key; retry');
        });
      // Training runs before the transaction: it may take seconds and touches no table.
      let prepared: PreparedRiskModel;
      if (body.source === 'train') {
        const { source: _source, ...rest } = body;
        prepared = trainRiskModel(rest);
      } else {
        const { source: _source, ...rest } = body;
        prepared = prepareUploadedModel(rest);
      }
      return idempotent(ctx, request, reply, async (tx) => ({
        status: 201,
        body: {
          ...(await saveRiskModel(ctx, tx, principalOf(request), prepared)),
          notes: [...prepared.notes],
        },
      }));
    },
  );

  r.post(
    '/risk/models/:id/promote',
    {
      config: { access: { staff: 'risk:promote' } },
      schema: {
        tags: ['risk'],
        summary: 'Make the model the champion; the previous champion is retired',
        headers: idempotencyHeaders,
        params: idParams,
        response: { 200: roleChange },
      },
    },
    async (request, reply) => {
      const out = await idempotent(ctx, request, reply, async (tx) => ({
        status: 200,
        body: await promoteRiskModel(ctx, tx, principalOf(request), request.params.id),
      }));
      invalidateRiskModelCache(ctx);
      return out;
    },
  );

  r.post(
    '/risk/models/:id/challenger',
    {
      config: { access: { staff: 'risk:promote' } },
      schema: {
        tags: ['risk'],
        summary: 'Run the model as the challenger, scored in shadow on every live request',
        headers: idempotencyHeaders,
        params: idParams,
        response: { 200: roleChange },
      },
    },
    async (request, reply) => {
      const out = await idempotent(ctx, request, reply, async (tx) => ({
        status: 200,
        body: await setRiskChallenger(ctx, tx, principalOf(request), request.params.id),
      }));
      invalidateRiskModelCache(ctx);
      return out;
    },
  );

  r.delete(
    '/risk/challenger',
    {
      config: { access: { staff: 'risk:promote' } },
      schema: {
        tags: ['risk'],
        summary: 'Stop the shadow run: the challenger goes back to candidate',
        response: { 200: z.object({ cleared: z.string().nullable() }) },
      },
    },
    async (request) => {
      const out = await ctx.store.transaction((tx) => clearRiskChallenger(ctx, tx, principalOf(request)));
      invalidateRiskModelCache(ctx);
      return out;
    },
  );

  r.get(
    '/risk/models/:id/points.xlsx',
    {
      config: { access: { staff: 'risk:read' } },
      schema: {
        tags: ['risk'],
        summary: "A scorecard's attribute-points table as an Excel workbook, for sign-off",
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await riskPointsFile(ctx, request.params.id, 'xlsx');
      reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`);
      return Buffer.from(file.body as Uint8Array);
    },
  );

  r.get(
    '/risk/models/:id/points.csv',
    {
      config: { access: { staff: 'risk:read' } },
      schema: {
        tags: ['risk'],
        summary: "A scorecard's attribute-points table as CSV",
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await riskPointsFile(ctx, request.params.id, 'csv');
      reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`);
      return file.body as string;
    },
  );

  r.get(
    '/risk/models/:id/artefact.json',
    {
      config: { access: { staff: 'risk:read' } },
      schema: {
        tags: ['risk'],
        summary: 'The model artefact as stored, for `puhui risk score --model` or another install',
        params: idParams,
      },
    },
    async (request, reply) => {
      const text = await riskModelArtefact(ctx, request.params.id);
      reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id}.json"`);
      return text;
    },
  );

  r.post(
    '/risk/compare',
    {
      config: { access: { staff: 'risk:train' } },
      bodyLimit: LARGE_BODY,
      schema: {
        tags: ['risk'],
        summary:
          'Score one labelled dataset with two or more models and compare AUC, KS, Brier, … side by side',
        body: z.strictObject({
          modelIds: z.array(z.string().min(1).max(64)).min(2).max(10),
          csv: z.string().min(1).max(MAX_TEXT),
          target: columnName.optional(),
          badValue: z.string().min(1).max(100).optional(),
          ...groupOptions,
          seed: z
            .number()
            .int()
            .min(0)
            .max(2 ** 31 - 1)
            .optional(),
        }),
        response: {
          200: z.object({
            data: z.object({ rows: z.number(), bads: z.number() }),
            models: list(
              z.object({
                model: modelView.pick({ id: true, name: true, version: true, kind: true, status: true }),
                metrics: reportMetrics,
                cutoff: z.number(),
                confusion,
                approvalRate: num,
                scorePsi: num,
                roc: rocPoints,
                calibration: list(riskBand),
                fairness: fairnessReport.nullable(),
              }),
            ),
            best: z.object({ auc: z.string(), ks: z.string(), brier: z.string(), logLoss: z.string() }),
          }),
        },
      },
    },
    async (request) => compareRiskModels(ctx, request.body),
  );

  r.get(
    '/risk/shadow',
    {
      config: { access: { staff: 'risk:read' } },
      schema: {
        tags: ['risk'],
        summary:
          'Champion versus challenger on the applicants both scored: grade and decision agreement, score differences, grade cross-table',
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100_000).default(10_000),
          championId: z.string().min(1).max(64).optional(),
          challengerId: z.string().min(1).max(64).optional(),
        }),
        response: {
          200: z.object({
            champion: z.object({ id: z.string(), name: z.string(), version: z.number() }).nullable(),
            challenger: z.object({ id: z.string(), name: z.string(), version: z.number() }).nullable(),
            pairs: z.number().int(),
            from: z.string().nullable(),
            to: z.string().nullable(),
            gradeAgreement: z.number().nullable(),
            decisionAgreement: z.number().nullable(),
            approvalRate: z.object({ champion: z.number().nullable(), challenger: z.number().nullable() }),
            meanAbsProbabilityDifference: z.number().nullable(),
            maxAbsProbabilityDifference: z.number().nullable(),
            meanScoreDifference: z.number().nullable(),
            scoreCorrelation: z.number().nullable(),
            grades: list(z.object({ champion: z.string(), challenger: z.string(), count: z.number() })),
          }),
        },
      },
    },
    async (request) => shadowSummary(ctx, request.query),
  );
}
