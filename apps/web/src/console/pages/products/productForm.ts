import type { ProblemMapping } from '../../../api/problem.ts';
import type { components } from '../../../api/schema.d.ts';
import {
  amountToMinor,
  fractionToPercent,
  minorToAmount,
  percentToFraction,
} from '../../../shared/decimal.ts';
import { CATEGORIES } from '../loans/loans.ts';

/** A product version as the API returns it. */
export type Product = components['schemas']['LoanProduct'];
/** Everything a product version fixes (docs/servicing.md, "Loan products"). */
export type ProductConfig = Product['config'];
export type ProductStatus = Product['status'];
export type Category = keyof ProductConfig['provisioning'];
type Fee = ProductConfig['fees'][number];
type Penalty = NonNullable<ProductConfig['penalty']>;

export const STATUSES = [
  'pending',
  'active',
  'rejected',
  'retired',
] as const satisfies readonly ProductStatus[];
export const AMORTIZATIONS = [
  'equal_installments',
  'equal_principal',
  'interest_only',
  'bullet',
] as const satisfies readonly ProductConfig['amortization'][];
export const INTEREST_METHODS = [
  'declining_balance',
  'flat',
] as const satisfies readonly ProductConfig['interestMethod'][];
export const FREQUENCIES = [
  'months',
  'weeks',
  'days',
] as const satisfies readonly ProductConfig['frequency'][];
export const DAYS_IN_YEAR = ['actual', 365, 360] as const satisfies readonly ProductConfig['daysInYear'][];
export const ALLOCATIONS = [
  'mifos_standard',
  'interest_principal_penalties_fees',
  'due_penalty_fee_interest_principal_in_advance_principal_penalty_fee_interest',
  'due_penalty_interest_principal_fee_in_advance_penalty_interest_principal_fee',
] as const satisfies readonly ProductConfig['allocation'][];
export const BASES = ['accrual', 'cash'] as const satisfies readonly ProductConfig['basis'][];
export const PENALTY_BASES = [
  'principal',
  'principal_interest',
] as const satisfies readonly Penalty['base'][];
export const FEE_TIMES = ['disbursement', 'installment'] as const satisfies readonly Fee['at'][];

// Fails to compile when the API adds a value one of these lists lacks.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : never;
const _complete: [
  Missing<ProductStatus, (typeof STATUSES)[number]>,
  Missing<ProductConfig['amortization'], (typeof AMORTIZATIONS)[number]>,
  Missing<ProductConfig['allocation'], (typeof ALLOCATIONS)[number]>,
  Missing<ProductConfig['frequency'], (typeof FREQUENCIES)[number]>,
  Missing<ProductConfig['daysInYear'], (typeof DAYS_IN_YEAR)[number]>,
] = [true, true, true, true, true];
void _complete;

/** A fee row of the form: amounts in major units, rates in percent. */
export interface FeeValues {
  name: string;
  type: Fee['type'];
  /** Flat fee in major units (`"50.00"`). */
  amount?: string;
  /** Percent fee as a percentage (`"1.5"` for 1.5 %). */
  rate?: string;
  at: Fee['at'];
}

/**
 * The product form's `config`: the API's shape with amounts in major units and rates in percent,
 * so a person types `18` for 18 % and `2000` for 2,000.00 yuan.
 */
export interface ConfigValues {
  currency: string;
  annualRate: string;
  frequency: ProductConfig['frequency'];
  every: number;
  amortization: ProductConfig['amortization'];
  interestMethod: ProductConfig['interestMethod'];
  daysInYear: ProductConfig['daysInYear'];
  fees: FeeValues[];
  limits: { minPrincipal: string; maxPrincipal: string; minRepayments: number; maxRepayments: number };
  allocation: ProductConfig['allocation'];
  penalty: {
    enabled: boolean;
    annualRate: string;
    graceDays: number;
    base: Penalty['base'];
    daysInYear: Penalty['daysInYear'];
  };
  classification: ProductConfig['classification'];
  provisioning: Record<Category, string>;
  basis: ProductConfig['basis'];
  dueSoonDays: number;
}

