import { AppError } from '@puhui/core';
import {
  type Basis,
  type Chart,
  type JournalEntry,
  type LedgerTransaction,
  post,
  reverseEntry,
  validateEntry,
} from '@puhui/ledger';
import type { BookPosition, Effect } from './account.ts';

/** Where the money of an event went or came from. */
export type Funds =
  | { readonly kind: 'channel'; readonly channel: string }
  | { readonly kind: 'merchant'; readonly merchant: string };

/** What was posted for an event last time: its effect and the ids of its journal entries. */
export interface PostedEffect {
  readonly effect: Effect;
  readonly entryIds: readonly string[];
}

/** Everything {@link planPostings} needs; pure data plus an id source. */
export interface PostingInput {
  readonly loanId: string;
  readonly currency: string;
  readonly basis: Basis;
  readonly chart: Chart;
  readonly businessDate: string;
  /** Previously posted effects by event id. */
  readonly previous: ReadonlyMap<string, PostedEffect>;
  /** The stored entries of previous effects that may need reversing, by entry id. */
  readonly previousEntries: ReadonlyMap<string, JournalEntry>;
  /** The effects after the change, in arrival order. */
  readonly effects: readonly Effect[];
  /** The money account of each event. */
  readonly fundsOf: (eventId: string) => Funds;
  /** What is on the books now (the loan's sub-ledger columns). */
  readonly booked: BookPosition;
  /** What must be on the books afterwards. */
  readonly target: BookPosition;
  /** How much of a write-off of `amount` the loss allowance covers, and its classification. */
  readonly writeOff: (amountMinor: number) => { classification: string; fromAllowanceMinor: number };
  readonly newId: () => string;
  /** Journal memo prefix (e.g. `EOD 2026-03-02`). */
  readonly memo?: string;
}

/** The plan: entries in posting order, and what is now posted per event. */
export interface PostingPlan {
  readonly entries: JournalEntry[];
  /** Events whose effect is (re)posted, with their new entry ids. */
  readonly posted: Map<string, PostedEffect>;
  /** Events that no longer take effect (reversed), whose entries were reversed. */
  readonly withdrawn: string[];
}

type Comp = 'principalMinor' | 'interestMinor' | 'feesMinor' | 'penaltiesMinor' | 'overpaymentMinor';

function unwrap(result: ReturnType<typeof post>, what: string): JournalEntry | null {
  if (result.ok) return result.value;
  throw new AppError(
    'internal_error',
    `posting ${what} failed: ${result.errors.map((e) => e.message).join('; ')}`,
  );
}

function sameEffect(a: Effect, b: Effect): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Plans the journal entries of a change to a loan, so that afterwards the general ledger's
 * control accounts for the loan equal `target` exactly:
 *
 * 1. effects that disappeared or changed (a reversal, or a back-dated event that re-applied later
 *    ones) have their earlier entries reversed; new and changed effects are posted by the ledger's
 *    rules (disbursement, repayment by component, recovery, waiver, write-off);
 * 2. interest, fees and penalties are then brought to the target by accrual and charge entries
 *    (accrual basis): positive adjustments are posted first — accrue before you settle — and
 *    negative ones (income no longer earned) last;
 * 3. principal and overpayment must agree without adjustment, or the change is refused.
 *
 * With no effect changes this is exactly end of day's accrual.
 *
 * @example const plan = planPostings({ …, effects: effectsOf(account), target: snapshot.position });
 */
