/*
 * Penalty interest on one instalment of 1,000.00 principal + 50.00 interest due 2024-02-10, at
 * 36 % a year on a 360-day year (0.1 % a day), 5 grace days.
 * - Accrued on 02-14 (4 days, inside grace): 1000 × 0.36 × 4 / 360 = 4.00, held pending.
 * - Accrued on 02-20 (10 days, past grace): pending 4.00 + 6 more days 6.00 → 10.00 charged.
 * - Base principal_interest: 1050 × 0.001 × 10 = 10.50.
 */
import { describe, expect, it } from 'vitest';
import { d } from '../test-support.ts';
import { zeroComponents } from './components.ts';
import type { WorkingInstallment } from './installment.ts';
import { accruePenalties, forgivePendingPenalties, type PenaltyConfig } from './penalty.ts';

function one(): WorkingInstallment[] {
  return [
    {
      n: 1,
      fromDate: d('2024-01-10'),
      dueDate: d('2024-02-10'),
      due: { principal: 100_000, interest: 5_000, fee: 0, penalty: 0 },
      paid: zeroComponents(),
      waived: zeroComponents(),
      writtenOff: zeroComponents(),
      penaltyAccruedTo: null,
      penaltyPendingMinor: 0,
    },
  ];
}
const config: PenaltyConfig = { annualRate: '0.36', graceDays: 5, base: 'principal', daysInYear: 360 };

describe('penalty interest', () => {
  it('holds penalties inside the grace window and charges them after it', () => {
    const work = one();
    accruePenalties(work, d('2024-02-14'), config, 'half_even');
    expect([work[0]?.penaltyPendingMinor, work[0]?.due.penalty]).toEqual([400, 0]);
    accruePenalties(work, d('2024-02-20'), config, 'half_even');
    expect([work[0]?.penaltyPendingMinor, work[0]?.due.penalty]).toEqual([0, 1_000]);
  });

  it('can include overdue interest in the base', () => {
    const work = one();
    accruePenalties(work, d('2024-02-20'), { ...config, base: 'principal_interest' }, 'half_even');
    expect(work[0]?.due.penalty).toBe(1_050);
  });

  it('forgives pending penalties once the instalment is settled inside grace', () => {
    const work = one();
    accruePenalties(work, d('2024-02-14'), config, 'half_even');
    work[0]!.paid.principal = 100_000;
    forgivePendingPenalties(work, config);
    expect(work[0]?.penaltyPendingMinor).toBe(0);
  });

  it('does nothing without a penalty rate or before the due date', () => {
    const work = one();
    accruePenalties(work, d('2024-03-01'), null, 'half_even');
    accruePenalties(work, d('2024-02-10'), config, 'half_even');
    expect(work[0]?.due.penalty).toBe(0);
  });
});
