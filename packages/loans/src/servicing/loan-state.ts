import { isLocalDate, type LocalDate, type RoundingMode } from '@puhui/money';
import { formatFieldErrors } from '../field-error.ts';
import { generateSchedule } from '../schedule/generate-schedule.ts';
import { type ScheduleSpec, validateScheduleSpec } from '../schedule/schedule-spec.ts';
import { type AllocationRule, allocatePayment } from './allocation.ts';
import {
  COMPONENTS,
  type Component,
  type Components,
  type MutableComponents,
  zeroComponents,
} from './components.ts';
import {
  copyInstallments,
  type InstallmentState,
  installmentsFromSchedule,
  outstanding,
  type WorkingInstallment,
} from './installment.ts';
import { type PayoffQuote, payoffQuoteOf } from './payoff.ts';
import { accruePenalties, forgivePendingPenalties, type PenaltyConfig } from './penalty.ts';

/**
 * An event that changes a loan. `id` is unique per loan (the idempotency key); `date` is the
 * business date the event takes effect (it may be earlier than events already applied).
 */
export type LoanEvent =
  | {
      readonly type: 'disburse';
      readonly id: string;
      readonly date: LocalDate;
      readonly amountMinor?: number;
    }
  | { readonly type: 'repay'; readonly id: string; readonly date: LocalDate; readonly amountMinor: number }
  | {
      readonly type: 'waive';
      readonly id: string;
      readonly date: LocalDate;
      readonly component: Exclude<Component, 'principal'>;
      /** Omitted: waive all of it. */
      readonly amountMinor?: number;
    }
  | { readonly type: 'write_off'; readonly id: string; readonly date: LocalDate }
  | { readonly type: 'reverse'; readonly id: string; readonly date: LocalDate; readonly targetId: string };

export type LoanStatus = 'approved' | 'active' | 'closed' | 'overpaid' | 'written_off';

/** Product rules the servicing engine follows. */
export interface ServicingConfig {
  readonly allocation: AllocationRule;
  readonly penalty?: PenaltyConfig | null;
}

/** The effect of one applied event. Amounts are minor units. */
export interface LoanTransaction {
  readonly eventId: string;
  readonly type: 'disburse' | 'repay' | 'waive' | 'write_off';
  readonly date: LocalDate;
  readonly amountMinor: number;
  /** Paid (repay), waived (waive), written off (write_off), or fees collected at disbursement. */
  readonly allocation: Components;
  /** On payoff: interest and fees of later periods no longer charged. */
  readonly rebate: Components;
  readonly overpaymentMinor: number;
  /** A repayment received after write-off. */
  readonly recoveryMinor: number;
  readonly installments: readonly { readonly n: number; readonly amounts: Components }[];
}

/**
 * A loan as a value: the approved terms, the product rules, the event log and everything derived
 * from replaying it. Plain JSON (no bigint, Date or class instances), so the store can persist it
 * and `JSON.parse(JSON.stringify(state))` behaves exactly like `state`.
 */
export interface LoanState {
  readonly spec: ScheduleSpec;
  readonly config: ServicingConfig;
  readonly status: LoanStatus;
  readonly disbursementDate: LocalDate | null;
  readonly disbursedMinor: number;
  readonly disbursementFeesMinor: number;
  readonly installments: readonly InstallmentState[];
  readonly overpaymentMinor: number;
  readonly recoveredMinor: number;
  /** Date of the latest effective event. */
  readonly asOf: LocalDate | null;
  /** Every accepted event in arrival order (including reversals). */
  readonly events: readonly LoanEvent[];
  /** Ids of reversed events. */
  readonly reversed: readonly string[];
  /** Effects of the effective events in processing order (date, then arrival). */
  readonly transactions: readonly LoanTransaction[];
}

export type LoanErrorCode =
  | 'invalid_spec'
  | 'invalid_event'
  | 'invalid_amount'
  | 'duplicate_event_id'
  | 'not_disbursed'
  | 'already_disbursed'
  | 'before_disbursement'
  | 'already_written_off'
  | 'loan_closed'
  | 'event_not_found'
  | 'already_reversed'
  | 'cannot_reverse';

/** Outcome of a loan operation: the new state or a stable error code with a one-line message. */
export type LoanResult =
  | { readonly ok: true; readonly state: LoanState }
  | { readonly ok: false; readonly code: LoanErrorCode; readonly message: string };

interface Working {
  status: LoanStatus;
  disbursementDate: LocalDate | null;
  disbursedMinor: number;
  disbursementFeesMinor: number;
  installments: WorkingInstallment[];
  overpaymentMinor: number;
  recoveredMinor: number;
  writtenOff: boolean;
  asOf: LocalDate | null;
  transactions: LoanTransaction[];
}

function fail(code: LoanErrorCode, message: string): LoanResult {
  return { ok: false, code, message };
}

