import { describe, expect, it } from 'vitest';
import { syntheticTable } from '../model/synthetic.test-data.ts';
import { trainModel } from '../model/train-model.ts';
import { buildReport } from './build-report.ts';
import { renderReportHtml } from './render-html.ts';

describe('risk report', () => {
  const train = syntheticTable(600, 8);
  const test = syntheticTable(300, 9);
  const { artefact } = trainModel(train, { target: 'outcome', drop: ['sex'], seed: 1 });
  const report = buildReport(artefact, test, { group: 'sex', seed: 2 });

  it('measures discrimination, calibration, stability and fairness', () => {
    expect(report.data.rows).toBe(300);
    expect(report.metrics.auc).toBeGreaterThan(0.6);
    expect(report.metrics.aucInterval.lower).toBeLessThan(report.metrics.auc);
    expect(report.calibration).toHaveLength(10);
    expect(report.roc[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(report.roc.at(-1)).toEqual({ fpr: 1, tpr: 1 });
    expect(report.stability.score!.psi).toBeLessThan(0.25);
    expect(report.stability.characteristics.map((c) => c.name)).toContain('income');
    expect(report.fairness!.groups.map((g) => g.group)).toEqual(['F', 'M']);
    expect(report.binning.length).toBe(artefact.scorecard!.variables.length);
    const c = report.confusion;
    expect(c.truePositive + c.falsePositive + c.trueNegative + c.falseNegative).toBe(300);
  });

  it('renders a self-contained HTML page with inline SVG charts', () => {
    const html = renderReportHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<svg /g)?.length).toBe(4);
    expect(html).not.toMatch(/<script|<link|src=|href=|https?:/);
    expect(html).toContain('Fairness: sex');
  });

  it('bands a numeric group column and rejects unknown columns', () => {
    const r = buildReport(artefact, test, { group: 'income', groupCuts: [5000] });
    expect(r.fairness!.groups.map((g) => g.group).sort()).toEqual(['< 5000', 'missing', '≥ 5000']);
    expect(() => buildReport(artefact, test, { group: 'nope' })).toThrow(/group column 'nope' not found/);
  });
});
