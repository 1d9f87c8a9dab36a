import {
  accruePenalties,
  applyLoanEvent,
  arrears,
  type ClassificationThresholds,
  type Components,
  classifyLoan,
  copyInstallments,
  createLoan,
  daysPastDue,
  type InstallmentState,
  type LoanCategory,
  type LoanErrorCode,
  type LoanEvent,
  type LoanState,
  outstanding,
  type PenaltyConfig,
  payoffQuoteOf,
  type ScheduleSpec,
  type ServicingConfig,
  type WorkingInstallment,
} from '@puhui/loans';
import type { LocalDate } from '@puhui/money';

/**
 * The servicing account of one loan: the loan engine's state plus what the engine does not model
 * — ad-hoc fee and penalty charges — and the full event log, so any event can be reversed by a
 * rebuild. Plain JSON, stored in `loans.state`. Everything here is pure.
 */
export interface ServicingAccount {
  readonly engine: LoanState;
  readonly charges: readonly Charge[];
  /** Every accepted event in arrival order (including reversals). */
  readonly log: readonly AccountEvent[];
  readonly reversed: readonly string[];
  /** What each event paid, waived or wrote off on the charges (by event id). */
  readonly chargeParts: Readonly<Record<string, ChargePart>>;
}

/** A fee or penalty charged by staff (not part of the schedule). */
export interface Charge {
  readonly id: string;
  readonly date: string;
  readonly component: 'fee' | 'penalty';
  readonly amountMinor: number;
  readonly paidMinor: number;
  readonly waivedMinor: number;
  readonly writtenOffMinor: number;
}

/** Fee and penalty amounts one event settled on charges. */
export interface ChargePart {
  readonly paid: { readonly fee: number; readonly penalty: number };
  readonly waived: { readonly fee: number; readonly penalty: number };
  readonly writtenOff: { readonly fee: number; readonly penalty: number };
}

/** An event on a servicing account. `id` is unique per loan; `date` is its value date. */
export type AccountEvent =
  | { readonly type: 'disburse'; readonly id: string; readonly date: string; readonly amountMinor?: number }
  | { readonly type: 'repay'; readonly id: string; readonly date: string; readonly amountMinor: number }
  | {
      readonly type: 'charge';
      readonly id: string;
      readonly date: string;
      readonly component: 'fee' | 'penalty';
      readonly amountMinor: number;
    }
  | {
      readonly type: 'waive';
      readonly id: string;
      readonly date: string;
      readonly component: 'interest' | 'fee' | 'penalty';
      readonly amountMinor?: number;
    }
  | { readonly type: 'write_off'; readonly id: string; readonly date: string }
  | { readonly type: 'reverse'; readonly id: string; readonly date: string; readonly targetId: string };

/** Why an event was refused: the loan engine's codes plus the account's own. */
export type AccountErrorCode = LoanErrorCode | 'not_active';

export type AccountResult =
  | { readonly ok: true; readonly account: ServicingAccount }
  | { readonly ok: false; readonly code: AccountErrorCode; readonly message: string };

/**
 * What one effective event did, by component (scheduled and charged amounts together): the
 * basis of its journal entries. Recomputed after every change; an event whose effect changes
 * (a back-dated payment or reversal re-applied later ones) is re-posted.
 */
export interface Effect {
  readonly eventId: string;
  readonly type: 'disburse' | 'repay' | 'recovery' | 'charge' | 'waive' | 'write_off';
  readonly date: string;
  readonly amountMinor: number;
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feeMinor: number;
  readonly penaltyMinor: number;
  readonly overpaymentMinor: number;
  /** Fees collected out of the proceeds at disbursement. */
  readonly disbursementFeeMinor: number;
}

/** What is on the books for a loan, per component (the sub-ledger). */
export interface BookPosition {
  readonly principalMinor: number;
  readonly interestMinor: number;
  readonly feesMinor: number;
  readonly penaltiesMinor: number;
  readonly overpaymentMinor: number;
}

export const ZERO_POSITION: BookPosition = {
  principalMinor: 0,
  interestMinor: 0,
  feesMinor: 0,
  penaltiesMinor: 0,
  overpaymentMinor: 0,
};

function fail(code: AccountErrorCode, message: string): AccountResult {
  return { ok: false, code, message };
}

/**
 * A new servicing account for approved terms; fails when the loan engine refuses the spec.
 *
 * @example openAccount(spec, { allocation: ALLOCATION_RULES.mifos_standard, penalty: null })
 */