/**
 * A new, approved (not yet disbursed) loan; fails with `invalid_spec` when the spec is invalid.
 *
 * @example createLoan(spec, { allocation: ALLOCATION_RULES.mifos_standard })
 */
export function createLoan(spec: ScheduleSpec, config: ServicingConfig): LoanResult {
  const errors = validateScheduleSpec(spec);
  if (errors.length > 0) return fail('invalid_spec', formatFieldErrors(errors));
  return {
    ok: true,
    state: {
      spec,
      config,
      status: 'approved',
      disbursementDate: null,
      disbursedMinor: 0,
      disbursementFeesMinor: 0,
      installments: [],
      overpaymentMinor: 0,
      recoveredMinor: 0,
      asOf: null,
      events: [],
      reversed: [],
      transactions: [],
    },
  };
}

function working(state: LoanState): Working {
  return {
    status: state.status,
    disbursementDate: state.disbursementDate,
    disbursedMinor: state.disbursedMinor,
    disbursementFeesMinor: state.disbursementFeesMinor,
    installments: copyInstallments(state.installments),
    overpaymentMinor: state.overpaymentMinor,
    recoveredMinor: state.recoveredMinor,
    writtenOff: state.status === 'written_off',
    asOf: state.asOf,
    transactions: [...state.transactions],
  };
}

function emptyWorking(): Working {
  return {
    status: 'approved',
    disbursementDate: null,
    disbursedMinor: 0,
    disbursementFeesMinor: 0,
    installments: [],
    overpaymentMinor: 0,
    recoveredMinor: 0,
    writtenOff: false,
    asOf: null,
    transactions: [],
  };
}

function statusOf(w: Working): LoanStatus {
  if (w.disbursementDate === null) return 'approved';
  if (w.writtenOff) return 'written_off';
  for (const i of w.installments) for (const c of COMPONENTS) if (outstanding(i, c) > 0) return 'active';
  return w.overpaymentMinor > 0 ? 'overpaid' : 'closed';
}

function rows(map: Map<number, MutableComponents>): { n: number; amounts: Components }[] {
  return [...map.entries()].sort((a, b) => a[0] - b[0]).map(([n, amounts]) => ({ n, amounts }));
}

function transaction(
  event: LoanEvent,
  amountMinor: number,
  allocation: Components,
  extra: Partial<
    Pick<LoanTransaction, 'rebate' | 'overpaymentMinor' | 'recoveryMinor' | 'installments'>
  > = {},
): LoanTransaction {
  return {
    eventId: event.id,
    type: event.type as LoanTransaction['type'],
    date: event.date,
    amountMinor,
    allocation,
    rebate: extra.rebate ?? zeroComponents(),
    overpaymentMinor: extra.overpaymentMinor ?? 0,
    recoveryMinor: extra.recoveryMinor ?? 0,
    installments: extra.installments ?? [],
  };
}

/** Pays off everything per the quote; later interest and fees are rebated (no longer charged). */
function settle(w: Working, quote: PayoffQuote, event: LoanEvent, amount: number): LoanTransaction {
  const allocation = zeroComponents();
  const rebate = zeroComponents();
  const perInstallment = new Map<number, MutableComponents>();
  const pay = new Map(quote.installments.map((r) => [r.n, r.pay]));
  for (const i of w.installments) {
    const p = pay.get(i.n) ?? zeroComponents();
    for (const c of COMPONENTS) {
      const left = outstanding(i, c) - p[c];
      if (left > 0) {
        i.due[c] -= left;
        rebate[c] += left;
      }
      if (p[c] > 0) {
        i.paid[c] += p[c];
        allocation[c] += p[c];
      }
    }
    if (p.principal + p.interest + p.fee + p.penalty > 0) perInstallment.set(i.n, p);
  }
  const overpayment = amount - quote.totalMinor;
  w.overpaymentMinor += overpayment;
  return transaction(event, amount, allocation, {
    rebate,
    overpaymentMinor: overpayment,
    installments: rows(perInstallment),
  });
}

