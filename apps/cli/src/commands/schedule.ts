import { formatFieldErrors, RATE_METHODS, type RateMethod } from '@puhui/loans';
import { calculateSchedule } from '@puhui/services';
import { type CliCommand, CliError } from '../command.ts';
import { parseJson, parseOptions, readText, writeText } from '../io.ts';

export const schedule: CliCommand = {
  name: 'schedule',
  summary: 'Print the repayment schedule of a loan spec (JSON in, JSON out)',
  usage: `Usage: puhui schedule [SPEC.json | -] [--out FILE] [--method cn_irr|us_actuarial|eu_aprc]

Reads a schedule spec (a file, or stdin when absent or '-') and prints the schedule as JSON:
{ periods: [{ n, dueDate, days, principal, interest, fees, total, balance }],
  totals: { principal, interest, fees, total }, annualizedRate: { nominal, effective } }.
Amounts are decimal strings in major units; rates are fractions. The annualised rate includes
every fee and uses --method (default cn_irr). Spec fields: principal, currency, annualRate,
repayments, every, frequency, disbursementDate, firstDueDate, amortization, interestMethod,
interestPeriod, daysInYear, daysInMonth, graceOnPrincipal, graceOnInterestPayment,
graceOnInterestCharged, installmentMultipleOf, rounding, fees, principalShares
(see docs/loan-engine.md). A bad spec prints one line naming the field and exits 2.

Example:
  echo '{"principal":"100000.00","currency":"CNY","annualRate":"4.9%","repayments":12,
         "disbursementDate":"2024-01-15"}' | puhui schedule`,
  async run(ctx) {
    const { values, positionals } = parseOptions(
      ctx,
      { out: { type: 'string' }, method: { type: 'string' } },
      true,
    );
    if (positionals.length > 1) throw new CliError('expected at most one spec file', 2);
    const method = (values.method ?? 'cn_irr') as RateMethod;
    if (!RATE_METHODS.includes(method))
      throw new CliError(`--method must be one of ${RATE_METHODS.join(', ')}`, 2);
    const source = positionals[0] ?? 'stdin';
    const result = calculateSchedule(parseJson(await readText(ctx, positionals[0]), source), method);
    if (!result.ok) throw new CliError(`invalid schedule spec: ${formatFieldErrors(result.errors)}`, 2);
    await writeText(ctx, values.out, `${JSON.stringify(result.value, null, 2)}\n`);
    return 0;
  },
};
