import { daysBetween, type LocalDate, multiplyDivideRounded, type RoundingMode } from '@puhui/money';
import { type MutableComponents, zeroComponents } from './components.ts';
import { type InstallmentState, outstanding } from './installment.ts';

/** What closes a loan on a date, per component, and per instalment. */
export interface PayoffQuote {
  readonly date: LocalDate;
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly penaltiesMinor: number;
  readonly totalMinor: number;
  /** Per instalment: what the payoff pays on it. */
  readonly installments: readonly { readonly n: number; readonly pay: MutableComponents }[];
}

/**
 * Interest earned on an instalment by `date`: all of it once due, nothing before its period
 * starts, and pro rata by days inside its period.
 */
function interestEarned(i: InstallmentState, date: LocalDate, mode: RoundingMode): number {
  if (i.dueDate <= date) return i.due.interest;
  if (i.fromDate >= date) return 0;
  return multiplyDivideRounded(
    i.due.interest,
    daysBetween(i.fromDate, date),
    daysBetween(i.fromDate, i.dueDate),
    mode,
  );
}

/**
 * The payoff quote on `date` from instalment states already accrued to that date: all outstanding
 * principal; interest, fees and penalties of instalments due by the date; interest of the running
 * period pro rata by days (rounded with `mode`); no interest or fees of later periods. Interest
 * already paid beyond what was earned is not refunded by the quote.
 *
 * @example payoffQuoteOf(state.installments, localDate('2024-06-20'), 'half_even').totalMinor
 */
export function payoffQuoteOf(
  installments: readonly InstallmentState[],
  date: LocalDate,
  mode: RoundingMode,
): PayoffQuote {
  let principal = 0;
  let interest = 0;
  let fees = 0;
  let penalties = 0;
  const rows: { n: number; pay: MutableComponents }[] = [];
  for (const i of installments) {
    const pay = zeroComponents();
    pay.principal = outstanding(i, 'principal');
    pay.penalty = outstanding(i, 'penalty');
    if (i.dueDate <= date) {
      pay.interest = outstanding(i, 'interest');
      pay.fee = outstanding(i, 'fee');
    } else {
      const settled = i.paid.interest + i.waived.interest + i.writtenOff.interest;
      pay.interest = Math.max(0, interestEarned(i, date, mode) - settled);
    }
    principal += pay.principal;
    interest += pay.interest;
    fees += pay.fee;
    penalties += pay.penalty;
    if (pay.principal + pay.interest + pay.fee + pay.penalty > 0) rows.push({ n: i.n, pay });
  }
  return {
    date,
    principalMinor: principal,
    interestMinor: interest,
    feesMinor: fees,
    penaltiesMinor: penalties,
    totalMinor: principal + interest + fees + penalties,
    installments: rows,
  };
}