/** Everything the create and change forms hold (`code` only when creating). */
export interface ProductFormValues {
  code?: string;
  name: string;
  config: ConfigValues;
}

/**
 * The terms a new product starts from: 18 % a year, monthly equal instalments on the declining
 * balance, 1,000–200,000 yuan over 1–36 months, penalties after 3 days' grace, the regulatory
 * classification floors (overdue 1 / 91 / 271 / 361 days) and provisioning rates (1.5 % / 2.5 % /
 * 25 % / 50 % / 100 %), accrual accounting.
 */
export const NEW_PRODUCT_CONFIG: ProductConfig = {
  currency: 'CNY',
  annualRate: '0.18',
  frequency: 'months',
  every: 1,
  amortization: 'equal_installments',
  interestMethod: 'declining_balance',
  daysInYear: 365,
  fees: [],
  limits: { minPrincipalMinor: 100_000, maxPrincipalMinor: 20_000_000, minRepayments: 1, maxRepayments: 36 },
  allocation: 'mifos_standard',
  penalty: { annualRate: '0.18', graceDays: 3, base: 'principal', daysInYear: 360 },
  classification: { specialMention: 1, substandard: 91, doubtful: 271, loss: 361 },
  provisioning: {
    normal: '0.015',
    special_mention: '0.025',
    substandard: '0.25',
    doubtful: '0.5',
    loss: '1',
  },
  basis: 'accrual',
  dueSoonDays: 3,
};

/**
 * A product configuration as the form shows it (percentages, major units).
 *
 * @example valuesOf(NEW_PRODUCT_CONFIG).annualRate; // '18'
 */
export function valuesOf(config: ProductConfig): ConfigValues {
  const penalty = config.penalty ?? NEW_PRODUCT_CONFIG.penalty;
  return {
    currency: config.currency,
    annualRate: fractionToPercent(config.annualRate),
    frequency: config.frequency,
    every: config.every,
    amortization: config.amortization,
    interestMethod: config.interestMethod,
    daysInYear: config.daysInYear,
    fees: config.fees.map((f) =>
      f.type === 'flat'
        ? { name: f.name, type: 'flat', amount: minorToAmount(f.amountMinor, config.currency), at: f.at }
        : { name: f.name, type: 'percent', rate: fractionToPercent(f.rate), at: f.at },
    ),
    limits: {
      minPrincipal: minorToAmount(config.limits.minPrincipalMinor, config.currency),
      maxPrincipal: minorToAmount(config.limits.maxPrincipalMinor, config.currency),
      minRepayments: config.limits.minRepayments,
      maxRepayments: config.limits.maxRepayments,
    },
    allocation: config.allocation,
    penalty: {
      enabled: config.penalty !== null,
      annualRate: fractionToPercent(penalty?.annualRate ?? '0'),
      graceDays: penalty?.graceDays ?? 0,
      base: penalty?.base ?? 'principal',
      daysInYear: penalty?.daysInYear ?? 360,
    },
    classification: { ...config.classification },
    provisioning: Object.fromEntries(
      CATEGORIES.map((c) => [c, fractionToPercent(config.provisioning[c])]),
    ) as Record<Category, string>,
    basis: config.basis,
    dueSoonDays: config.dueSoonDays,
  };
}

function fraction(percent: string): string {
  // The form only lets numbers through; anything else goes to the server as typed, which names it.
  return percentToFraction(percent) ?? percent;
}

function minor(amount: string, currency: string): number {
  const value = amountToMinor(amount, currency);
  if (value === null) throw new RangeError(`not an amount in ${currency}: ${amount}`);
  return value;
}

/**
 * The API's configuration from the form's values: percentages become fractions and amounts
 * minor units, exactly. Amounts must have passed {@link amountRule}.
 *
 * @example configOf(valuesOf(config)); // equal to config
 */
