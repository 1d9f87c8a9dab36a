import { addDays, addMonths, decimalToNumber, isLocalDate, type LocalDate, parseDecimal } from '@puhui/money';
import type { FieldError } from '../field-error.ts';
import { FREQUENCIES, type Frequency } from '../schedule/schedule-spec.ts';
import { type DatedCashFlow, RATE_METHODS, type RateMethod, type UnitPeriod } from './annualized-rate.ts';

/** A parsed `puhui apr` request: the method, the expanded dated flows and the unit period if known. */
export interface AprRequest {
  readonly method: RateMethod;
  readonly flows: readonly DatedCashFlow[];
  readonly unitPeriod: UnitPeriod | undefined;
}

/** Outcome of {@link parseAprRequest}. */
export type ParseAprResult =
  | { readonly ok: true; readonly request: AprRequest }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const MAX_FLOWS = 10_000;

function step(date: LocalDate, k: number, every: number, frequency: Frequency): LocalDate {
  switch (frequency) {
    case 'days':
      return addDays(date, k * every);
    case 'weeks':
      return addDays(date, 7 * k * every);
    case 'months':
      return addMonths(date, k * every);
    case 'years':
      return addMonths(date, 12 * k * every);
  }
}

/**
 * Reads `{ method, flows: [{ date, amount, count?, every?, frequency? }], unitPeriod? }`: amounts
 * are decimals in major units (negative = money to the borrower); a flow with `count` repeats
 * `count` times every `every` (default 1) `frequency` (default months) from `date`. The unit period
 * is `unitPeriod` if given, else the interval of the first repeated payment, else inferred.
 *
 * @example parseAprRequest({ method: 'cn_irr', flows: [{ date: '2024-01-15', amount: '-100000' },
 *   { date: '2024-02-15', amount: '8556.17', count: 12 }] })
 */
export function parseAprRequest(input: unknown): ParseAprResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '(request)', reason: 'must be a JSON object' }] };
  }
  const o = input as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(o)) {
    if (!['method', 'flows', 'unitPeriod'].includes(key))
      errors.push({ field: key, reason: 'unknown field' });
  }
  const method = o.method as RateMethod;
  if (!RATE_METHODS.includes(method)) {
    errors.push({ field: 'method', reason: `must be one of ${RATE_METHODS.join(', ')}` });
  }
  const readUnit = (value: unknown, field: string): UnitPeriod | undefined => {
    const u = value as Record<string, unknown>;
    const every = u.every ?? 1;
    if (typeof every !== 'number' || !Number.isSafeInteger(every) || every < 1 || every > 1000) {
      errors.push({ field: `${field}.every`, reason: 'must be an integer from 1 to 1000' });
      return undefined;
    }
    if (!FREQUENCIES.includes(u.frequency as Frequency)) {
      errors.push({ field: `${field}.frequency`, reason: `must be one of ${FREQUENCIES.join(', ')}` });
      return undefined;
    }
    return { every, frequency: u.frequency as Frequency };
  };
  let unitPeriod: UnitPeriod | undefined;
  if (o.unitPeriod !== undefined) {
    if (typeof o.unitPeriod !== 'object' || o.unitPeriod === null) {
      errors.push({ field: 'unitPeriod', reason: 'must be an object { every, frequency }' });
    } else unitPeriod = readUnit(o.unitPeriod, 'unitPeriod');
  }
  const flows: DatedCashFlow[] = [];
  if (!Array.isArray(o.flows) || o.flows.length === 0) {
    errors.push({ field: 'flows', reason: 'must be a non-empty array' });
    return { ok: false, errors };
  }
  o.flows.forEach((raw: unknown, i) => {
    const at = `flows[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ field: at, reason: 'must be an object' });
      return;
    }
    const f = raw as Record<string, unknown>;
    for (const key of Object.keys(f)) {
      if (!['date', 'amount', 'count', 'every', 'frequency'].includes(key)) {
        errors.push({ field: `${at}.${key}`, reason: 'unknown field' });
      }
    }
    if (!isLocalDate(f.date)) {
      errors.push({ field: `${at}.date`, reason: 'must be a date YYYY-MM-DD' });
      return;
    }
    const text = typeof f.amount === 'number' && Number.isFinite(f.amount) ? String(f.amount) : f.amount;
    const amount = typeof text === 'string' ? parseDecimal(text) : undefined;
    if (!amount) {
      errors.push({ field: `${at}.amount`, reason: 'must be a decimal amount like "-1000.00"' });
      return;
    }
    const count = f.count ?? 1;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1 || count > MAX_FLOWS) {
      errors.push({ field: `${at}.count`, reason: `must be an integer from 1 to ${MAX_FLOWS}` });
      return;
    }
    let unit: UnitPeriod = { every: 1, frequency: 'months' };
    if (f.every !== undefined || f.frequency !== undefined) {
      const u = readUnit({ every: f.every, frequency: f.frequency ?? 'months' }, at);
      if (!u) return;
      unit = u;
    }
    if (count > 1 && unitPeriod === undefined && amount.units > 0n) unitPeriod = unit;
    const value = decimalToNumber(amount);
    for (let k = 0; k < count; k++) {
      let date: LocalDate;
      try {
        date = step(f.date, k, unit.every, unit.frequency);
      } catch {
        errors.push({ field: `${at}.count`, reason: 'the series runs past the year 9999' });
        return;
      }
      flows.push({ date, amount: value });
    }
  });
  if (flows.length > MAX_FLOWS)
    errors.push({ field: 'flows', reason: `at most ${MAX_FLOWS} flows after expansion` });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, request: { method, flows, unitPeriod } };
}