export function openAccount(spec: ScheduleSpec, config: ServicingConfig): AccountResult {
  const created = createLoan(spec, config);
  if (!created.ok) return fail(created.code, created.message);
  return {
    ok: true,
    account: { engine: created.state, charges: [], log: [], reversed: [], chargeParts: {} },
  };
}

/** What is left to pay of an ad-hoc charge. */
export function outstandingCharge(c: Charge): number {
  return c.amountMinor - c.paidMinor - c.waivedMinor - c.writtenOffMinor;
}

/**
 * The instalments as of `date` (never before the last event's date), with penalties accrued to
 * it: a working copy the snapshot, arrears and what-is-due views read.
 */
export function installmentsAt(
  acc: SnapshotAccount,
  date: string,
): { at: LocalDate; work: WorkingInstallment[] } {
  const engine = acc.engine;
  const at = (engine.asOf !== null && engine.asOf > date ? engine.asOf : date) as LocalDate;
  const work = copyInstallments(engine.installments);
  accruePenalties(work, at, engine.config.penalty, engine.spec.rounding ?? 'half_even');
  return { at, work };
}

function emptyPart(): {
  paid: { fee: number; penalty: number };
  waived: { fee: number; penalty: number };
  writtenOff: { fee: number; penalty: number };
} {
  return { paid: { fee: 0, penalty: 0 }, waived: { fee: 0, penalty: 0 }, writtenOff: { fee: 0, penalty: 0 } };
}

function engineApply(engine: LoanState, event: LoanEvent): { ok: true; state: LoanState } | AccountResult {
  const r = applyLoanEvent(engine, event);
  return r.ok ? { ok: true, state: r.state } : fail(r.code, r.message);
}

/** Applies one event that is not a reversal, in arrival order. */
function applyForward(
  acc: ServicingAccount,
  event: Exclude<AccountEvent, { type: 'reverse' }>,
): AccountResult {
  const engine = acc.engine;
  const disbursed = engine.disbursementDate !== null;
  const charges = acc.charges.map((c) => ({ ...c }));
  const part = emptyPart();
  let next: LoanState = engine;
  const date = event.date as LocalDate;
  const done = (state: LoanState): AccountResult => {
    const touched =
      part.paid.fee +
        part.paid.penalty +
        part.waived.fee +
        part.waived.penalty +
        part.writtenOff.fee +
        part.writtenOff.penalty >
      0;
    return {
      ok: true,
      account: {
        engine: state,
        charges,
        log: [...acc.log, event],
        reversed: acc.reversed,
        chargeParts: touched ? { ...acc.chargeParts, [event.id]: part } : acc.chargeParts,
      },
    };
  };
  switch (event.type) {
    case 'disburse': {
      const r = engineApply(engine, {
        type: 'disburse',
        id: event.id,
        date,
        ...(event.amountMinor ? { amountMinor: event.amountMinor } : {}),
      });
      if (!('state' in r)) return r;
      return done(r.state);
    }
    case 'repay': {
      if (!disbursed) return fail('not_disbursed', 'cannot repay a loan that is not disbursed');
      let left = event.amountMinor;
      if (engine.status !== 'written_off') {
        for (const c of charges) {
          const pay = Math.min(left, outstandingCharge(c));
          if (pay <= 0) continue;
          c.paidMinor += pay;
          part.paid[c.component] += pay;
          left -= pay;
        }
      }
      if (left > 0) {
        const r = engineApply(engine, { type: 'repay', id: event.id, date, amountMinor: left });
        if (!('state' in r)) return r;
        next = r.state;
      } else if (event.date < (engine.disbursementDate as string)) {
        return fail('before_disbursement', `event ${event.id} is dated before the disbursement`);
      }
      return done(next);
    }
    case 'charge': {
      if (engine.status !== 'active') return fail('not_active', 'charges apply to active loans only');
      if (!Number.isSafeInteger(event.amountMinor) || event.amountMinor <= 0)
        return fail('invalid_amount', 'a charge must be a positive whole number of minor units');
      charges.push({
        id: event.id,
        date: event.date,
        component: event.component,
        amountMinor: event.amountMinor,
        paidMinor: 0,
        waivedMinor: 0,
        writtenOffMinor: 0,
      });
      return done(next);
    }
    case 'waive': {
      if (!disbursed) return fail('not_disbursed', 'cannot waive on a loan that is not disbursed');
      let left = event.amountMinor ?? Number.POSITIVE_INFINITY;
      if (event.component !== 'interest') {
        for (const c of charges) {
          if (c.component !== event.component) continue;
          const w = Math.min(left, outstandingCharge(c));
          if (w <= 0) continue;
          c.waivedMinor += w;
          part.waived[c.component] += w;
          left -= w;
        }
      }
      if (left > 0) {
        const r = engineApply(engine, {
          type: 'waive',
          id: event.id,
          date,
          component: event.component,
          ...(Number.isFinite(left) ? { amountMinor: left } : {}),
        });
        if (!('state' in r)) return r;
        next = r.state;
      }
      return done(next);
    }
    case 'write_off': {
      const r = engineApply(engine, { type: 'write_off', id: event.id, date });
      if (!('state' in r)) return r;
      if (r.state.status === 'written_off') {
        for (const c of charges) {
          const w = outstandingCharge(c);
          if (w <= 0) continue;
          c.writtenOffMinor += w;
          part.writtenOff[c.component] += w;
        }
      }
      return done(r.state);
    }
  }
}

