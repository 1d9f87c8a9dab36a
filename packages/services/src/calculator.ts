import {
  annualizedRate,
  type FieldError,
  formatRate,
  generateSchedule,
  parseAprRequest,
  parseScheduleSpec,
  type RateMethod,
  type ScheduleJson,
  scheduleToJson,
} from '@puhui/loans';

/** A calculation's answer, or the reasons its input was refused (field named as in the input). */
export type Calculation<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: 'validation_failed' | 'rate_not_found';
      readonly errors: readonly FieldError[];
    };

/**
 * The repayment schedule of a schedule spec (the `puhui schedule` and
 * `POST /api/v1/calculator/schedule` contract): periods, totals and the annualised rate including
 * every fee, amounts as decimal strings in major units.
 *
 * @example calculateSchedule({ principal: '100000.00', currency: 'CNY', annualRate: '4.9%', repayments: 12, disbursementDate: '2024-01-15' });
 */
export function calculateSchedule(input: unknown, method: RateMethod = 'cn_irr'): Calculation<ScheduleJson> {
  const parsed = parseScheduleSpec(input);
  if (!parsed.ok) return { ok: false, code: 'validation_failed', errors: parsed.errors };
  return { ok: true, value: scheduleToJson(generateSchedule(parsed.spec), method) };
}

/** Rates of a cash-flow series as fractions in decimal strings. */
export interface AprJson {
  readonly periodicRate: string;
  readonly nominalAnnualRate: string;
  readonly effectiveAnnualRate: string;
}

/**
 * The annualised rate of dated cash flows (the `puhui apr` and `POST /api/v1/calculator/apr`
 * contract). `rate_not_found` when the flows admit no rate (e.g. all of one sign).
 *
 * @example calculateApr({ method: 'cn_irr', flows: [{ date: '2024-01-15', amount: '-1000' }, { date: '2025-01-15', amount: '1100' }] });
 */
export function calculateApr(input: unknown): Calculation<AprJson> {
  const parsed = parseAprRequest(input);
  if (!parsed.ok) return { ok: false, code: 'validation_failed', errors: parsed.errors };
  const { method, flows, unitPeriod } = parsed.request;
  const result = annualizedRate(flows, method, unitPeriod);
  if (!result.ok)
    return {
      ok: false,
      code: 'rate_not_found',
      errors: [{ field: 'flows', reason: `no annualised rate (${result.code}): ${result.message}` }],
    };
  return {
    ok: true,
    value: {
      periodicRate: formatRate(result.periodicRate),
      nominalAnnualRate: formatRate(result.nominalAnnualRate),
      effectiveAnnualRate: formatRate(result.effectiveAnnualRate),
    },
  };
}
