import type { Table } from './csv.ts';
import { isMissing, parseNumber, toLabel, toNumeric } from './values.ts';

/** How a column enters a model: ordered numbers or unordered labels. */
export type FeatureKind = 'numeric' | 'categorical';

/** One model input column and how it is read. */
export interface FeatureSpec {
  readonly name: string;
  readonly kind: FeatureKind;
  /** Numeric codes that mean something other than a quantity (e.g. -1, 96, 98): kept as their own bins. */
  readonly specialValues: readonly number[];
}

/** A feature's values for every row: numbers (NaN = missing) or labels (null = missing). */
export type FeatureColumn =
  | { readonly spec: FeatureSpec; readonly kind: 'numeric'; readonly values: Float64Array }
  | { readonly spec: FeatureSpec; readonly kind: 'categorical'; readonly labels: readonly (string | null)[] };

/** Options for {@link detectFeatures}. */
export interface DetectOptions {
  /** Columns never used as features (the target is always excluded). */
  readonly exclude?: readonly string[];
  /** Forced kinds by column name. */
  readonly kinds?: Readonly<Record<string, FeatureKind>>;
  /** Declared special values by column name. */
  readonly specialValues?: Readonly<Record<string, readonly number[]>>;
}

/** A column left out of the model, with the reason. */
export interface DroppedColumn {
  readonly name: string;
  readonly reason: string;
}

/**
 * Decides which columns are features and whether each is numeric or categorical. A column is
 * numeric when every present cell is a plain decimal number; otherwise categorical. Columns that
 * carry no usable signal are dropped with a reason: all missing, a single value and no missing,
 * or an identifier (a categorical column whose labels are nearly all distinct).
 *
 * @example detectFeatures(parseCsv('a,b,y\n1,x,0\n2,z,1\n'), { exclude: ['y'] }).features;
 * // [{ name: 'a', kind: 'numeric', … }, { name: 'b', kind: 'categorical', … }]
 */
export function detectFeatures(
  table: Table,
  options: DetectOptions = {},
): { features: FeatureSpec[]; dropped: DroppedColumn[] } {
  const exclude = new Set(options.exclude ?? []);
  const features: FeatureSpec[] = [];
  const dropped: DroppedColumn[] = [];
  const n = table.rows.length;
  table.header.forEach((name, j) => {
    if (exclude.has(name)) return;
    let present = 0;
    let numeric = true;
    let first: string | undefined;
    let varies = false;
    for (const row of table.rows) {
      const cell = row[j] ?? '';
      if (isMissing(cell)) continue;
      present++;
      const t = cell.trim();
      if (first === undefined) first = t;
      else if (!varies && t !== first) varies = true;
      if (numeric && parseNumber(t) === undefined) numeric = false;
    }
    const forced = options.kinds?.[name];
    const kind: FeatureKind = forced ?? (numeric ? 'numeric' : 'categorical');
    if (present === 0) {
      dropped.push({ name, reason: 'all values missing' });
      return;
    }
    if (!varies && present === n) {
      dropped.push({ name, reason: 'constant' });
      return;
    }
    if (!forced && kind === 'categorical' && present >= 20) {
      const distinct = new Set<string>();
      for (const row of table.rows) {
        const cell = row[j] ?? '';
        if (!isMissing(cell)) distinct.add(cell.trim());
      }
      if (distinct.size > 0.95 * present) {
        dropped.push({ name, reason: 'identifier-like (nearly every label distinct)' });
        return;
      }
    }
    features.push({
      name,
      kind,
      specialValues: [...(options.specialValues?.[name] ?? [])].sort((a, b) => a - b),
    });
  });
  return { features, dropped };
}

/**
 * Extracts typed feature columns from a table (rows optionally restricted to `rowIndex`).
 * Numeric columns become a Float64Array with NaN for missing; categorical columns become labels.
 *
 * @example featureColumns(table, specs)[0].kind; // 'numeric'
 */
export function featureColumns(
  table: Table,
  specs: readonly FeatureSpec[],
  rowIndex?: readonly number[],
): FeatureColumn[] {
  const rows = rowIndex ? rowIndex.map((i) => table.rows[i]!) : table.rows;
  return specs.map((spec) => {
    const j = table.header.indexOf(spec.name);
    if (j < 0) throw new Error(`column '${spec.name}' not found`);
    if (spec.kind === 'numeric') {
      const values = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) values[i] = toNumeric(rows[i]![j]);
      return { spec, kind: 'numeric' as const, values };
    }
    return { spec, kind: 'categorical' as const, labels: rows.map((r) => toLabel(r[j])) };
  });
}