/**
 * Applies an event: forward events in arrival order; a reversal rebuilds the account from the
 * log without the reversed event, so every later event is re-applied in order.
 *
 * @example applyAccountEvent(account, { type: 'repay', id: 'ltx_1', date: '2026-04-15', amountMinor: 85_000 })
 */
export function applyAccountEvent(acc: ServicingAccount, event: AccountEvent): AccountResult {
  if (typeof event.id !== 'string' || event.id === '') return fail('invalid_event', 'an event needs an id');
  if (acc.log.some((e) => e.id === event.id))
    return fail('duplicate_event_id', `event ${event.id} was already applied`);
  if (event.type !== 'reverse') return applyForward(acc, event);
  const target = acc.log.find((e) => e.id === event.targetId);
  if (!target) return fail('event_not_found', `no transaction ${event.targetId}`);
  if (target.type === 'reverse') return fail('cannot_reverse', 'a reversal cannot be reversed');
  if (acc.reversed.includes(target.id))
    return fail('already_reversed', `transaction ${target.id} is already reversed`);
  const reversed = [...acc.reversed, target.id];
  const effective = acc.log.filter((e) => e.type !== 'reverse' && !reversed.includes(e.id));
  if (target.type === 'disburse' && effective.length > 0)
    return fail('cannot_reverse', 'reverse the later transactions before the disbursement');
  const opened = openAccount(acc.engine.spec, acc.engine.config);
  if (!opened.ok) return opened;
  let rebuilt = opened.account;
  for (const e of effective) {
    const r = applyForward(rebuilt, e as Exclude<AccountEvent, { type: 'reverse' }>);
    if (!r.ok) return fail('cannot_reverse', `after the reversal, ${e.id} no longer applies: ${r.message}`);
    rebuilt = r.account;
  }
  return {
    ok: true,
    account: {
      ...rebuilt,
      log: [...acc.log, event],
      reversed,
    },
  };
}

/**
 * The effect of every effective event, in arrival order: the loan engine's allocation of the
 * event plus what it did on charges.
 *
 * @example effectsOf(account).map((e) => e.type) // ['disburse', 'repay']
 */
export function effectsOf(acc: ServicingAccount): Effect[] {
  const engineTxns = new Map(acc.engine.transactions.map((t) => [t.eventId, t]));
  const out: Effect[] = [];
  for (const e of acc.log) {
    if (e.type === 'reverse' || acc.reversed.includes(e.id)) continue;
    const t = engineTxns.get(e.id);
    const part = acc.chargeParts[e.id];
    const extraFee = part ? part.paid.fee + part.waived.fee + part.writtenOff.fee : 0;
    const extraPenalty = part ? part.paid.penalty + part.waived.penalty + part.writtenOff.penalty : 0;
    const base = {
      eventId: e.id,
      date: e.date,
      principalMinor: t?.allocation.principal ?? 0,
      interestMinor: t?.allocation.interest ?? 0,
      feeMinor: (t?.allocation.fee ?? 0) + extraFee,
      penaltyMinor: (t?.allocation.penalty ?? 0) + extraPenalty,
      overpaymentMinor: t?.overpaymentMinor ?? 0,
      disbursementFeeMinor: 0,
    };
    switch (e.type) {
      case 'disburse':
        out.push({
          ...base,
          type: 'disburse',
          amountMinor: t?.amountMinor ?? 0,
          feeMinor: 0,
          disbursementFeeMinor: t?.allocation.fee ?? 0,
        });
        break;
      case 'repay':
        if (t && t.recoveryMinor > 0)
          out.push({
            ...base,
            type: 'recovery',
            amountMinor: t.recoveryMinor,
            principalMinor: 0,
            interestMinor: 0,
            feeMinor: extraFee,
            penaltyMinor: extraPenalty,
            overpaymentMinor: 0,
          });
        else out.push({ ...base, type: 'repay', amountMinor: e.amountMinor });
        break;
      case 'charge':
        out.push({
          ...base,
          type: 'charge',
          amountMinor: e.amountMinor,
          feeMinor: e.component === 'fee' ? e.amountMinor : 0,
          penaltyMinor: e.component === 'penalty' ? e.amountMinor : 0,
        });
        break;
      case 'waive':
        out.push({
          ...base,
          type: 'waive',
          amountMinor: base.principalMinor + base.interestMinor + base.feeMinor + base.penaltyMinor,
        });
        break;
      case 'write_off':
        out.push({
          ...base,
          type: 'write_off',
          amountMinor: base.principalMinor + base.interestMinor + base.feeMinor + base.penaltyMinor,
        });
        break;
    }
  }
  return out;
}

