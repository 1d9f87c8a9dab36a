/** A raw cell of an applicant record as the server or CLI receives it. */
export type RawValue = string | number | boolean | null | undefined;

const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', 'missing', '#n/a']);

/** True when `t` (already trimmed) is a plain decimal number: sign, digits, point, exponent. */
function isDecimal(t: string): boolean {
  const n = t.length;
  let i = 0;
  let c = t.charCodeAt(0);
  if (c === 43 || c === 45) c = t.charCodeAt(++i);
  let digits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    c = t.charCodeAt(++i);
  }
  if (c === 46) {
    c = t.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      digits++;
      c = t.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    c = t.charCodeAt(++i);
    if (c === 43 || c === 45) c = t.charCodeAt(++i);
    let e = 0;
    while (c >= 48 && c <= 57) {
      e++;
      c = t.charCodeAt(++i);
    }
    if (e === 0) return false;
  }
  return i === n;
}

/**
 * True when a raw cell means "no value": empty, `NA`, `N/A`, `NaN`, `null`, `None`, `?`,
 * `missing`, `#N/A` (any case), `null`/`undefined`, or a non-finite number.
 *
 * @example isMissing(' NA '); // true
 */
export function isMissing(value: RawValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'number') return !Number.isFinite(value);
  if (typeof value === 'boolean') return false;
  const c = value.charCodeAt(0);
  if (value.length > 0 && c >= 48 && c <= 57) return false;
  return MISSING_TOKENS.has(value.trim().toLowerCase());
}

/**
 * Reads a raw cell as a finite number, or `undefined` when it is missing or not a plain decimal
 * number (no thousands separators, no currency signs).
 *
 * @example parseNumber(' 1e3 '); // 1000
 */
export function parseNumber(value: RawValue): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const t = value.trim();
  if (!isDecimal(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads a raw cell as a numeric feature value: NaN when missing or not a number.
 *
 * @example toNumeric('12'); // 12
 */
export function toNumeric(value: RawValue): number {
  return parseNumber(value) ?? Number.NaN;
}

/**
 * Reads a raw cell as a category label (trimmed text), or `null` when missing.
 *
 * @example toLabel(' A11 '); // 'A11'
 */
export function toLabel(value: RawValue): string | null {
  if (isMissing(value)) return null;
  return String(value).trim();
}
