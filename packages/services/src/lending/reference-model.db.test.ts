import { AppError } from '@puhui/core';
import { accountTotalsOf, type Store } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../context.ts';
import { endOfDay } from './eod.ts';
import {
  chargeLoan,
  type LoanOperationResult,
  payoffLoan,
  recoverLoan,
  repayLoan,
  reverseTransaction,
  writeOffLoan,
} from './loans.ts';
import { activeLoan, activeProduct, STAFF, testContext } from './test-support.ts';

/**
 * A reference model in the TigerBeetle style: a deliberately simple in-memory model of the money
 * that moves (cash per channel, payables to merchants, recoveries, loan statuses, which
 * transactions stand) replays the same random workload beside the real services. Every reply —
 * accepted or refused, type and amount — and every balance the model knows must agree.
 */
interface ModelTxn {
  readonly kind: 'repayment' | 'recovery' | 'payoff';
  readonly amount: number;
  readonly channel: string;
  reversed: boolean;
}
interface ModelLoan {
  readonly id: string;
  status: string;
  readonly txns: Map<string, ModelTxn>;
  /** Ids of money transactions in order (reversal candidates). */
  readonly order: string[];
  writtenOff: boolean;
}

type Step =
  | { kind: 'repay'; loan: number; amount: number; channel: 'alipay' | 'wechat' }
  | { kind: 'payoff'; loan: number }
  | { kind: 'charge'; loan: number; amount: number }
  | { kind: 'write_off'; loan: number }
  | { kind: 'recover'; loan: number; amount: number }
  | { kind: 'reverse_last'; loan: number }
  | { kind: 'eod'; days: number };

