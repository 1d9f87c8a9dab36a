import type { RiskReport } from './build-report.ts';

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example escapeHtml('<a & b>'); // '&lt;a &amp; b&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const W = 360;
const H = 260;
const PAD = 36;

function num(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–';
}

interface Series {
  readonly points: readonly (readonly [number, number])[];
  readonly color: string;
  readonly label: string;
  readonly dashed?: boolean;
}

/** A line chart with axes in [xmin,xmax]×[ymin,ymax], as an SVG string. */
function lineChart(
  title: string,
  series: readonly Series[],
  xr: [number, number],
  yr: [number, number],
  xLabel: string,
  yLabel: string,
): string {
  const sx = (x: number): number => PAD + ((x - xr[0]) / (xr[1] - xr[0] || 1)) * (W - 2 * PAD);
  const sy = (y: number): number => H - PAD - ((y - yr[0]) / (yr[1] - yr[0] || 1)) * (H - 2 * PAD);
  const paths = series
    .map(
      (s) =>
        `<polyline fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="4 3"' : ''} points="${s.points
          .map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`)
          .join(' ')}"/>`,
    )
    .join('');
  const legend = series
    .map(
      (s, i) =>
        `<text x="${W - PAD - 110}" y="${PAD + 14 * i}" fill="${s.color}" font-size="11">— ${escapeHtml(s.label)}</text>`,
    )
    .join('');
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">
<rect x="${PAD}" y="${PAD}" width="${W - 2 * PAD}" height="${H - 2 * PAD}" fill="none" stroke="#bbb"/>
<text x="${PAD}" y="${H - 8}" font-size="11">${escapeHtml(xLabel)} ${num(xr[0], 0)} … ${num(xr[1], xr[1] > 10 ? 0 : 1)}</text>
<text x="4" y="${PAD - 8}" font-size="11">${escapeHtml(yLabel)} ${num(yr[0], yr[1] > 10 ? 0 : 1)} … ${num(yr[1], yr[1] > 10 ? 0 : 1)}</text>
${paths}${legend}</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}

function barChart(title: string, bins: RiskReport['scoreDistribution']): string {
  const max = Math.max(1, ...bins.map((b) => Math.max(b.goods, b.bads)));
  const bw = (W - 2 * PAD) / Math.max(bins.length, 1);
  const bars = bins
    .map((b, i) => {
      const x = PAD + i * bw;
      const hg = ((H - 2 * PAD) * b.goods) / max;
      const hb = ((H - 2 * PAD) * b.bads) / max;
      return `<rect x="${(x + 1).toFixed(1)}" y="${(H - PAD - hg).toFixed(1)}" width="${(bw / 2 - 1).toFixed(1)}" height="${hg.toFixed(1)}" fill="#2b7bb9"><title>${num(b.from, 0)}–${num(b.to, 0)}: ${b.goods} goods</title></rect><rect x="${(x + bw / 2).toFixed(1)}" y="${(H - PAD - hb).toFixed(1)}" width="${(bw / 2 - 1).toFixed(1)}" height="${hb.toFixed(1)}" fill="#d9534f"><title>${num(b.from, 0)}–${num(b.to, 0)}: ${b.bads} bads</title></rect>`;
    })
    .join('');
  const first = bins[0];
  const last = bins[bins.length - 1];
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">
<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#bbb"/>${bars}
<text x="${PAD}" y="${H - 8}" font-size="11">score ${first ? num(first.from, 0) : ''} … ${last ? num(last.to, 0) : ''}</text>
<text x="${W - PAD - 110}" y="${PAD}" fill="#2b7bb9" font-size="11">■ goods</text><text x="${W - PAD - 110}" y="${PAD + 14}" fill="#d9534f" font-size="11">■ bads</text>
</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}