/** Applies one effective event to the working state, in date order. */
function applyEffective(w: Working, event: LoanEvent, spec: ScheduleSpec, config: ServicingConfig): void {
  const mode: RoundingMode = spec.rounding ?? 'half_even';
  if (event.type !== 'disburse') accruePenalties(w.installments, event.date, config.penalty, mode);
  switch (event.type) {
    case 'disburse': {
      const principalMinor = event.amountMinor ?? spec.principalMinor;
      const firstDueDate =
        spec.firstDueDate !== undefined && spec.firstDueDate > event.date ? spec.firstDueDate : undefined;
      const schedule = generateSchedule({
        ...spec,
        principalMinor,
        disbursementDate: event.date,
        firstDueDate,
      });
      w.disbursementDate = event.date;
      w.disbursedMinor = principalMinor;
      w.disbursementFeesMinor = schedule.disbursementFeesMinor;
      w.installments = installmentsFromSchedule(schedule.periods);
      const allocation = zeroComponents();
      allocation.fee = schedule.disbursementFeesMinor;
      w.transactions.push(transaction(event, principalMinor, allocation));
      break;
    }
    case 'repay': {
      if (w.writtenOff) {
        w.recoveredMinor += event.amountMinor;
        w.transactions.push(
          transaction(event, event.amountMinor, zeroComponents(), { recoveryMinor: event.amountMinor }),
        );
        break;
      }
      const quote = payoffQuoteOf(w.installments, event.date, mode);
      if (quote.totalMinor > 0 && event.amountMinor >= quote.totalMinor) {
        w.transactions.push(settle(w, quote, event, event.amountMinor));
      } else {
        const result = allocatePayment(w.installments, event.date, event.amountMinor, config.allocation);
        w.overpaymentMinor += result.overpaymentMinor;
        w.transactions.push(
          transaction(event, event.amountMinor, result.allocated, {
            overpaymentMinor: result.overpaymentMinor,
            installments: result.installments.map((r) => ({ n: r.n, amounts: r.paid })),
          }),
        );
      }
      forgivePendingPenalties(w.installments, config.penalty);
      break;
    }
    case 'waive': {
      let left = event.amountMinor ?? Number.POSITIVE_INFINITY;
      const c = event.component;
      const allocation = zeroComponents();
      const perInstallment = new Map<number, MutableComponents>();
      for (const i of w.installments) {
        const amount = Math.min(left, outstanding(i, c));
        if (amount <= 0) continue;
        i.waived[c] += amount;
        left -= amount;
        allocation[c] += amount;
        const row = zeroComponents();
        row[c] = amount;
        perInstallment.set(i.n, row);
      }
      w.transactions.push(
        transaction(event, allocation[c], allocation, { installments: rows(perInstallment) }),
      );
      break;
    }
    case 'write_off': {
      const allocation = zeroComponents();
      const perInstallment = new Map<number, MutableComponents>();
      for (const i of w.installments) {
        const row = zeroComponents();
        for (const c of COMPONENTS) {
          const amount = outstanding(i, c);
          if (amount <= 0) continue;
          i.writtenOff[c] += amount;
          allocation[c] += amount;
          row[c] = amount;
        }
        if (row.principal + row.interest + row.fee + row.penalty > 0) perInstallment.set(i.n, row);
      }
      const total = allocation.principal + allocation.interest + allocation.fee + allocation.penalty;
      // After a back-dated payment has closed the loan, a later write-off has nothing to act on.
      if (total > 0) w.writtenOff = true;
      w.transactions.push(transaction(event, total, allocation, { installments: rows(perInstallment) }));
      break;
    }
    case 'reverse':
      break;
  }
  if (w.asOf === null || event.date > w.asOf) w.asOf = event.date;
  w.status = statusOf(w);
}

function freeze(
  w: Working,
  state: LoanState,
  events: readonly LoanEvent[],
  reversed: readonly string[],
): LoanState {
  return {
    spec: state.spec,
    config: state.config,
    status: w.status,
    disbursementDate: w.disbursementDate,
    disbursedMinor: w.disbursedMinor,
    disbursementFeesMinor: w.disbursementFeesMinor,
    installments: w.installments,
    overpaymentMinor: w.overpaymentMinor,
    recoveredMinor: w.recoveredMinor,
    asOf: w.asOf,
    events,
    reversed,
    transactions: w.transactions,
  };
}

/** The effective events (not reversals, not reversed) in processing order: date, then arrival. */
function effectiveEvents(events: readonly LoanEvent[], reversed: readonly string[]): LoanEvent[] {
  const gone = new Set(reversed);
  return events
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.type !== 'reverse' && !gone.has(e.id))
    .sort((a, b) => (a.e.date === b.e.date ? a.index - b.index : a.e.date < b.e.date ? -1 : 1))
    .map(({ e }) => e);
}

function rebuild(state: LoanState, events: readonly LoanEvent[], reversed: readonly string[]): LoanState {
  const w = emptyWorking();
  for (const e of effectiveEvents(events, reversed)) applyEffective(w, e, state.spec, state.config);
  return freeze(w, state, events, reversed);
}

function isPositiveAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function check(state: LoanState, event: LoanEvent): LoanResult | undefined {
  if (typeof event !== 'object' || event === null || typeof event.id !== 'string' || event.id === '') {
    return fail('invalid_event', 'an event needs a non-empty string id');
  }
  if (!isLocalDate(event.date)) return fail('invalid_event', `event ${event.id}: date must be YYYY-MM-DD`);
  if (state.events.some((e) => e.id === event.id))
    return fail('duplicate_event_id', `event ${event.id} was already applied`);
  const disbursed = state.disbursementDate !== null;
  switch (event.type) {
    case 'disburse':
      if (disbursed) return fail('already_disbursed', 'the loan is already disbursed');
      if (event.amountMinor !== undefined && !isPositiveAmount(event.amountMinor)) {
        return fail('invalid_amount', 'disbursement amount must be a positive whole number of minor units');
      }
      return undefined;
    case 'repay':
    case 'waive':
    case 'write_off':
      if (!disbursed)
        return fail('not_disbursed', `cannot ${event.type.replace('_', ' ')} a loan that is not disbursed`);
      if (event.date < (state.disbursementDate as LocalDate)) {
        return fail('before_disbursement', `event ${event.id} is dated before the disbursement`);
      }
      if (event.type === 'repay' && !isPositiveAmount(event.amountMinor)) {
        return fail('invalid_amount', 'repayment amount must be a positive whole number of minor units');
      }
      if (event.type === 'waive') {
        if (!['interest', 'fee', 'penalty'].includes(event.component)) {
          return fail('invalid_event', 'waive component must be interest, fee or penalty');
        }
        if (event.amountMinor !== undefined && !isPositiveAmount(event.amountMinor)) {
          return fail('invalid_amount', 'waived amount must be a positive whole number of minor units');
        }
      }
      if (event.type === 'write_off') {
        if (state.status === 'written_off')
          return fail('already_written_off', 'the loan is already written off');
        if (state.status === 'closed' || state.status === 'overpaid')
          return fail('loan_closed', 'the loan is repaid');
      }
      return undefined;
    case 'reverse': {
      const target = state.events.find((e) => e.id === event.targetId);
      if (!target) return fail('event_not_found', `no event ${event.targetId}`);
      if (target.type === 'reverse') return fail('cannot_reverse', 'a reversal cannot be reversed');
      if (state.reversed.includes(target.id))
        return fail('already_reversed', `event ${target.id} is already reversed`);
      if (target.type === 'disburse' && effectiveEvents(state.events, state.reversed).length > 1) {
        return fail('cannot_reverse', 'reverse the later events before the disbursement');
      }
      return undefined;
    }
    default:
      return fail('invalid_event', `unknown event type ${(event as { type: unknown }).type}`);
  }
}

/**
 * Applies one event and returns the new loan state (the input is not changed). Events dated on or
 * after the latest one apply incrementally; a back-dated event or a reversal replays all effective
 * events in date order, so reversing a back-dated payment re-applies the later ones in order. Both
 * paths give the same state as {@link replayLoan} over the same log.
 *
 * @example applyLoanEvent(state, { type: 'repay', id: 'p1', date: localDate('2024-02-15'), amountMinor: 855_617 })
 */
export function applyLoanEvent(state: LoanState, event: LoanEvent): LoanResult {
  const problem = check(state, event);
  if (problem) return problem;
  const events = [...state.events, event];
  if (event.type === 'reverse')
    return { ok: true, state: rebuild(state, events, [...state.reversed, event.targetId]) };
  if (state.asOf !== null && event.date < state.asOf)
    return { ok: true, state: rebuild(state, events, state.reversed) };
  const w = working(state);
  applyEffective(w, event, state.spec, state.config);
  return { ok: true, state: freeze(w, state, events, state.reversed) };
}

/**
 * Creates a loan and applies events in order, stopping at the first rejected one.
 *
 * @example replayLoan(spec, config, [disburse, repay1, repay2])
 */
export function replayLoan(
  spec: ScheduleSpec,
  config: ServicingConfig,
  events: readonly LoanEvent[],
): LoanResult {
  let result = createLoan(spec, config);
  for (const e of events) {
    if (!result.ok) return result;
    result = applyLoanEvent(result.state, e);
  }
  return result;
}

/**
 * The payoff quote on `date` (on or after the latest event): penalties accrued to the date, all
 * outstanding principal, due interest and fees, interest of the running period pro rata.
 *
 * @example payoffQuote(state, localDate('2024-06-20')).totalMinor
 */
export function payoffQuote(state: LoanState, date: LocalDate): PayoffQuote {
  const work = copyInstallments(state.installments);
  const mode = state.spec.rounding ?? 'half_even';
  accruePenalties(work, date, state.config.penalty, mode);
  return payoffQuoteOf(work, date, mode);
}

/**
 * Outstanding amounts of a loan per component (as of its latest event).
 *
 * @example outstandingBalances(state) // { principal: 9_150_000, interest: 0, fee: 0, penalty: 0 }
 */
export function outstandingBalances(state: LoanState): Components {
  const sum = zeroComponents();
  for (const i of state.installments) for (const c of COMPONENTS) sum[c] += outstanding(i, c);
  return sum;
}