export function configOf(values: ConfigValues): ProductConfig {
  const currency = values.currency.trim().toUpperCase();
  const p = values.penalty;
  return {
    currency,
    annualRate: fraction(values.annualRate),
    frequency: values.frequency,
    every: values.every,
    amortization: values.amortization,
    interestMethod: values.interestMethod,
    daysInYear: values.daysInYear,
    fees: (values.fees ?? []).map(
      (f): Fee =>
        f.type === 'flat'
          ? { name: f.name, type: 'flat', amountMinor: minor(f.amount ?? '', currency), at: f.at }
          : { name: f.name, type: 'percent', rate: fraction(f.rate ?? ''), at: f.at },
    ),
    limits: {
      minPrincipalMinor: minor(values.limits.minPrincipal, currency),
      maxPrincipalMinor: minor(values.limits.maxPrincipal, currency),
      minRepayments: values.limits.minRepayments,
      maxRepayments: values.limits.maxRepayments,
    },
    allocation: values.allocation,
    penalty: p.enabled
      ? { annualRate: fraction(p.annualRate), graceDays: p.graceDays, base: p.base, daysInYear: p.daysInYear }
      : null,
    classification: { ...values.classification },
    provisioning: Object.fromEntries(CATEGORIES.map((c) => [c, fraction(values.provisioning[c])])) as Record<
      Category,
      string
    >,
    basis: values.basis,
    dueSoonDays: values.dueSoonDays,
  };
}

/**
 * Whether a typed amount is a valid amount of `currency` (for the form's own check: "numbers where
 * numbers go").
 *
 * @example amountRule('2000.5', 'CNY'); // true
 */
export function amountRule(text: string | undefined, currency: string): boolean {
  return text !== undefined && amountToMinor(text, currency.trim().toUpperCase() || 'CNY') !== null;
}

const CONFIG_FIELDS = [
  'config.currency',
  'config.annualRate',
  'config.frequency',
  'config.every',
  'config.amortization',
  'config.interestMethod',
  'config.daysInYear',
  'config.fees.*.name',
  'config.fees.*.type',
  'config.fees.*.amount',
  'config.fees.*.rate',
  'config.fees.*.at',
  'config.limits',
  'config.limits.minPrincipal',
  'config.limits.maxPrincipal',
  'config.limits.minRepayments',
  'config.limits.maxRepayments',
  'config.allocation',
  'config.penalty.annualRate',
  'config.penalty.graceDays',
  'config.penalty.base',
  'config.penalty.daysInYear',
  'config.classification',
  ...(['specialMention', 'substandard', 'doubtful', 'loss'] as const).map(
    (k) => `config.classification.${k}`,
  ),
  ...CATEGORIES.map((c) => `config.provisioning.${c}`),
  'config.basis',
  'config.dueSoonDays',
] as const;

const ALIASES: Readonly<Record<string, string>> = {
  'config.fees.*.amountMinor': 'config.fees.*.amount',
  'config.limits.minPrincipalMinor': 'config.limits.minPrincipal',
  'config.limits.maxPrincipalMinor': 'config.limits.maxPrincipal',
  // The loan engine checks the terms on loans at the limits and names the loan's fields.
  'config.principalMinor': 'config.limits',
  'config.repayments': 'config.limits',
};

/**
 * Where the server's problems land on the product form: every field under its own name; what the
 * API names in minor units under the major-unit field; the use case's findings on a whole group
 * (`config.limits`, `config.classification`) under the group. Creating also has the
 * code (an existing code is a `conflict` there); a change has no code field, so its `conflict`
 * (another version still pending) shows above the form.
 *
 * @example useFormProblems(form, productProblems(true));
 */
export function productProblems(creating: boolean): ProblemMapping {
  return creating
    ? { fields: ['code', 'name', ...CONFIG_FIELDS], aliases: ALIASES, codes: { conflict: 'code' } }
    : { fields: ['name', ...CONFIG_FIELDS], aliases: ALIASES };
}

/** Whether `me` (from `/auth/me`) made `product`: its maker may not approve or reject it. */
export function isMaker(
  product: Pick<Product, 'maker'>,
  me: { kind: string; id: string } | undefined,
): boolean {
  return me !== undefined && product.maker === `${me.kind}:${me.id}`;
}
