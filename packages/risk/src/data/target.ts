import { isMissing, parseNumber } from './values.ts';

/** How the target column's labels map to the bad (event) class. */
export interface TargetEncoding {
  readonly column: string;
  readonly badLabel: string;
  readonly goodLabel: string;
  /** Which rule chose the bad label, in words. */
  readonly rule: string;
}

const BAD_WORDS = new Set([
  'bad',
  'default',
  'defaulted',
  'delinquent',
  'charged off',
  'charged-off',
  'chargedoff',
  'charge off',
  'written off',
  'write-off',
  'fraud',
  'late',
  'risky',
  'fail',
  'failed',
  'yes',
  'y',
  'true',
  't',
]);
const GOOD_WORDS = new Set([
  'good',
  'paid',
  'fully paid',
  'current',
  'ok',
  'non-default',
  'nondefault',
  'no',
  'n',
  'false',
  'f',
  'repaid',
]);

function namesGood(column: string): boolean {
  return /good/i.test(column) && !/bad|default/i.test(column);
}

/**
 * Reads a binary target. Exactly two distinct labels must be present (missing rows are left out).
 * The bad class is, in order: `badValue` if given; for two numbers, the larger (0/1 → 1,
 * 1/2 → 2); for words, the one meaning bad/default/yes/true; otherwise the rarer label. When the
 * column's name says "good" (e.g. `is_good`) the numeric and yes/no rules flip.
 *
 * @example encodeTarget(['1', '2', '1'], 'class').encoding.badLabel; // '2'
 */
export function encodeTarget(
  cells: readonly string[],
  column: string,
  badValue?: string,
): { y: Uint8Array; rows: number[]; encoding: TargetEncoding } {
  const counts = new Map<string, number>();
  const rows: number[] = [];
  const labels: string[] = [];
  cells.forEach((c, i) => {
    if (isMissing(c)) return;
    const t = c.trim();
    rows.push(i);
    labels.push(t);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  });
  const distinct = [...counts.keys()].sort();
  if (distinct.length !== 2) {
    throw new Error(
      `target '${column}' must have exactly two values, found ${distinct.length}${distinct.length ? ` (${distinct.slice(0, 5).join(', ')})` : ''}`,
    );
  }
  const [a, b] = distinct as [string, string];
  let bad: string;
  let rule: string;
  const flip = namesGood(column);
  if (badValue !== undefined) {
    const m =
      distinct.find((d) => d === badValue.trim()) ??
      distinct.find((d) => d.toLowerCase() === badValue.trim().toLowerCase());
    if (!m) throw new Error(`--bad-value '${badValue}' is not one of the target's values (${a}, ${b})`);
    bad = m;
    rule = 'given by the user';
  } else if (parseNumber(a) !== undefined && parseNumber(b) !== undefined) {
    const larger = parseNumber(a)! > parseNumber(b)! ? a : b;
    bad = flip ? (larger === a ? b : a) : larger;
    rule = flip
      ? 'numeric target named "good": the smaller value is bad'
      : 'numeric target: the larger value is bad';
  } else {
    const isBad = (l: string): boolean => BAD_WORDS.has(l.toLowerCase());
    const isGood = (l: string): boolean => GOOD_WORDS.has(l.toLowerCase());
    let pick: string | undefined;
    if (isBad(a) && !isBad(b)) pick = a;
    else if (isBad(b) && !isBad(a)) pick = b;
    else if (isGood(a) && !isGood(b)) pick = b;
    else if (isGood(b) && !isGood(a)) pick = a;
    if (pick !== undefined) {
      if (flip && ['yes', 'y', 'true', 't', 'no', 'n', 'false', 'f'].includes(pick.toLowerCase()))
        pick = pick === a ? b : a;
      bad = pick;
      rule = 'label names the bad outcome';
    } else {
      const ca = counts.get(a)!;
      const cb = counts.get(b)!;
      bad = ca < cb ? a : cb < ca ? b : b;
      rule = 'the rarer label is bad';
    }
  }
  const good = bad === a ? b : a;
  const y = new Uint8Array(labels.length);
  labels.forEach((l, i) => {
    y[i] = l === bad ? 1 : 0;
  });
  return { y, rows, encoding: { column, badLabel: bad, goodLabel: good, rule } };
}
