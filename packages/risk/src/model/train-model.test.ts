import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { column, parseCsv } from '../data/csv.ts';
import { stratifiedSplit } from '../data/split.ts';
import { encodeTarget } from '../data/target.ts';
import { auc } from '../metrics/ranking.ts';
import { parseArtefact, serializeArtefact } from './artefact.ts';
import { loadModel } from './scorer.ts';
import { syntheticTable } from './synthetic.test-data.ts';
import { tableRecords, trainModel } from './train-model.ts';

const table = syntheticTable(800, 4);

describe.each(['scorecard', 'gbdt'] as const)('trainModel (%s)', (model) => {
  const opts = { target: 'outcome', model, drop: ['sex'], specialValues: { months_employed: [-1] }, seed: 3 };
  const { artefact, notes } = trainModel(table, opts);

  it('gives a byte-identical artefact for the same data and seed', () => {
    expect(serializeArtefact(trainModel(table, opts).artefact)).toBe(serializeArtefact(artefact));
    expect(serializeArtefact(trainModel(table, { ...opts, seed: 4 }).artefact)).not.toBe(
      serializeArtefact(artefact),
    );
  });

  it('describes itself: target, dropped columns, data hash, validation', () => {
    expect(artefact.target).toMatchObject({ column: 'outcome', badLabel: 'bad' });
    expect(artefact.droppedColumns.map((d) => d.name).sort()).toEqual(['constant', 'id']);
    expect(artefact.features.map((f) => f.name)).not.toContain('sex');
    expect(artefact.training!.dataHash).toMatch(/^[0-9a-f]{64}$/);
    expect(artefact.metrics.validation!.auc).toBeGreaterThan(0.6);
    expect(notes.some((n) => n.includes("bad class: 'bad'"))).toBe(true);
    expect(artefact.grades.at(-1)!.minScore).toBeNull();
  });

  it('scores applicants after a JSON round trip, including unseen and missing values', () => {
    const scorer = loadModel(parseArtefact(JSON.parse(serializeArtefact(artefact))));
    const recs = tableRecords(table);
    const y = encodeTarget(column(table, 'outcome'), 'outcome').y;
    const p = recs.map((r) => scorer.probability(r));
    expect(auc(y, p)).toBeGreaterThan(0.7);
    const odd = scorer.score({
      income: 'NA',
      utilisation: '',
      months_employed: '-1',
      city: 'never-seen',
      channel: undefined,
    });
    expect(odd.probability).toBeGreaterThan(0);
    expect(odd.probability).toBeLessThan(1);
    expect(artefact.grades.map((g) => g.grade)).toContain(odd.grade);
    const risky = scorer.score({
      income: 2000,
      utilisation: 0.99,
      months_employed: 2,
      city: 'c1',
      channel: 'partner',
    });
    const safe = scorer.score({
      income: 9900,
      utilisation: 0.01,
      months_employed: 110,
      city: 'c1',
      channel: 'web',
    });
    expect(risky.probability).toBeGreaterThan(safe.probability);
    expect(risky.score).toBeLessThan(safe.score);
    expect(risky.reasons.length).toBeGreaterThan(0);
    expect(risky.reasons.length).toBeLessThanOrEqual(3);
  });
});

describe('trainModel input errors', () => {
  it('names a missing target or drop column', () => {
    expect(() => trainModel(table, { target: 'nope' })).toThrow(/target column 'nope' not found/);
    expect(() => trainModel(table, { target: 'outcome', drop: ['zz'] })).toThrow(
      /--drop column 'zz' not found/,
    );
  });
  it('accepts an overridden bad value', () => {
    const { artefact } = trainModel(table, { target: 'outcome', badValue: 'good', folds: 0 });
    expect(artefact.target!.badLabel).toBe('good');
    expect(artefact.metrics.validation).toBeNull();
  });
});

describe('German credit (30 % stratified test split, seed 7)', () => {
  const german = parseCsv(
    readFileSync(
      new URL('../../../../../shared/data/german-credit/german-credit.csv', import.meta.url),
      'utf8',
    ),
  );
  const y = encodeTarget(column(german, 'bad'), 'bad').y;
  const { train, test } = stratifiedSplit(y, 0.3, 7);
  const tr = { header: german.header, rows: train.map((i) => german.rows[i]!) };
  const te = tableRecords({ header: german.header, rows: test.map((i) => german.rows[i]!) });
  const yt = test.map((i) => y[i]!);
  it.each(['scorecard', 'gbdt'] as const)('%s reaches a test AUC above 0.74', (model) => {
    const scorer = loadModel(trainModel(tr, { target: 'bad', model, seed: 7 }).artefact);
    expect(
      auc(
        yt,
        te.map((r) => scorer.probability(r)),
      ),
    ).toBeGreaterThan(0.74);
  });
});
