import { addDays } from '@puhui/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CNY, d } from '../test-support.ts';
import { type AdvancePayment, ALLOCATION_RULES, type AllocationRule } from './allocation.ts';
import { COMPONENTS, componentsTotal } from './components.ts';
import { outstanding } from './installment.ts';
import {
  applyLoanEvent,
  type LoanEvent,
  type LoanState,
  replayLoan,
  type ServicingConfig,
} from './loan-state.ts';

const spec = {
  principalMinor: 1_200_000,
  currency: CNY,
  annualRate: '0.18',
  repayments: 6,
  disbursementDate: d('2024-01-31'),
} as const;

interface ConfigCase {
  rule: AllocationRule;
  advancePayment: AdvancePayment;
  penalty: boolean;
}

const configArb: fc.Arbitrary<ConfigCase> = fc.record({
  rule: fc.constantFrom<AllocationRule>(...Object.values(ALLOCATION_RULES)),
  advancePayment: fc.constantFrom<AdvancePayment>('reduce_next', 'reduce_last', 'reamortize'),
  penalty: fc.boolean(),
});

const disburse: LoanEvent = { type: 'disburse', id: 'd', date: d('2024-01-31') };

/** Random later events with distinct dates: repayments, waivers and sometimes a write-off. */
const eventsArb = fc
  .uniqueArray(
    fc.record({
      day: fc.integer({ min: 0, max: 300 }),
      kind: fc.constantFrom('repay', 'repay', 'repay', 'waive', 'write_off'),
      amount: fc.integer({ min: 1, max: 600_000 }),
    }),
    { selector: (e) => e.day, minLength: 1, maxLength: 12 },
  )
  .map((list) =>
    list.map((e, k): LoanEvent => {
      const date = addDays(d('2024-01-31'), e.day);
      if (e.kind === 'waive')
        return { type: 'waive', id: `e${k}`, date, component: 'interest', amountMinor: e.amount };
      if (e.kind === 'write_off') return { type: 'write_off', id: `e${k}`, date };
      return { type: 'repay', id: `e${k}`, date, amountMinor: e.amount };
    }),
  );

function cfg(c: ConfigCase): ServicingConfig {
  return {
    allocation: { ...c.rule, advancePayment: c.advancePayment },
    penalty: c.penalty
      ? { annualRate: '0.24', graceDays: 5, base: 'principal_interest', daysInYear: 360 }
      : null,
  };
}

/** Applies events in the given arrival order, skipping rejected ones (e.g. a second write-off). */
function applyAll(config: ServicingConfig, events: LoanEvent[]): LoanState {
  return applyCounting(config, events).state;
}

function applyCounting(config: ServicingConfig, events: LoanEvent[]): { state: LoanState; accepted: number } {
  let r = replayLoan(spec, config, [disburse]);
  if (!r.ok) throw new Error(r.message);
  let accepted = 0;
  for (const e of events) {
    const next = applyLoanEvent(r.state, e);
    if (next.ok) {
      r = next;
      accepted++;
    }
  }
  return { state: r.state, accepted };
}

function derived(s: LoanState) {
  return {
    status: s.status,
    installments: s.installments,
    overpaymentMinor: s.overpaymentMinor,
    recoveredMinor: s.recoveredMinor,
    transactions: s.transactions,
  };
}

describe('loan state invariants', () => {
  it('arrival order does not matter: back-dated events replay to the same state as in-order ones', () => {
    const casesArb = eventsArb.chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      ),
    );
    fc.assert(
      fc.property(configArb, casesArb, (c, [events, shuffled]) => {
        const config = cfg(c);
        const sorted = [...events].sort((a, b) => (a.date < b.date ? -1 : 1));
        const inOrder = applyCounting(config, sorted);
        const outOfOrder = applyCounting(config, shuffled);
        // Acceptance is decided against the state at arrival (a write-off of a loan that is already
        // repaid is refused); when every event is accepted both ways the states must be equal.
        if (inOrder.accepted === events.length && outOfOrder.accepted === events.length) {
          expect(derived(outOfOrder.state)).toEqual(derived(inOrder.state));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('conserves money: paid + overpaid + recovered = repaid; outstanding never negative', () => {
    fc.assert(
      fc.property(configArb, eventsArb, (c, events) => {
        const s = applyAll(cfg(c), events);
        let repaid = 0;
        for (const t of s.transactions) {
          if (t.type !== 'repay') continue;
          repaid += t.amountMinor;
          expect(componentsTotal(t.allocation) + t.overpaymentMinor + t.recoveryMinor).toBe(t.amountMinor);
        }
        const paid = s.installments.reduce((sum, i) => sum + componentsTotal(i.paid), 0);
        expect(paid + s.overpaymentMinor + s.recoveredMinor).toBe(repaid);
        for (const i of s.installments)
          for (const k of COMPONENTS) expect(outstanding(i, k)).toBeGreaterThanOrEqual(0);
        const principalPaid = s.installments.reduce(
          (sum, i) => sum + i.paid.principal + i.writtenOff.principal,
          0,
        );
        expect(principalPaid).toBeLessThanOrEqual(spec.principalMinor);
      }),
      { numRuns: 150 },
    );
  });

  it('reversing every payment restores the just-disbursed loan', () => {
    fc.assert(
      fc.property(configArb, eventsArb, (c, events) => {
        const config = cfg(c);
        let s = applyAll(config, events);
        for (const e of s.events) {
          if (e.type === 'disburse' || e.type === 'reverse') continue;
          const r = applyLoanEvent(s, {
            type: 'reverse',
            id: `r-${e.id}`,
            date: d('2025-01-01'),
            targetId: e.id,
          });
          if (r.ok) s = r.state;
        }
        const fresh = replayLoan(spec, config, [disburse]);
        expect(fresh.ok && derived(s)).toEqual(fresh.ok && derived(fresh.state));
      }),
      { numRuns: 80 },
    );
  });

  it('survives a JSON round trip at every step', () => {
    fc.assert(
      fc.property(configArb, eventsArb, (c, events) => {
        const config = cfg(c);
        const direct = applyAll(config, events);
        let r = replayLoan(spec, config, [disburse]);
        if (!r.ok) return;
        let s = r.state;
        for (const e of events) {
          const next = applyLoanEvent(JSON.parse(JSON.stringify(s)) as LoanState, e);
          if (next.ok) s = next.state;
        }
        expect(JSON.parse(JSON.stringify(s))).toEqual(JSON.parse(JSON.stringify(direct)));
        r = { ok: true, state: s };
      }),
      { numRuns: 60 },
    );
  });
});
