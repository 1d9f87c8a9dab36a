import { AppError, type FieldError } from '@puhui/core';
import {
  ALLOCATION_RULES,
  type AllocationRuleName,
  type ClassificationThresholds,
  DEFAULT_CLASSIFICATION_THRESHOLDS,
  type FeeSpec,
  LOAN_CATEGORIES,
  type LoanCategory,
  type PenaltyConfig,
  type ScheduleSpec,
  thresholdsProblem,
  validateScheduleSpec,
} from '@puhui/loans';
import { type CurrencyCode, type LocalDate, parseRate } from '@puhui/money';

/**
 * Everything a loan product fixes: the loan engine's terms (rate, frequency, amortisation, fees),
 * limits, allocation order, penalty rule, classification thresholds, provisioning rates and the
 * accounting basis. Stored as JSON on the product version.
 */
export interface ProductConfig {
  readonly currency: string;
  /** Nominal annual rate, e.g. `"0.18"`. */
  readonly annualRate: string;
  readonly frequency: 'days' | 'weeks' | 'months';
  readonly every: number;
  readonly amortization: 'equal_installments' | 'equal_principal' | 'interest_only' | 'bullet';
  readonly interestMethod: 'declining_balance' | 'flat';
  readonly daysInYear: 'actual' | 360 | 365;
  readonly fees: readonly FeeSpec[];
  readonly limits: {
    readonly minPrincipalMinor: number;
    readonly maxPrincipalMinor: number;
    readonly minRepayments: number;
    readonly maxRepayments: number;
  };
  readonly allocation: AllocationRuleName;
  readonly penalty: PenaltyConfig | null;
  readonly classification: ClassificationThresholds;
  /** Loss allowance as a fraction of the exposure, per category, e.g. `{ normal: "0.01", … }`. */
  readonly provisioning: Readonly<Record<LoanCategory, string>>;
  readonly basis: 'cash' | 'accrual';
  /** Days before a due date on which end of day emits `loan.payment_due_soon`. */
  readonly dueSoonDays: number;
}

/** Regulatory-style default provisioning rates (1.5 % / 2.5 % / 25 % / 50 % / 100 %). */
export const DEFAULT_PROVISIONING: Readonly<Record<LoanCategory, string>> = {
  normal: '0.015',
  special_mention: '0.025',
  substandard: '0.25',
  doubtful: '0.5',
  loss: '1',
};

/**
 * The loan engine's schedule spec for a loan of this product.
 *
 * @example scheduleSpecOf(config, 1_000_000, 12, '2026-03-02')
 */
export function scheduleSpecOf(
  config: ProductConfig,
  principalMinor: number,
  repayments: number,
  disbursementDate: string,
): ScheduleSpec {
  return {
    principalMinor,
    currency: config.currency as CurrencyCode,
    annualRate: config.annualRate,
    repayments,
    every: config.every,
    frequency: config.frequency,
    disbursementDate: disbursementDate as LocalDate,
    amortization: config.amortization,
    interestMethod: config.interestMethod,
    daysInYear: config.daysInYear,
    fees: config.fees,
  };
}

function isFraction(text: unknown, max = 1): boolean {
  if (typeof text !== 'string') return false;
  const r = parseRate(text);
  if (!r) return false;
  const value = Number(r.units) / 10 ** r.scale;
  return value >= 0 && value <= max;
}

/**
 * Checks a product configuration and throws `validation_failed` naming every bad field (paths
 * under `config.`). The schedule terms are checked by the loan engine's own validator on a loan
 * at the minimum and maximum limits.
 *
 * @example assertProductConfig(config)
 */
export function assertProductConfig(config: ProductConfig): void {
  const errors: FieldError[] = [];
  const l = config.limits;
  const int = (v: number) => Number.isSafeInteger(v) && v > 0;
  if (!int(l.minPrincipalMinor) || !int(l.maxPrincipalMinor) || l.minPrincipalMinor > l.maxPrincipalMinor)
    errors.push({ path: 'config.limits', message: 'principal limits must be positive with min ≤ max' });
  if (!int(l.minRepayments) || !int(l.maxRepayments) || l.minRepayments > l.maxRepayments)
    errors.push({ path: 'config.limits', message: 'repayment limits must be positive with min ≤ max' });
  if (!(config.allocation in ALLOCATION_RULES))
    errors.push({ path: 'config.allocation', message: `one of ${Object.keys(ALLOCATION_RULES).join(', ')}` });
  const t = thresholdsProblem(config.classification);
  if (t) errors.push({ path: 'config.classification', message: t });
  for (const c of LOAN_CATEGORIES)
    if (!isFraction(config.provisioning[c]))
      errors.push({ path: `config.provisioning.${c}`, message: 'a rate from 0 to 1' });
  if (config.penalty) {
    if (!isFraction(config.penalty.annualRate, 10))
      errors.push({ path: 'config.penalty.annualRate', message: 'a rate from 0 to 10' });
    if (!Number.isSafeInteger(config.penalty.graceDays) || config.penalty.graceDays < 0)
      errors.push({ path: 'config.penalty.graceDays', message: 'whole days ≥ 0' });
  }
  if (!Number.isSafeInteger(config.dueSoonDays) || config.dueSoonDays < 0 || config.dueSoonDays > 60)
    errors.push({ path: 'config.dueSoonDays', message: 'whole days from 0 to 60' });
  if (errors.length === 0) {
    for (const [p, n] of [
      [l.minPrincipalMinor, l.minRepayments],
      [l.maxPrincipalMinor, l.maxRepayments],
    ] as const) {
      for (const e of validateScheduleSpec(scheduleSpecOf(config, p, n, '2026-01-01')))
        errors.push({ path: `config.${e.field}`, message: e.reason });
    }
  }
  if (errors.length > 0)
    throw new AppError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

/** A sensible default configuration (used by the demo and tests); override what differs. */
export function defaultProductConfig(overrides: Partial<ProductConfig> = {}): ProductConfig {
  return {
    currency: 'CNY',
    annualRate: '0.18',
    frequency: 'months',
    every: 1,
    amortization: 'equal_installments',
    interestMethod: 'declining_balance',
    daysInYear: 365,
    fees: [],
    limits: {
      minPrincipalMinor: 100_000,
      maxPrincipalMinor: 20_000_000,
      minRepayments: 1,
      maxRepayments: 36,
    },
    allocation: 'mifos_standard',
    penalty: { annualRate: '0.18', graceDays: 3, base: 'principal', daysInYear: 360 },
    classification: DEFAULT_CLASSIFICATION_THRESHOLDS,
    provisioning: DEFAULT_PROVISIONING,
    basis: 'accrual',
    dueSoonDays: 3,
    ...overrides,
  };
}