export function planPostings(input: PostingInput): PostingPlan {
  const { chart, basis, currency, loanId, businessDate } = input;
  const code = (role: Parameters<Chart['byRole']['get']>[0]) => chart.byRole.get(role)?.code as string;
  const control: ReadonlyArray<readonly [string, Comp, 1 | -1]> = [
    [code('loanPrincipal'), 'principalMinor', 1],
    [code('interestReceivable'), 'interestMinor', 1],
    [code('feeReceivable'), 'feesMinor', 1],
    [code('penaltyReceivable'), 'penaltiesMinor', 1],
    [code('overpayments'), 'overpaymentMinor', -1],
  ];
  const running: Record<Comp, number> = { ...input.booked };
  const apply = (entry: JournalEntry) => {
    for (const line of entry.lines) {
      const c = line.account.split(':')[0];
      for (const [acct, comp, sign] of control) {
        if (acct !== c) continue;
        running[comp] += (line.side === 'debit' ? 1 : -1) * sign * line.amountMinor;
      }
    }
  };
  const body: JournalEntry[] = [];
  const posted = new Map<string, PostedEffect>();
  const withdrawn: string[] = [];
  const header = (eventId: string, date: string) => ({
    id: input.newId(),
    txnRef: eventId,
    businessDate,
    valueDate: date <= businessDate ? date : businessDate,
    currency,
    loanId,
  });
  const push = (entry: JournalEntry | null, ids: string[]) => {
    if (!entry) return;
    body.push(entry);
    ids.push(entry.id);
    apply(entry);
  };

  const current = new Set(input.effects.map((e) => e.eventId));
  // 1a. Reverse what no longer holds.
  const reverseAll = (eventId: string, prev: PostedEffect) => {
    for (const id of prev.entryIds) {
      const original = input.previousEntries.get(id);
      if (!original) throw new AppError('internal_error', `journal entry ${id} of ${eventId} not found`);
      const r = reverseEntry(original, {
        id: input.newId(),
        businessDate,
        memo: `Reversal of ${original.id} (${eventId})`,
      });
      body.push(r);
      apply(r);
    }
  };
  for (const [eventId, prev] of input.previous) {
    if (!current.has(eventId)) {
      reverseAll(eventId, prev);
      withdrawn.push(eventId);
    }
  }
  // 1b. Post new and changed effects in arrival order.
  for (const effect of input.effects) {
    const prev = input.previous.get(effect.eventId);
    if (prev && sameEffect(prev.effect, effect)) continue;
    if (prev) reverseAll(effect.eventId, prev);
    const ids: string[] = [];
    const funds = input.fundsOf(effect.eventId);
    const channelFunds =
      funds.kind === 'channel'
        ? ({ kind: 'channel', channel: funds.channel } as const)
        : ({ kind: 'channel', channel: 'bank' } as const);
    const h = () => header(effect.eventId, effect.date);
    switch (effect.type) {
      case 'disburse': {
        const to =
          funds.kind === 'merchant'
            ? ({ kind: 'merchant', merchant: funds.merchant } as const)
            : channelFunds;
        push(
          unwrap(
            post({ type: 'disbursement', ...h(), to, amountMinor: effect.amountMinor }, basis, chart),
            'disbursement',
          ),
          ids,
        );
        if (effect.disbursementFeeMinor > 0) {
          // Fees kept out of the proceeds: collected from the borrower at once.
          const fee: LedgerTransaction = {
            type: 'repayment',
            ...h(),
            from: channelFunds,
            feesMinor: effect.disbursementFeeMinor,
            memo: 'Fees collected at disbursement',
          };
          push(unwrap(post(fee, basis, chart), 'disbursement fee'), ids);
        }
        break;
      }
      case 'repay':
        push(
          unwrap(
            post(
              {
                type: 'repayment',
                ...h(),
                from: channelFunds,
                principalMinor: effect.principalMinor,
                interestMinor: effect.interestMinor,
                feesMinor: effect.feeMinor,
                penaltiesMinor: effect.penaltyMinor,
                overpaymentMinor: effect.overpaymentMinor,
              },
              basis,
              chart,
            ),
            'repayment',
          ),
          ids,
        );
        break;
      case 'recovery':
        push(
          unwrap(
            post(
              { type: 'recovery', ...h(), from: channelFunds, amountMinor: effect.amountMinor },
              basis,
              chart,
            ),
            'recovery',
          ),
          ids,
        );
        break;
      case 'charge':
        // Charges reach the books through the receivable adjustment below (accrual basis).
        break;
      case 'waive':
        if (effect.amountMinor > 0)
          push(
            unwrap(
              post(
                {
                  type: 'waiver',
                  ...h(),
                  principalMinor: effect.principalMinor,
                  interestMinor: effect.interestMinor,
                  feesMinor: effect.feeMinor,
                  penaltiesMinor: effect.penaltyMinor,
                },
                basis,
                chart,
              ),
              'waiver',
            ),
            ids,
          );
        break;
      case 'write_off': {
        // Only what is on the books leaves them; unearned interest was never recognised.
        const accrual = basis === 'accrual';
        const principal = Math.min(effect.principalMinor, Math.max(0, running.principalMinor));
        const interest = accrual ? Math.min(effect.interestMinor, Math.max(0, running.interestMinor)) : 0;
        const fees = accrual ? Math.min(effect.feeMinor, Math.max(0, running.feesMinor)) : 0;
        const penalties = accrual ? Math.min(effect.penaltyMinor, Math.max(0, running.penaltiesMinor)) : 0;
        const total = principal + interest + fees + penalties;
        if (total > 0) {
          const { classification, fromAllowanceMinor } = input.writeOff(total);
          push(
            unwrap(
              post(
                {
                  type: 'write_off',
                  ...h(),
                  classification,
                  fromAllowanceMinor: Math.min(total, fromAllowanceMinor),
                  principalMinor: principal,
                  interestMinor: interest,
                  feesMinor: fees,
                  penaltiesMinor: penalties,
                },
                basis,
                chart,
              ),
              'write-off',
            ),
            ids,
          );
        }
        break;
      }
    }
    posted.set(effect.eventId, { effect, entryIds: ids });
  }

  // 2. Bring receivables to the target.
  const before: JournalEntry[] = [];
  const after: JournalEntry[] = [];
  const adjust = (comp: Comp, type: 'interest_accrual' | 'fee_charge' | 'penalty_charge') => {
    const delta = input.target[comp] - running[comp];
    if (delta === 0) return;
    if (basis === 'cash')
      throw new AppError('internal_error', `cash-basis loan ${loanId} has ${comp} on the books`);
    const entry = unwrap(
      post(
        {
          type,
          id: input.newId(),
          txnRef: input.memo ? `eod:${businessDate}` : `adj:${loanId}`,
          businessDate,
          currency,
          loanId,
          amountMinor: Math.abs(delta),
          ...(input.memo ? { memo: `${input.memo}: ${type.replace('_', ' ')}` } : {}),
        },
        basis,
        chart,
      ),
      type,
    ) as JournalEntry;
    if (delta > 0) before.push(entry);
    else
      after.push({
        ...entry,
        memo: `Reversal of ${type.replace('_', ' ')} no longer earned`,
        lines: entry.lines.map((l) => ({ ...l, side: l.side === 'debit' ? 'credit' : 'debit' })),
      });
    running[comp] += delta;
  };
  adjust('interestMinor', 'interest_accrual');
  adjust('feesMinor', 'fee_charge');
  adjust('penaltiesMinor', 'penalty_charge');

  // 3. Principal and overpayment follow from the transactions alone.
  for (const comp of ['principalMinor', 'overpaymentMinor'] as const) {
    if (running[comp] !== input.target[comp])
      throw new AppError(
        'internal_error',
        `loan ${loanId}: ${comp} would be ${running[comp]} on the books but the loan says ${input.target[comp]}`,
      );
  }
  const entries = [...before, ...body, ...after];
  // `post` already ran the ledger's validator on what it built; check the hand-made mirrors too.
  for (const e of [...body.filter((x) => x.txnType === 'reversal'), ...after]) {
    const v = validateEntry(e, chart);
    if (!v.ok)
      throw new AppError(
        'internal_error',
        `invalid journal entry ${e.id}: ${v.errors.map((x) => x.message).join('; ')}`,
      );
  }
  return { entries, posted, withdrawn };
}
