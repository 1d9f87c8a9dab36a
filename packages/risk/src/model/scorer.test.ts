import { describe, expect, it } from 'vitest';
import { ensembleMargin, ensembleShap } from '../gbdt/ensemble.ts';
import { compileEncoder } from '../gbdt/feature-encoder.ts';
import { treeFromJson } from '../gbdt/tree.ts';
import { loadModel } from './scorer.ts';
import { syntheticTable } from './synthetic.test-data.ts';
import { tableRecords, trainModel } from './train-model.ts';

describe('tree scorer', () => {
  const table = syntheticTable(600, 8);
  const { artefact } = trainModel(table, {
    target: 'outcome',
    model: 'gbdt',
    drop: ['sex'],
    seed: 2,
    folds: 0,
    gbdt: { nTrees: 60, maxDepth: 4 },
  });
  const g = artefact.gbdt!;
  const ensemble = {
    trees: g.trees.map(treeFromJson),
    baseMargin: g.baseMargin,
    featureCount: g.encoders.length,
    float32: false,
  };
  const encoders = g.encoders.map(compileEncoder);

  it('gives the margin of the ensemble and the three largest positive TreeSHAP contributions as reasons', () => {
    const scorer = loadModel(artefact);
    const records = tableRecords(table).slice(0, 150);
    let full = 0;
    for (const r of records) {
      const codes = g.encoders.map((e, f) => encoders[f]!(r[e.name]));
      const margin = ensembleMargin(ensemble, codes);
      const out = scorer.score(r);
      expect(out.probability).toBe(1 / (1 + Math.exp(-margin)));
      expect(scorer.probability(r)).toBe(out.probability);
      const { phi } = ensembleShap(ensemble, codes);
      const expected = Array.from(phi, (v, f) => ({ f, v }))
        .filter((c) => c.v > 1e-12)
        .sort((a, b) => b.v - a.v || a.f - b.f)
        .slice(0, 3);
      expect(out.reasons.map((x) => x.feature)).toEqual(expected.map((c) => g.encoders[c.f]!.name));
      out.reasons.forEach((x, i) => {
        expect(x.impact).toBeCloseTo(expected[i]!.v, 12);
        expect(x.text).toBe(`${x.feature}: ${x.value}`);
      });
      if (out.reasons.length === 3) full++;
    }
    expect(full).toBeGreaterThan(50);
  });
});
