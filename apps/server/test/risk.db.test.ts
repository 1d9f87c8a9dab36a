import { readFileSync } from 'node:fs';
import { loadModel, parseCsv, serializeArtefact, tableRecords, toCsv, trainModel } from '@puhui/risk';
import { GERMAN_CREDIT_CSV } from '@puhui/services';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, idemKey, openHarness } from './harness.ts';

const TABLE = parseCsv(readFileSync(GERMAN_CREDIT_CSV, 'utf8'));
const slice = (from: number, to: number) =>
  toCsv(
    [...TABLE.header],
    TABLE.rows.slice(from, to).map((r) => [...r]),
  );
/** Applicants outside every training slice, without their outcome. */
const APPLICANTS = tableRecords({ header: TABLE.header, rows: TABLE.rows.slice(950, 970) }).map(
  ({ bad: _bad, ...rest }) => rest,
);

describeEachDatabase('risk models over HTTP', (db) => {
  let h: Harness;
  let cardId: string;
  let treesId: string;
  beforeAll(async () => {
    h = await openHarness(db);
  });
  afterAll(async () => h?.close());
  const risk = () => bearer(h.tokens.risk as string);
  const officer = () => bearer(h.tokens.officer as string);
  const post = (url: string, payload: unknown, headers: Record<string, string>) =>
    h.app.inject({ method: 'POST', url, payload: payload as object, headers });

  it('trains a scorecard from CSV text, idempotently, and serves its report and points table', async () => {
    const key = idemKey();
    const body = {
      source: 'train',
      name: 'HTTP card',
      csv: slice(0, 400),
      target: 'bad',
      drop: ['age_years', 'personal_status_sex', 'foreign_worker'],
      group: 'age_years',
      groupCuts: [25],
      seed: 11,
    };
    const res = await post('/api/v1/risk/models', body, { ...risk(), 'idempotency-key': key });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'HTTP card', version: 1, kind: 'scorecard', status: 'candidate' });
    expect(created.metrics.reportOn).toBe('holdout');
    expect(created.metrics.report.rows).toBe(120);
    cardId = created.id;
    const replay = await post('/api/v1/risk/models', body, { ...risk(), 'idempotency-key': key });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(created);
    const reused = await post(
      '/api/v1/risk/models',
      { ...body, seed: 12 },
      { ...risk(), 'idempotency-key': key },
    );
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('idempotency_key_conflict');
    const officerTry = await post('/api/v1/risk/models', body, {
      ...officer(),
      'idempotency-key': idemKey(),
    });
    expect(officerTry.statusCode).toBe(403);

    const detail = await h.app.inject({ url: `/api/v1/risk/models/${cardId}`, headers: officer() });
    expect(detail.statusCode).toBe(200);
    const d = detail.json();
    expect(d.report.roc.length).toBeGreaterThan(2);
    expect(d.report.ksCurve.length).toBeGreaterThan(2);
    expect(d.report.calibration).toHaveLength(10);
    expect(d.report.scoreDistribution).toHaveLength(20);
    expect(d.report.fairness.column).toBe('age_years');
    expect(d.points.length).toBeGreaterThan(0);
    expect(new Set(d.points.map((p: { variable: string }) => p.variable))).toEqual(new Set(d.inputs));

    const xlsx = await h.app.inject({ url: `/api/v1/risk/models/${cardId}/points.xlsx`, headers: officer() });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await h.app.inject({ url: `/api/v1/risk/models/${cardId}/points.csv`, headers: officer() });
    expect(csv.body.split('\n')[0]).toBe('variable,attribute,rows,share,bad_rate,woe,points');
    const artefact = await h.app.inject({
      url: `/api/v1/risk/models/${cardId}/artefact.json`,
      headers: officer(),
    });
    expect(artefact.json().format).toBe('puhui-risk-model');
  });

  it('promotes the champion, which then answers score requests from loan officers', async () => {
    const promoted = await post(`/api/v1/risk/models/${cardId}/promote`, undefined, {
      ...risk(),
      'idempotency-key': idemKey(),
    });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().model).toMatchObject({ id: cardId, status: 'champion' });
    const applicant = APPLICANTS[0]!;
    const res = await post('/api/v1/risk/score', { applicant, applicantRef: 'APP-77' }, officer());
    expect(res.statusCode).toBe(200);
    const score = res.json();
    const artefact = (
      await h.app.inject({ url: `/api/v1/risk/models/${cardId}/artefact.json`, headers: risk() })
    ).body;
    const expected = loadModel(JSON.parse(artefact)).score(applicant);
    expect(score).toMatchObject({
      modelId: cardId,
      probability: expected.probability,
      score: expected.score,
      grade: expected.grade,
      missingInputs: [],
      requestId: res.headers['x-request-id'],
    });
    expect(score.reasons.length).toBeGreaterThan(0);
    for (const r of score.reasons) expect(typeof r.points).toBe('number');
    const logged = await h.store.db
      .selectFrom('risk_score_log')
      .selectAll()
      .where('request_id', '=', score.requestId)
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ model_id: cardId, role: 'champion', applicant_ref: 'APP-77' });
  });

  it('uploads a boosted-tree artefact as challenger, scores it in shadow and summarises agreement', async () => {
    const { artefact } = trainModel(parseCsv(slice(400, 800)), {
      target: 'bad',
      model: 'gbdt',
      folds: 0,
      seed: 2,
      gbdt: { nTrees: 30, maxDepth: 3 },
    });
    const up = await post(
      '/api/v1/risk/models',
      {
        source: 'upload',
        name: 'HTTP trees',
        artefact: serializeArtefact(artefact),
        validationCsv: slice(0, 300),
      },
      { ...risk(), 'idempotency-key': idemKey() },
    );
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ kind: 'gbdt', source: 'uploaded', metrics: { reportOn: 'dataset' } });
    treesId = up.json().id;
    const set = await post(`/api/v1/risk/models/${treesId}/challenger`, undefined, {
      ...risk(),
      'idempotency-key': idemKey(),
    });
    expect(set.statusCode).toBe(200);
    for (const applicant of APPLICANTS) {
      const res = await post('/api/v1/risk/score', { applicant }, risk());
      expect(res.json().modelId).toBe(cardId);
    }
    const shadow = await h.app.inject({
      url: '/api/v1/risk/shadow',
      headers: bearer(h.tokens.auditor as string),
    });
    expect(shadow.statusCode).toBe(200);
    const s = shadow.json();
    expect(s.champion.id).toBe(cardId);
    expect(s.challenger.id).toBe(treesId);
    expect(s.pairs).toBe(APPLICANTS.length);
    expect(s.decisionAgreement).toBeGreaterThanOrEqual(0);
    expect(s.decisionAgreement).toBeLessThanOrEqual(1);
    expect(s.grades.reduce((a: number, g: { count: number }) => a + g.count, 0)).toBe(APPLICANTS.length);

    const cmp = await post(
      '/api/v1/risk/compare',
      { modelIds: [cardId, treesId], csv: slice(800, 950) },
      risk(),
    );
    expect(cmp.statusCode).toBe(200);
    expect(cmp.json().models.map((m: { model: { id: string } }) => m.model.id)).toEqual([cardId, treesId]);
    expect(cmp.json().data.rows).toBe(150);

    const cleared = await h.app.inject({ method: 'DELETE', url: '/api/v1/risk/challenger', headers: risk() });
    expect(cleared.json()).toEqual({ cleared: treesId });
  });

  it('refuses bad input with specific problems and writes nothing', async () => {
    const models = async () => (await h.store.db.selectFrom('risk_models').select('id').execute()).length;
    const before = await models();
    const expectProblem = (
      res: { statusCode: number; json(): { code: string } },
      status: number,
      code: string,
    ) => {
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
    };
    expectProblem(
      await post('/api/v1/risk/models/rsk_unknown/promote', undefined, {
        ...risk(),
        'idempotency-key': idemKey(),
      }),
      404,
      'not_found',
    );
    expectProblem(
      await h.app.inject({ url: '/api/v1/risk/models/rsk_unknown', headers: risk() }),
      404,
      'not_found',
    );
    expectProblem(await post('/api/v1/risk/score', { applicant: 'x' }, risk()), 400, 'validation_failed');
    expectProblem(
      await post('/api/v1/risk/score', { applicant: {}, extra: 1 }, risk()),
      400,
      'validation_failed',
    );
    const unusable = await post('/api/v1/risk/score', { applicant: { shoe_size: 42 } }, risk());
    expectProblem(unusable, 422, 'applicant_unusable');
    expectProblem(
      await post('/api/v1/risk/score', { applicant: APPLICANTS[0], applicantRef: 'Zhang San 张三' }, risk()),
      400,
      'validation_failed',
    );
    expectProblem(
      await post(
        '/api/v1/risk/models',
        { source: 'upload', name: 'junk', artefact: { hello: 'world' } },
        { ...risk(), 'idempotency-key': idemKey() },
      ),
      422,
      'model_invalid',
    );
    expectProblem(
      await post(
        '/api/v1/risk/models',
        { source: 'train', name: 'no target', csv: slice(0, 100), target: 'outcome' },
        { ...risk(), 'idempotency-key': idemKey() },
      ),
      422,
      'dataset_invalid',
    );
    // Over the 1 MiB default, but the training route allows 32 MiB: the data itself is refused
    // (one class only), not the size.
    const big = `x,bad\n${'123456789,0\n'.repeat(100_000)}`;
    expect(big.length).toBeGreaterThan(1_048_576);
    expectProblem(
      await post(
        '/api/v1/risk/models',
        { source: 'train', name: 'big', csv: big, target: 'bad' },
        { ...risk(), 'idempotency-key': idemKey() },
      ),
      422,
      'dataset_invalid',
    );
    expectProblem(
      await post('/api/v1/risk/score', { applicant: { note: 'x'.repeat(400) }, pad: big }, risk()),
      413,
      'payload_too_large',
    );
    // A missing input is scored as a missing value and named.
    const { inputs } = (await h.app.inject({ url: `/api/v1/risk/models/${cardId}`, headers: risk() })).json();
    const partial: Record<string, unknown> = { ...APPLICANTS[1] };
    delete partial[inputs[0]];
    const scored = await post('/api/v1/risk/score', { applicant: partial }, officer());
    expect(scored.statusCode).toBe(200);
    expect(scored.json().missingInputs).toEqual([inputs[0]]);
    expect(await models()).toBe(before);
  });

  it('keeps exactly one champion when two promotions race', async () => {
    const artefact = (
      await h.app.inject({ url: `/api/v1/risk/models/${treesId}/artefact.json`, headers: risk() })
    ).body;
    const again = await post(
      '/api/v1/risk/models',
      { source: 'upload', name: 'HTTP trees', artefact },
      { ...risk(), 'idempotency-key': idemKey() },
    );
    expect(again.json().version).toBe(2);
    const ids = [treesId, again.json().id as string];
    const results = await Promise.all(
      ids.map((id) =>
        post(`/api/v1/risk/models/${id}/promote`, undefined, { ...risk(), 'idempotency-key': idemKey() }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const rows = await h.store.db.selectFrom('risk_models').select(['id', 'status']).execute();
    const champions = rows.filter((r) => r.status === 'champion');
    expect(champions).toHaveLength(1);
    expect(ids).toContain(champions[0]!.id);
    const status = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(status[cardId]).toBe('retired');
    expect(ids.map((id) => status[id]).sort()).toEqual(['champion', 'retired']);
    const scored = await post('/api/v1/risk/score', { applicant: APPLICANTS[3] }, officer());
    expect(scored.json().modelId).toBe(champions[0]!.id);
  });
});