/**
 * The part of a servicing account a snapshot reads: the schedule as serviced, the penalty rule,
 * rounding, status and dates, overpayment and the charges. A full {@link ServicingAccount} is one;
 * end of day reads a compact copy ({@link encodeEodInput}) instead of the whole account.
 */
export interface SnapshotAccount {
  readonly engine: Pick<
    LoanState,
    'status' | 'disbursementDate' | 'asOf' | 'installments' | 'overpaymentMinor'
  > & {
    readonly spec: { readonly rounding?: LoanState['spec']['rounding'] };
    readonly config: { readonly penalty?: PenaltyConfig | null | undefined };
  };
  readonly charges: readonly Charge[];
}

/** Product rules a snapshot needs. */
export interface SnapshotRules {
  readonly basis: 'cash' | 'accrual';
  readonly thresholds: ClassificationThresholds;
  readonly staffClassification?: LoanCategory | null | undefined;
}

/** The state of a loan as of a business date: its book position and its arrears. */
export interface LoanSnapshot {
  readonly date: string;
  readonly position: BookPosition;
  /** What closing the loan on the date would cost (scheduled and charged amounts). */
  readonly payoffMinor: number;
  readonly overdueMinor: number;
  readonly dpd: number;
  readonly classification: LoanCategory;
  readonly floor: LoanCategory;
  readonly nextDueDate: string | null;
  readonly payoff: Components;
}

const ZERO_COMPONENTS: Components = { principal: 0, interest: 0, fee: 0, penalty: 0 };

/**
 * The loan as of `date` (or its latest event, if later): penalties accrued to the date, interest
 * earned pro rata, days past due, classification, and what is on the books — principal and
 * overpayment always; interest, fees and penalties only on the accrual basis, recognised as they
 * are earned (interest by day, instalment fees when due, charges when charged) or when settled
 * earlier. A written-off loan has nothing on the books.
 *
 * @example snapshotOf(account, '2026-05-01', { basis: 'accrual', thresholds: DEFAULT_CLASSIFICATION_THRESHOLDS }).dpd
 */
export function snapshotOf(acc: SnapshotAccount, date: string, rules: SnapshotRules): LoanSnapshot {
  const engine = acc.engine;
  const classify = (dpd: number) =>
    classifyLoan({
      daysPastDue: dpd,
      thresholds: rules.thresholds,
      ...(rules.staffClassification ? { staffCategory: rules.staffClassification } : {}),
    });
  if (engine.disbursementDate === null || engine.status === 'written_off') {
    const c = classify(0);
    return {
      date,
      position: ZERO_POSITION,
      payoffMinor: 0,
      overdueMinor: 0,
      dpd: 0,
      classification: engine.status === 'written_off' ? 'loss' : c.category,
      floor: c.floor,
      nextDueDate: null,
      payoff: ZERO_COMPONENTS,
    };
  }
  const mode = engine.spec.rounding ?? 'half_even';
  const { at, work } = installmentsAt(acc, date);
  const quote = payoffQuoteOf(work, at, mode);
  let chargeFee = 0;
  let chargePenalty = 0;
  for (const c of acc.charges) {
    const left = outstandingCharge(c);
    if (c.component === 'fee') chargeFee += left;
    else chargePenalty += left;
  }
  const accrual = rules.basis === 'accrual';
  const dpd = daysPastDue(work, at);
  const overdue = arrears(work, at).overdueTotalMinor + chargeFee + chargePenalty;
  let nextDueDate: string | null = null;
  for (const i of work) {
    if (i.dueDate < at) continue;
    if (
      outstanding(i, 'principal') +
        outstanding(i, 'interest') +
        outstanding(i, 'fee') +
        outstanding(i, 'penalty') <=
      0
    )
      continue;
    nextDueDate = i.dueDate;
    break;
  }
  const c = classify(dpd);
  return {
    date,
    position: {
      principalMinor: quote.principalMinor,
      interestMinor: accrual ? quote.interestMinor : 0,
      feesMinor: accrual ? quote.feesMinor + chargeFee : 0,
      penaltiesMinor: accrual ? quote.penaltiesMinor + chargePenalty : 0,
      overpaymentMinor: engine.overpaymentMinor,
    },
    payoffMinor: quote.totalMinor + chargeFee + chargePenalty,
    overdueMinor: overdue,
    dpd,
    classification: c.category,
    floor: c.floor,
    nextDueDate,
    payoff: {
      principal: quote.principalMinor,
      interest: quote.interestMinor,
      fee: quote.feesMinor + chargeFee,
      penalty: quote.penaltiesMinor + chargePenalty,
    },
  };
}