function table(head: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const tb = rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tb}\n</tbody></table>`;
}

/**
 * Renders a report as one self-contained HTML page: inline CSS and SVG charts (ROC, KS,
 * calibration, score distribution), metric, binning, stability and fairness tables. Nothing is
 * fetched when the page is viewed.
 *
 * @example const html = renderReportHtml(buildReport(artefact, table)); html.startsWith('<!doctype html>'); // true
 */
export function renderReportHtml(r: RiskReport): string {
  const m = r.metrics;
  const maxScore = Math.max(...r.ksCurve.map((k) => k.score));
  const minScore = Math.min(...r.ksCurve.map((k) => k.score));
  const maxCal = Math.max(0.05, ...r.calibration.map((c) => Math.max(c.meanProbability, c.badRate)));
  const charts = [
    lineChart(
      `ROC curve (AUC ${num(m.auc)})`,
      [
        { points: r.roc.map((p) => [p.fpr, p.tpr] as const), color: '#2b7bb9', label: 'model' },
        {
          points: [
            [0, 0],
            [1, 1],
          ],
          color: '#999',
          label: 'random',
          dashed: true,
        },
      ],
      [0, 1],
      [0, 1],
      'false-positive rate',
      'true-positive rate',
    ),
    lineChart(
      `KS (${num(m.ks)}): cumulative share by score`,
      [
        { points: r.ksCurve.map((k) => [k.score, k.bads] as const), color: '#d9534f', label: 'bads' },
        { points: r.ksCurve.map((k) => [k.score, k.goods] as const), color: '#2b7bb9', label: 'goods' },
      ],
      [minScore, maxScore],
      [0, 1],
      'score',
      'share',
    ),
    lineChart(
      'Calibration by decile',
      [
        {
          points: r.calibration.map((c) => [c.meanProbability, c.badRate] as const),
          color: '#2b7bb9',
          label: 'observed',
        },
        {
          points: [
            [0, 0],
            [maxCal, maxCal],
          ],
          color: '#999',
          label: 'perfect',
          dashed: true,
        },
      ],
      [0, maxCal],
      [0, maxCal],
      'predicted bad rate',
      'observed',
    ),
    barChart('Score distribution', r.scoreDistribution),
  ].join('\n');
  const metricsTable = table(
    ['metric', 'value'],
    [
      ['rows', r.data.rows],
      ['bad rate', pct(r.data.badRate)],
      ['AUC', `${num(m.auc)} (95% CI ${num(m.aucInterval.lower)}–${num(m.aucInterval.upper)})`],
      ['Gini', num(m.gini)],
      ['KS', num(m.ks)],
      ['Brier', num(m.brier, 4)],
      ['log loss', num(m.logLoss, 4)],
      ['cut-off (decline when p ≥)', num(r.cutoff, 4)],
      ['approval rate at cut-off', pct(r.confusion.approvalRate)],
      ['declined bads / declined goods', `${r.confusion.truePositive} / ${r.confusion.falsePositive}`],
      ['approved bads / approved goods', `${r.confusion.falseNegative} / ${r.confusion.trueNegative}`],
      [
        'score PSI vs training',
        r.stability.score ? `${num(r.stability.score.psi, 4)} (${r.stability.score.verdict})` : '–',
      ],
    ],
  );
  const gains = table(
    ['decile', 'rows', 'bads', 'mean p', 'bad rate', 'cum. bads captured', 'cum. lift'],
    r.calibration.map((c) => [
      c.band,
      c.count,
      c.bads,
      num(c.meanProbability),
      pct(c.badRate),
      pct(c.cumulativeBadShare),
      num(c.cumulativeLift, 2),
    ]),
  );
  const binning = r.binning
    .map(
      (v) =>
        `<h3>${escapeHtml(v.name)} <small>IV ${num(v.iv)}</small></h3>${table(
          ['bin', 'rows', 'bad rate', 'WOE', 'points'],
          v.bins.map((b) => [b.label, b.count, pct(b.badRate), num(b.woe), b.points]),
        )}`,
    )
    .join('\n');
  const importance = r.importance.length
    ? table(
        ['feature', 'total gain'],
        r.importance.map((i) => [i.name, num(i.gain, 2)]),
      )
    : '';
  const stability = table(
    ['characteristic', 'PSI', 'verdict'],
    r.stability.characteristics.map((c) => [c.name, num(c.stability.psi, 4), c.stability.verdict]),
  );
  const fair = r.fairness
    ? `<h2>Fairness: ${escapeHtml(r.fairness.column)}</h2><p>Reference group <b>${escapeHtml(r.fairness.reference)}</b>, cut-off ${num(r.fairness.cutoff, 4)}. ${
        r.fairness.violations.length
          ? `<b class="bad">Four-fifths rule violated for: ${escapeHtml(r.fairness.violations.join(', '))}</b>`
          : 'No group falls below four fifths of the reference approval rate.'
      }</p>${table(
        ['group', 'rows', 'bad rate', 'approval', 'DI ratio', 'SPD', 'EOD', 'AOD', '4/5 rule'],
        r.fairness.groups.map((g) => [
          g.group,
          g.count,
          pct(g.badRate),
          pct(g.approvalRate),
          num(g.disparateImpact),
          num(g.statisticalParityDifference),
          num(g.equalOpportunityDifference),
          num(g.averageOddsDifference),
          g.fourFifthsViolation ? 'violation' : 'ok',
        ]),
      )}`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Puhui risk report</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}figure{display:inline-block;margin:0 1em 1em 0}figcaption{font-size:12px;color:#555}.bad{color:#b00}small{color:#777;font-weight:normal}</style>
</head><body>
<h1>Risk model report</h1>
<p>Model: <b>${escapeHtml(r.model.type)}</b> on ${r.model.features.length} inputs; trained on ${r.model.trainingRows ?? '?'} rows (data SHA-256 ${escapeHtml((r.model.trainingDataHash ?? '').slice(0, 12))}…). Target <b>${escapeHtml(r.data.target.column)}</b>, bad = '${escapeHtml(r.data.target.badLabel)}'.</p>
<h2>Performance</h2>
${metricsTable}
${charts}
<h2>Gains, lift and calibration by decile (riskiest first)</h2>
${gains}
${binning ? `<h2>Scorecard binning</h2>${binning}` : ''}
${importance ? `<h2>Feature importance</h2>${importance}` : ''}
<h2>Characteristic stability vs training</h2>
${stability}
${fair}
</body></html>
`;
}
