import { toCsv } from '../data/csv.ts';
import type { ScorecardPart } from '../model/artefact.ts';
import { buildXlsx } from './xlsx.ts';

/** One attribute row of a scorecard as a risk manager reads it. */
export interface PointsRow {
  readonly variable: string;
  readonly attribute: string;
  readonly rows: number;
  readonly share: number;
  readonly badRate: number;
  readonly woe: number;
  readonly points: number;
}

const HEADER = ['variable', 'attribute', 'rows', 'share', 'bad_rate', 'woe', 'points'];

/**
 * The attribute-points table: one row per bin of every scorecard variable, plus an
 * "(unseen value)" row with the points a value matching no bin receives.
 *
 * @example pointsTable(artefact.scorecard!)[0]; // { variable: 'checking_status', attribute: 'A11', points: 38, … }
 */
export function pointsTable(card: ScorecardPart): PointsRow[] {
  const out: PointsRow[] = [];
  for (const v of card.variables) {
    v.binning.bins.forEach((b, i) => {
      out.push({
        variable: v.binning.name,
        attribute: b.type === 'categories' ? (b.categories ?? []).join(', ') : b.label,
        rows: b.count,
        share: b.share,
        badRate: b.badRate,
        woe: b.woe,
        points: v.points[i]!,
      });
    });
    out.push({
      variable: v.binning.name,
      attribute: '(unseen value)',
      rows: 0,
      share: 0,
      badRate: 0,
      woe: 0,
      points: v.unmatchedPoints,
    });
  }
  return out;
}

function cells(r: PointsRow): (string | number)[] {
  return [
    r.variable,
    r.attribute,
    r.rows,
    Number(r.share.toFixed(6)),
    Number(r.badRate.toFixed(6)),
    Number(r.woe.toFixed(6)),
    r.points,
  ];
}

/**
 * The points table as CSV text.
 *
 * @example pointsTableCsv(card).split('\n')[0]; // 'variable,attribute,rows,share,bad_rate,woe,points'
 */
export function pointsTableCsv(card: ScorecardPart): string {
  return toCsv(HEADER, pointsTable(card).map(cells));
}

/**
 * The points table as pretty-printed JSON (an array of rows).
 *
 * @example JSON.parse(pointsTableJson(card))[0].points; // 38
 */
export function pointsTableJson(card: ScorecardPart): string {
  return `${JSON.stringify(pointsTable(card), null, 2)}\n`;
}

/**
 * The points table as an Excel workbook (.xlsx bytes, one sheet "Scorecard").
 *
 * @example writeFileSync('points.xlsx', pointsTableXlsx(card));
 */
export function pointsTableXlsx(card: ScorecardPart): Uint8Array {
  return buildXlsx('Scorecard', HEADER, pointsTable(card).map(cells));
}
