/*
 * 3,000.00 in three monthly instalments of 1,000.00 due 2024-02-10, 03-10, 04-10, nothing paid.
 * On 2024-02-10 nothing is overdue yet (DPD 0); on 02-11 DPD 1; on 2024-05-20 the oldest unpaid
 * due date is 02-10: 19 (Feb) + 31 + 30 + 20 = 100 days → bucket 91-180, classification floor
 * substandard; all three instalments (3,000.00) are overdue.
 * After paying the first instalment the oldest unpaid is 03-10: 71 days on 05-20.
 */
import { describe, expect, it } from 'vitest';
import { CNY, d } from '../test-support.ts';
import { ALLOCATION_RULES } from './allocation.ts';
import { classificationFloor } from './classification.ts';
import { arrears, arrearsBucket, DEFAULT_ARREARS_BUCKETS, daysPastDue } from './delinquency.ts';
import { replayLoan } from './loan-state.ts';

const spec = {
  principalMinor: 300_000,
  currency: CNY,
  annualRate: '0',
  repayments: 3,
  disbursementDate: d('2024-01-10'),
  amortization: 'equal_principal',
} as const;
const config = { allocation: ALLOCATION_RULES.mifos_standard };
const disburse = { type: 'disburse', id: 'd', date: d('2024-01-10') } as const;

describe('delinquency', () => {
  const r = replayLoan(spec, config, [disburse]);
  if (!r.ok) throw new Error(r.message);
  const loan = r.state;

  it('days past due from the oldest unpaid due date', () => {
    expect(daysPastDue(loan.installments, d('2024-02-10'))).toBe(0);
    expect(daysPastDue(loan.installments, d('2024-02-11'))).toBe(1);
    expect(daysPastDue(loan.installments, d('2024-05-20'))).toBe(100);
    const paid = replayLoan(spec, config, [
      disburse,
      { type: 'repay', id: 'p', date: d('2024-02-10'), amountMinor: 100_000 },
    ]);
    expect(paid.ok && daysPastDue(paid.state.installments, d('2024-05-20'))).toBe(71);
  });

  it('arrears with bucket and floor', () => {
    const a = arrears(loan.installments, d('2024-05-20'));
    expect(a).toEqual({
      daysPastDue: 100,
      overdue: { principal: 300_000, interest: 0, fee: 0, penalty: 0 },
      overdueTotalMinor: 300_000,
      bucket: '91-180',
    });
    expect(classificationFloor(a.daysPastDue)).toBe('substandard');
  });

  it('buckets', () => {
    expect([0, 1, 30, 31, 90, 91, 360, 361, 5000].map((x) => arrearsBucket(x)?.name)).toEqual([
      'current',
      '1-30',
      '1-30',
      '31-60',
      '61-90',
      '91-180',
      '181-360',
      '360+',
      '360+',
    ]);
    expect(arrearsBucket(5, [{ name: 'late', minDays: 10, maxDays: null }])).toBeUndefined();
    expect(DEFAULT_ARREARS_BUCKETS).toHaveLength(7);
  });
});
