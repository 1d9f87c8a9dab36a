/** What a person types into the calculator (all text, as typed). */
export interface CalculatorInput {
  readonly amount: string;
  readonly rate: string;
  readonly months: string;
  readonly method: 'equal_installments' | 'equal_principal';
  readonly fee: string;
  readonly start: string;
}

/** The calculator's fields, by the name the form uses. */
export type CalculatorField = keyof CalculatorInput;

/** The schedule spec of `POST /api/v1/calculator/schedule` (the `puhui schedule` format). */
export interface ScheduleSpecBody {
  readonly principal: string;
  readonly currency: 'CNY';
  readonly annualRate: string;
  readonly repayments: number;
  readonly every: 1;
  readonly frequency: 'months';
  readonly disbursementDate: string;
  readonly amortization: CalculatorInput['method'];
  readonly fees?: readonly { name: string; type: 'flat'; amount: string; at: 'disbursement' }[];
}

/**
 * Where the server reports each spec field on the form (`body.principal` → `amount`). Pass it as
 * the problem mapping's `aliases`.
 */
export const SPEC_FIELD_TO_INPUT: Readonly<Record<string, CalculatorField>> = {
  principal: 'amount',
  annualRate: 'rate',
  repayments: 'months',
  fees: 'fee',
  disbursementDate: 'start',
  firstDueDate: 'start',
  amortization: 'method',
};

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const RATE = /^\d{1,6}(\.\d{1,6})?$/;

/**
 * Checks the typed values for form only (numbers where numbers go) and builds the spec; the loan
 * engine on the server checks everything else and its answers are shown on the same fields.
 * Amounts stay decimal strings (commas and spaces removed); the rate becomes a percentage string.
 *
 * @example toScheduleSpec({ amount: '10,000', rate: '12', months: '6', method: 'equal_principal', fee: '', start: '2026-01-15' });
 * // { ok: true, spec: { principal: '10000', annualRate: '12%', repayments: 6, … } }
 */
export function toScheduleSpec(
  input: CalculatorInput,
): { ok: true; spec: ScheduleSpecBody } | { ok: false; invalid: CalculatorField[] } {
  const clean = (s: string) => s.replace(/[,\s，]/g, '');
  const amount = clean(input.amount);
  const rate = clean(input.rate).replace(/%$/, '');
  const months = clean(input.months);
  const fee = clean(input.fee);
  const invalid: CalculatorField[] = [];
  if (!AMOUNT.test(amount) || /^0+(\.0+)?$/.test(amount)) invalid.push('amount');
  if (!RATE.test(rate)) invalid.push('rate');
  const n = Number(months);
  if (!/^\d+$/.test(months) || n < 1 || n > 360) invalid.push('months');
  if (fee !== '' && !AMOUNT.test(fee)) invalid.push('fee');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.start)) invalid.push('start');
  if (invalid.length > 0) return { ok: false, invalid };
  return {
    ok: true,
    spec: {
      principal: amount,
      currency: 'CNY',
      annualRate: `${rate}%`,
      repayments: n,
      every: 1,
      frequency: 'months',
      disbursementDate: input.start,
      amortization: input.method,
      ...(fee !== '' && !/^0+(\.0+)?$/.test(fee)
        ? { fees: [{ name: 'fee', type: 'flat' as const, amount: fee, at: 'disbursement' as const }] }
        : {}),
    },
  };
}

/**
 * Today's date (`YYYY-MM-DD`) in the reader's time zone: the calculator's default pay-out date.
 *
 * @example localToday(new Date('2026-03-02T20:00:00Z')); // '2026-03-03' in UTC+8
 */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