/** `[n, fromDate, dueDate, due×4, paid×4, waived×4, writtenOff×4, penaltyPending, penaltyAccruedTo?]` */
type EncodedInstallment = Array<string | number>;

const PARTS = ['due', 'paid', 'waived', 'writtenOff'] as const;
const COMPONENT_KEYS = ['principal', 'interest', 'fee', 'penalty'] as const;

/**
 * The compact end-of-day input of an account: exactly what {@link snapshotOf} reads (instalments
 * as arrays, charges still outstanding), about a fifth of the account's JSON. Stored beside the
 * account whenever it changes, so end of day never parses the event log.
 *
 * @example snapshotOf(decodeEodInput(encodeEodInput(account)), date, rules) // same as snapshotOf(account, …)
 */
export function encodeEodInput(acc: SnapshotAccount): string {
  const e = acc.engine;
  return JSON.stringify({
    s: e.status,
    d: e.disbursementDate,
    a: e.asOf,
    o: e.overpaymentMinor,
    r: e.spec.rounding ?? null,
    p: e.config.penalty ?? null,
    i: e.installments.map((i): EncodedInstallment => {
      const row: EncodedInstallment = [i.n, i.fromDate, i.dueDate];
      for (const part of PARTS) for (const c of COMPONENT_KEYS) row.push(i[part][c]);
      row.push(i.penaltyPendingMinor);
      if (i.penaltyAccruedTo !== null) row.push(i.penaltyAccruedTo);
      return row;
    }),
    c: acc.charges.filter((c) => outstandingCharge(c) > 0),
  });
}

/** Reads {@link encodeEodInput}'s text back as an account {@link snapshotOf} accepts. */
export function decodeEodInput(text: string): SnapshotAccount {
  const raw = JSON.parse(text) as {
    s: LoanState['status'];
    d: LocalDate | null;
    a: LocalDate | null;
    o: number;
    r: LoanState['spec']['rounding'] | null;
    p: PenaltyConfig | null;
    i: EncodedInstallment[];
    c: Charge[];
  };
  const installments: InstallmentState[] = raw.i.map((text) => {
    const r = text as number[];
    return {
      n: r[0] as number,
      fromDate: text[1] as LocalDate,
      dueDate: text[2] as LocalDate,
      due: {
        principal: r[3] as number,
        interest: r[4] as number,
        fee: r[5] as number,
        penalty: r[6] as number,
      },
      paid: {
        principal: r[7] as number,
        interest: r[8] as number,
        fee: r[9] as number,
        penalty: r[10] as number,
      },
      waived: {
        principal: r[11] as number,
        interest: r[12] as number,
        fee: r[13] as number,
        penalty: r[14] as number,
      },
      writtenOff: {
        principal: r[15] as number,
        interest: r[16] as number,
        fee: r[17] as number,
        penalty: r[18] as number,
      },
      penaltyPendingMinor: r[19] as number,
      penaltyAccruedTo: (text[20] as LocalDate | undefined) ?? null,
    };
  });
  return {
    engine: {
      status: raw.s,
      disbursementDate: raw.d,
      asOf: raw.a,
      overpaymentMinor: raw.o,
      installments,
      spec: raw.r === null ? {} : { rounding: raw.r },
      config: { penalty: raw.p },
    },
    charges: raw.c,
  };
}