const loan = fc.integer({ min: 0, max: 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('repay' as const),
      loan,
      amount: fc.integer({ min: 100, max: 300_000 }),
      channel: fc.constantFrom('alipay' as const, 'wechat' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('payoff' as const), loan }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('charge' as const),
      loan,
      amount: fc.integer({ min: 1, max: 3_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('write_off' as const), loan }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('recover' as const),
      loan,
      amount: fc.integer({ min: 1, max: 30_000 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse_last' as const), loan }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('eod' as const), days: fc.integer({ min: 1, max: 20 }) }),
  },
);

describeEachDatabase('servicing against a reference model', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeAll(async () => {
    store = await db.open();
    ctx = testContext(store, '2026-01-05T02:00:00.000Z');
    await activeProduct(ctx, 'REF', {});
  });
  afterAll(async () => db.dispose(store));

  it('agrees with the model on every reply and balance', { timeout: 600_000 }, async () => {
    // The model's view of the whole book across runs (the database is shared).
    const cash = new Map<string, number>();
    const payable = new Map<string, number>();
    let recoveries = 0;
    let run = 0;
    const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 16 }), async (steps) => {
        run++;
        const loans: ModelLoan[] = [];
        for (let i = 0; i < 2; i++) {
          const merchant = i === 1 ? `ref-shop-${run}` : undefined;
          const id = await activeLoan(ctx, {
            productCode: 'REF',
            principalMinor: 500_000,
            repayments: 4,
            ...(merchant ? { merchant } : {}),
          });
          if (merchant) add(payable, merchant, 500_000);
          else add(cash, 'alipay', -500_000);
          loans.push({ id, status: 'active', txns: new Map(), order: [], writtenOff: false });
        }
        for (const s of steps) {
          if (s.kind === 'eod') {
            const open = (
              await store.db.selectFrom('business_date').select('open_date').executeTakeFirstOrThrow()
            ).open_date;
            const d = new Date(`${open}T00:00:00Z`);
            d.setUTCDate(d.getUTCDate() + s.days - 1);
            await endOfDay(ctx, { date: d.toISOString().slice(0, 10) });
            continue;
          }
          const m = loans[s.loan] as ModelLoan;
          // The model's prediction: is the operation allowed in this status?
          const live = m.status === 'active';
          const lastStanding = [...m.order].reverse().find((id) => !m.txns.get(id)?.reversed);
          const expected =
            s.kind === 'repay'
              ? true
              : s.kind === 'payoff' || s.kind === 'charge' || s.kind === 'write_off'
                ? live
                : s.kind === 'recover'
                  ? m.status === 'written_off'
                  : lastStanding !== undefined;
          let reply: LoanOperationResult | undefined;
          let refused: string | undefined;
          try {
            reply = await store.transaction(async (tx) => {
              switch (s.kind) {
                case 'repay':
                  return repayLoan(ctx, tx, STAFF.officer, m.id, {
                    amountMinor: s.amount,
                    channel: s.channel,
                  });
                case 'payoff':
                  return payoffLoan(ctx, tx, STAFF.officer, m.id, { channel: 'bank' });
                case 'charge':
                  return chargeLoan(ctx, tx, STAFF.ops, m.id, { component: 'fee', amountMinor: s.amount });
                case 'write_off':
                  return writeOffLoan(ctx, tx, STAFF.ops, m.id);
                case 'recover':
                  return recoverLoan(ctx, tx, STAFF.ops, m.id, { amountMinor: s.amount, channel: 'bank' });
                case 'reverse_last':
                  return reverseTransaction(ctx, tx, STAFF.ops, m.id, lastStanding ?? 'ltx_none');
              }
            });
          } catch (error) {
            if (!(error instanceof AppError) || error.status >= 500) throw error;
            refused = error.code;
          }
          expect(refused === undefined, `${s.kind} on a ${m.status} loan: ${refused}`).toBe(expected);
          if (!reply) continue;
          const t = reply.transaction;
          switch (s.kind) {
            case 'repay':
            case 'recover': {
              const kind = m.status === 'written_off' ? 'recovery' : 'repayment';
              expect(t.type).toBe(kind);
              const amount = s.amount;
              expect(t.amountMinor).toBe(amount);
              const channel = s.kind === 'recover' ? 'bank' : s.channel;
              m.txns.set(t.id, { kind, amount, channel, reversed: false });
              m.order.push(t.id);
              add(cash, channel, amount);
              if (kind === 'recovery') recoveries += amount;
              break;
            }
            case 'payoff':
              expect(t.type).toBe('payoff');
              expect(reply.loan.status).toBe('closed');
              m.txns.set(t.id, { kind: 'payoff', amount: t.amountMinor, channel: 'bank', reversed: false });
              m.order.push(t.id);
              add(cash, 'bank', t.amountMinor);
              break;
            case 'write_off':
              expect(reply.loan.status).toBe('written_off');
              expect(reply.loan.position.principalMinor).toBe(0);
              m.writtenOff = true;
              break;
            case 'reverse_last': {
              const target = m.txns.get(lastStanding as string) as ModelTxn;
              target.reversed = true;
              add(cash, target.channel, -target.amount);
              if (target.kind === 'recovery') recoveries -= target.amount;
              break;
            }
            case 'charge':
              break;
          }
          m.status = reply.loan.status;
        }
        // Every balance the model knows agrees with the general ledger.
        const totals = await accountTotalsOf(store.db);
        const net = (account: string) => {
          const t = totals.find((x) => x.account === account);
          return t ? t.debitMinor - t.creditMinor : 0;
        };
        for (const [channel, v] of cash) expect(net(`1002:${channel}`), channel).toBe(v);
        for (const [merchant, v] of payable) expect(v + net(`2202:${merchant}`), merchant).toBe(0);
        expect(recoveries - (0 - net('6301'))).toBe(0);
      }),
      {
        numRuns: Number(process.env.PUHUI_PROPERTY_RUNS ?? 4),
        endOnFailure: true,
        ...(process.env.PUHUI_PROPERTY_RUNS ? {} : { seed: 4242 }),
      },
    );
  });
});
