// Helpers shared by the test files (not exported from the package).
import { currencyCode, formatMinor, type LocalDate, localDate } from '@puhui/money';
import type { Schedule } from './schedule/generate-schedule.ts';

export const CNY = currencyCode('CNY');
export const EUR = currencyCode('EUR');
export const d = (text: string): LocalDate => localDate(text);

/** Schedule rows as `[n, dueDate, principal, interest, fees, total, balance]` in major units. */
export function rows(schedule: Schedule): [number, string, string, string, string, string, string][] {
  const f = (m: number) => formatMinor(m, schedule.currency);
  return schedule.periods.map((p) => [
    p.n,
    p.dueDate,
    f(p.principalMinor),
    f(p.interestMinor),
    f(p.feesMinor),
    f(p.totalMinor),
    f(p.balanceMinor),
  ]);
}
