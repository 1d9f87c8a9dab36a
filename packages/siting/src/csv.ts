import { fail, type Outcome } from './errors.ts';
import type { CandidateSite, CoordinateKind, CostEntry, DemandPoint } from './types.ts';

/**
 * Splits CSV text into rows of cells (RFC 4180: quoted cells, doubled quotes, CRLF or LF).
 * Blank lines are dropped.
 *
 * @example parseCsv('id,x\n"a,b",1\n'); // [['id', 'x'], ['a,b', '1']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (quoted) {
      if (ch === '"' && text[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[k + 1] === '\n') k++;
      row.push(cell);
      if (row.some((c) => c.trim() !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c.trim() !== '')) rows.push(row);
  return rows;
}

/** Column names of a points file; unset ones default to `id`, `x`/`lon`, `y`/`lat`, `weight`, `capacity`. */
export interface PointColumns {
  readonly id?: string;
  readonly x?: string;
  readonly y?: string;
  readonly weight?: string;
  readonly capacity?: string;
  /** Force how coordinates are read; by default `lon`/`lat`-named columns mean longitude/latitude. */
  readonly coordinates?: CoordinateKind;
}

/** Points read from a CSV file and how their coordinates are to be read. */
export interface ParsedPoints<T> {
  readonly points: T[];
  readonly coordinates: CoordinateKind;
}

const LON_NAMES = new Set(['lon', 'lng', 'long', 'longitude']);

function header(rows: string[][], source: string): Outcome<{ index: Map<string, number>; names: string[] }> {
  const head = rows[0];
  if (head === undefined) return fail('invalid_input', `${source} is empty`);
  const names = head.map((h) => h.trim().replace(/^\uFEFF/, ''));
  return { ok: true, value: { index: new Map(names.map((h, k) => [h.toLowerCase(), k])), names } };
}

function locate(
  rows: string[][],
  source: string,
  columns: PointColumns,
  withWeight: boolean,
): Outcome<{
  id: number;
  x: number;
  y: number;
  weight: number;
  capacity: number;
  coordinates: CoordinateKind;
}> {
  const h = header(rows, source);
  if (!h.ok) return h;
  const { index, names } = h.value;
  const find = (name: string): number => index.get(name.toLowerCase()) ?? -1;
  const need = (name: string): Outcome<number> => {
    const k = find(name);
    return k >= 0
      ? { ok: true, value: k }
      : fail('invalid_input', `${source} has no column '${name}' (columns: ${names.join(', ')})`);
  };
  let xName = columns.x;
  let yName = columns.y;
  if (xName === undefined && yName === undefined && find('x') < 0 && find('lon') >= 0) {
    xName = 'lon';
    yName = 'lat';
  }
  const id = need(columns.id ?? 'id');
  if (!id.ok) return id;
  const x = need(xName ?? 'x');
  if (!x.ok) return x;
  const y = need(yName ?? 'y');
  if (!y.ok) return y;
  let weight = -1;
  if (withWeight) {
    const w = need(columns.weight ?? 'weight');
    if (!w.ok) return w;
    weight = w.value;
  }
  const capacity = find(columns.capacity ?? 'capacity');
  if (columns.capacity !== undefined && capacity < 0) {
    return fail(
      'invalid_input',
      `${source} has no column '${columns.capacity}' (columns: ${names.join(', ')})`,
    );
  }
  const coordinates =
    columns.coordinates ?? (LON_NAMES.has((xName ?? 'x').toLowerCase()) ? 'lonlat' : 'projected');
  return { ok: true, value: { id: id.value, x: x.value, y: y.value, weight, capacity, coordinates } };
}

function numberCell(
  row: readonly string[],
  k: number,
  source: string,
  line: number,
  name: string,
): Outcome<number> {
  const raw = (row[k] ?? '').trim();
  const v = raw === '' ? Number.NaN : Number(raw);
  return Number.isFinite(v)
    ? { ok: true, value: v }
    : fail('invalid_input', `${source} line ${line}: ${name} '${raw}' is not a number`);
}

/**
 * Reads demand points (`id,x,y,weight` or `id,lon,lat,weight`, columns renamable) from CSV text.
 *
 * @example parseDemandCsv('id,x,y,weight\nv1,0,0,120\n', 'D.csv'); // { ok: true, value: { points: [...] } }
 */
export function parseDemandCsv(
  text: string,
  source: string,
  columns: PointColumns = {},
): Outcome<ParsedPoints<DemandPoint>> {
  const rows = parseCsv(text);
  const at = locate(rows, source, columns, true);
  if (!at.ok) return at;
  const points: DemandPoint[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const x = numberCell(row, at.value.x, source, r + 1, 'x');
    if (!x.ok) return x;
    const y = numberCell(row, at.value.y, source, r + 1, 'y');
    if (!y.ok) return y;
    const w = numberCell(row, at.value.weight, source, r + 1, 'weight');
    if (!w.ok) return w;
    points.push({ id: (row[at.value.id] ?? '').trim(), x: x.value, y: y.value, weight: w.value });
  }
  return { ok: true, value: { points, coordinates: at.value.coordinates } };
}

/**
 * Reads candidate sites (`id,x,y` or `id,lon,lat`, optional `capacity`) from CSV text. An empty
 * capacity cell means no capacity.
 *
 * @example parseCandidatesCsv('id,x,y\ns1,1,0\n', 'C.csv');
 */
export function parseCandidatesCsv(
  text: string,
  source: string,
  columns: PointColumns = {},
): Outcome<ParsedPoints<CandidateSite>> {
  const rows = parseCsv(text);
  const at = locate(rows, source, columns, false);
  if (!at.ok) return at;
  const points: CandidateSite[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const x = numberCell(row, at.value.x, source, r + 1, 'x');
    if (!x.ok) return x;
    const y = numberCell(row, at.value.y, source, r + 1, 'y');
    if (!y.ok) return y;
    const id = (row[at.value.id] ?? '').trim();
    if (at.value.capacity >= 0 && (row[at.value.capacity] ?? '').trim() !== '') {
      const c = numberCell(row, at.value.capacity, source, r + 1, 'capacity');
      if (!c.ok) return c;
      points.push({ id, x: x.value, y: y.value, capacity: c.value });
    } else points.push({ id, x: x.value, y: y.value });
  }
  return { ok: true, value: { points, coordinates: at.value.coordinates } };
}

/**
 * Reads a long-form cost matrix `demand_id,site_id,cost`.
 *
 * @example parseCostsCsv('demand_id,site_id,cost\nv1,s1,2.5\n', 'M.csv');
 */
export function parseCostsCsv(text: string, source: string): Outcome<CostEntry[]> {
  const rows = parseCsv(text);
  const h = header(rows, source);
  if (!h.ok) return h;
  const cols = ['demand_id', 'site_id', 'cost'].map((c) => h.value.index.get(c) ?? -1);
  const missing = ['demand_id', 'site_id', 'cost'].filter((_, k) => cols[k]! < 0);
  if (missing.length > 0) {
    return fail(
      'invalid_input',
      `${source} lacks column ${missing.join(', ')} (expected demand_id,site_id,cost)`,
    );
  }
  const [di, si, ci] = cols as [number, number, number];
  const entries: CostEntry[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const c = numberCell(row, ci, source, r + 1, 'cost');
    if (!c.ok) return c;
    entries.push({ demandId: (row[di] ?? '').trim(), siteId: (row[si] ?? '').trim(), cost: c.value });
  }
  return { ok: true, value: entries };
}
