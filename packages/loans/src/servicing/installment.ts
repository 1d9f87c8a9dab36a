import type { LocalDate } from '@puhui/money';
import type { SchedulePeriod } from '../schedule/generate-schedule.ts';
import {
  COMPONENTS,
  type Component,
  type Components,
  type MutableComponents,
  zeroComponents,
} from './components.ts';

/**
 * The servicing state of one instalment: what was charged (`due`, which grows with penalties and
 * shrinks with rebates on early payoff), paid, waived and written off, per component. Outstanding
 * = due − paid − waived − writtenOff.
 */
export interface InstallmentState {
  readonly n: number;
  readonly fromDate: LocalDate;
  readonly dueDate: LocalDate;
  readonly due: Components;
  readonly paid: Components;
  readonly waived: Components;
  readonly writtenOff: Components;
  /** Penalty interest has been accrued up to this date (`null`: not yet). */
  readonly penaltyAccruedTo: LocalDate | null;
  /** Penalty accrued inside the grace window; charged only if still overdue after it. */
  readonly penaltyPendingMinor: number;
}

/** A mutable {@link InstallmentState} used while an engine works on its own copy. */
export interface WorkingInstallment {
  n: number;
  fromDate: LocalDate;
  dueDate: LocalDate;
  due: MutableComponents;
  paid: MutableComponents;
  waived: MutableComponents;
  writtenOff: MutableComponents;
  penaltyAccruedTo: LocalDate | null;
  penaltyPendingMinor: number;
}

/**
 * The instalments of a fresh schedule.
 *
 * @example installmentsFromSchedule(generateSchedule(spec).periods)[0].due.principal
 */
export function installmentsFromSchedule(periods: readonly SchedulePeriod[]): WorkingInstallment[] {
  return periods.map((p) => ({
    n: p.n,
    fromDate: p.fromDate,
    dueDate: p.dueDate,
    due: { principal: p.principalMinor, interest: p.interestMinor, fee: p.feesMinor, penalty: 0 },
    paid: zeroComponents(),
    waived: zeroComponents(),
    writtenOff: zeroComponents(),
    penaltyAccruedTo: null,
    penaltyPendingMinor: 0,
  }));
}

/**
 * A deep, mutable copy of instalments (engines never mutate their inputs).
 *
 * @example const work = copyInstallments(state.installments);
 */
export function copyInstallments(list: readonly InstallmentState[]): WorkingInstallment[] {
  return list.map((i) => ({
    ...i,
    due: { ...i.due },
    paid: { ...i.paid },
    waived: { ...i.waived },
    writtenOff: { ...i.writtenOff },
  }));
}

/**
 * Outstanding amount of one component of an instalment.
 *
 * @example outstanding(installment, 'interest') // 4083
 */
export function outstanding(i: InstallmentState, c: Component): number {
  return i.due[c] - i.paid[c] - i.waived[c] - i.writtenOff[c];
}

/**
 * Outstanding amount of all components of an instalment.
 *
 * @example outstandingTotal(installment) // 855617
 */
export function outstandingTotal(i: InstallmentState): number {
  let sum = 0;
  for (const c of COMPONENTS) sum += outstanding(i, c);
  return sum;
}
