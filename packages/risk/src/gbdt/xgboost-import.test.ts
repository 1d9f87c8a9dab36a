import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../data/csv.ts';
import { loadModel } from '../model/scorer.ts';
import { tableRecords } from '../model/train-model.ts';
import { xgboostArtefact } from '../model/xgboost-artefact.ts';
import { ensembleMargin, ensembleShap } from './ensemble.ts';
import { importXgboostJson, parseModelJson } from './xgboost-import.ts';

const PYTHON = '/usr/bin/python3';

function xgboostAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ['-c', 'import xgboost, pandas, numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const available = xgboostAvailable();
const dir = mkdtempSync(join(tmpdir(), 'puhui-xgb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Trains small XGBoost models (numeric with missing values; numeric + categorical; dart) with
// Debian's python3-xgboost, saves them as JSON with the test rows and XGBoost's own predictions.
const SCRIPT = `
import sys, json, numpy as np, pandas as pd, xgboost as xgb
out = sys.argv[1]
rng = np.random.default_rng(3)
n = 600
df = pd.DataFrame({
  'income': rng.lognormal(8, 1, n).round(2),
  'age': rng.integers(18, 80, n).astype(float),
  'ratio': rng.normal(0, 1, n),
  'region': pd.Categorical(rng.choice(['north', 'south', 'east', 'west', 'centre'], n)),
})
df.loc[rng.random(n) < 0.15, 'ratio'] = np.nan
df.loc[rng.random(n) < 0.05, 'income'] = np.nan
logit = -1 + 0.8 * np.nan_to_num(df.ratio) - 0.02 * (df.age - 40) + (df.region == 'south') * 1.2 - 0.3 * (df.region == 'east')
y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
num = df[['income', 'age', 'ratio']]
cases = {
  'numeric': (num, dict(tree_method='hist', n_estimators=60, max_depth=4, learning_rate=0.1)),
  'categorical': (df, dict(tree_method='hist', enable_categorical=True, max_cat_to_onehot=1, n_estimators=80, max_depth=3, learning_rate=0.1)),
  'dart': (num, dict(booster='dart', tree_method='hist', n_estimators=20, max_depth=3, rate_drop=0.2, seed=1)),
}
meta = {}
for name, (X, params) in cases.items():
  m = xgb.XGBClassifier(**params).fit(X, y)
  m.save_model(f'{out}/{name}.json')
  p = m.predict_proba(X)[:, 1]
  margin = m.get_booster().predict(xgb.DMatrix(X, enable_categorical=True), output_margin=True)
  X.to_csv(f'{out}/{name}.csv', index=False)
  np.savetxt(f'{out}/{name}.pred', np.c_[p, margin], fmt='%.9g')
meta['regions'] = [str(c) for c in df.region.cat.categories]
json.dump(meta, open(f'{out}/meta.json', 'w'))
`;

describe.skipIf(!available)(
  'XGBoost JSON import (needs Debian python3-xgboost; skipped when it is absent)',
  () => {
    it('trains reference models with python3-xgboost', () => {
      writeFileSync(join(dir, 'train.py'), SCRIPT);
      execFileSync(PYTHON, [join(dir, 'train.py'), dir], { stdio: 'pipe', timeout: 120_000 });
      expect(existsSync(join(dir, 'numeric.json'))).toBe(true);
    });

    for (const name of ['numeric', 'categorical', 'dart']) {
      it(`reproduces XGBoost's probabilities and margins to 1e-6 (${name})`, () => {
        const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { regions: string[] };
        const json = parseModelJson(readFileSync(join(dir, `${name}.json`), 'utf8'));
        const artefact = xgboostArtefact(json, { categoryCodes: { region: meta.regions } });
        const scorer = loadModel(JSON.parse(JSON.stringify(artefact)));
        const records = tableRecords(parseCsv(readFileSync(join(dir, `${name}.csv`), 'utf8')));
        const expected = readFileSync(join(dir, `${name}.pred`), 'utf8')
          .trim()
          .split('\n')
          .map((l) => l.split(' ').map(Number) as [number, number]);
        expect(records.length).toBe(expected.length);
        let worst = 0;
        records.forEach((r, i) => {
          worst = Math.max(worst, Math.abs(scorer.probability(r) - expected[i]![0]));
        });
        expect(worst).toBeLessThan(1e-6);
        // Margins through the raw ensemble, and TreeSHAP additivity on the imported trees.
        const model = importXgboostJson(json);
        const names = model.featureNames;
        records.slice(0, 50).forEach((r, i) => {
          const x = names.map((f, k) => {
            const v = r[f];
            if (model.featureTypes[k] === 'c') return meta.regions.indexOf(String(v));
            return v === '' ? Number.NaN : Math.fround(Number(v));
          });
          const m = ensembleMargin(model.ensemble, x);
          expect(Math.abs(m - expected[i]![1])).toBeLessThan(1e-5);
          const { phi, expected: e0 } = ensembleShap(model.ensemble, x);
          const sum = phi.reduce((a, b) => a + b, e0);
          expect(Math.abs(sum - m)).toBeLessThan(1e-4);
        });
      });
    }
  },
);

describe('XGBoost JSON validation', () => {
  it('rejects objectives other than binary logistic', () => {
    const doc = {
      learner: { objective: { name: 'reg:squarederror' }, learner_model_param: { base_score: '0.5' } },
    };
    expect(() => importXgboostJson(doc)).toThrow(/not a binary logistic objective/);
  });
  it('rejects a document without a learner', () => {
    expect(() => importXgboostJson({})).toThrow(/learner is missing/);
  });
});
