import { AppError } from '@puhui/core';
import { findEntries, findLoan, listLoanTransactions, type Store } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../context.ts';
import {
  approveLoan,
  chargeLoan,
  getLoan,
  payoffLoan,
  recoverLoan,
  repayLoan,
  reverseTransaction,
  submitLoan,
  waiveLoan,
  writeOffLoan,
} from './loans.ts';
import { defaultProductConfig } from './product-config.ts';
import { approveProduct, changeProduct, createProduct, getProduct } from './products.ts';
import { reconcileBooks, trialBalanceReport } from './reports.ts';
import { activeLoan, activeProduct, newBorrower, STAFF, testContext } from './test-support.ts';

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describeEachDatabase('loan servicing', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeAll(async () => {
    store = await db.open();
    ctx = testContext(store);
    await activeProduct(ctx, 'MICRO', {});
    await activeProduct(ctx, 'CASH', { basis: 'cash' });
  });
  afterAll(async () => db.dispose(store));

  const tx = <T>(fn: (t: Parameters<Parameters<Store['transaction']>[0]>[0]) => Promise<T>) =>
    store.transaction(fn);
  const books = async () => {
    const r = await reconcileBooks(ctx, store.db);
    const tb = await trialBalanceReport(ctx);
    return { reconciled: r.balanced, differences: r.loanDifferences, balanced: tb.balanced };
  };

  describe('products', () => {
    it('activates a version only when a second user approves it, and retires the previous one', async () => {
      const v1 = await tx((t) =>
        createProduct(ctx, t, STAFF.pm, {
          code: 'MC',
          name: 'Maker-checker',
          config: defaultProductConfig(),
        }),
      );
      expect(v1.status).toBe('pending');
      expect(await code(tx((t) => approveProduct(ctx, t, STAFF.pm, v1.id)))).toBe('maker_checker');
      expect((await tx((t) => approveProduct(ctx, t, STAFF.risk, v1.id))).status).toBe('active');
      const v2 = await tx((t) =>
        changeProduct(ctx, t, STAFF.pm, v1.id, {
          name: 'Cheaper',
          config: defaultProductConfig({ annualRate: '0.12' }),
        }),
      );
      expect(v2.version).toBe(2);
      expect(
        await code(
          tx((t) => changeProduct(ctx, t, STAFF.pm, v1.id, { name: 'x', config: defaultProductConfig() })),
        ),
      ).toBe('conflict');
      await tx((t) => approveProduct(ctx, t, STAFF.risk, v2.id));
      expect((await getProduct(ctx, v1.id)).status).toBe('retired');
      expect((await getProduct(ctx, v2.id)).status).toBe('active');
    });

    it('refuses an invalid configuration naming the field', async () => {
      const err = await tx((t) =>
        createProduct(ctx, t, STAFF.pm, {
          code: 'BAD',
          name: 'Bad',
          config: defaultProductConfig({ annualRate: 'abc' }),
        }),
      ).catch((e: AppError) => e);
      expect((err as AppError).code).toBe('validation_failed');
      expect((err as AppError).errors?.map((e) => e.path)).toContain('config.annualRate');
    });
  });

  describe('loans', () => {
    it('runs submit → approve (maker ≠ checker) → disburse and books the principal', async () => {
      const borrowerId = await newBorrower(ctx);
      const loan = await tx((t) =>
        submitLoan(ctx, t, STAFF.officer, {
          borrowerId,
          productCode: 'MICRO',
          principalMinor: 1_000_000,
          repayments: 6,
          disbursement: { kind: 'channel', channel: 'wechat' },
        }),
      );
      expect(await code(tx((t) => approveLoan(ctx, t, STAFF.officer, loan.id)))).toBe('maker_checker');
      expect(
        await code(
          tx((t) =>
            submitLoan(ctx, t, STAFF.officer, {
              borrowerId,
              productCode: 'MICRO',
              principalMinor: 50,
              repayments: 6,
              disbursement: { kind: 'channel', channel: 'wechat' },
            }),
          ),
        ),
      ).toBe('outside_product_limits');
      const id = await activeLoan(ctx, { productCode: 'MICRO', principalMinor: 1_000_000, repayments: 6 });
      const detail = await getLoan(ctx, STAFF.officer, id);
      expect(detail.status).toBe('active');
      expect(detail.position.principalMinor).toBe(1_000_000);
      expect(detail.statusHistory.map((h) => h.to)).toEqual(['submitted', 'approved', 'active']);
      expect(detail.installments).toHaveLength(6);
      expect(await books()).toEqual({ reconciled: true, differences: [], balanced: true });
      expect(
        await getLoan(ctx, { kind: 'borrower', id: 'bor_other', sessionId: 's' }, id).catch(
          (e: AppError) => e.code,
        ),
      ).toBe('not_found');
    });

    it('allocates a repayment by component and keeps the sub-ledger equal to the ledger', async () => {
      const id = await activeLoan(ctx, { productCode: 'MICRO' });
      const r = await tx((t) =>
        repayLoan(ctx, t, STAFF.officer, id, { amountMinor: 50_000, channel: 'alipay' }),
      );
      // Paid on the disbursement day: nothing is due or earned, so all of it goes to the next
      // instalment, interest first (mifos order), interest recognised when paid.
      expect(r.transaction.allocation?.principal).toBe(50_000 - (r.transaction.allocation?.interest ?? 0));
      expect(r.loan.position.principalMinor).toBe(1_200_000 - (r.transaction.allocation?.principal ?? 0));
      expect(await books()).toEqual({ reconciled: true, differences: [], balanced: true });
    });

    it('reverses a repayment, re-applies the later one and reverses the journal', async () => {
      const id = await activeLoan(ctx, { productCode: 'MICRO' });
      const first = await tx((t) =>
        repayLoan(ctx, t, STAFF.officer, id, { amountMinor: 30_000, channel: 'alipay' }),
      );
      const second = await tx((t) =>
        repayLoan(ctx, t, STAFF.officer, id, { amountMinor: 40_000, channel: 'bank' }),
      );
      const before = second.loan.position.principalMinor;
      const rev = await tx((t) => reverseTransaction(ctx, t, STAFF.ops, id, first.transaction.id));
      const txns = await listLoanTransactions(store.db, id);
      expect(txns.find((t) => t.id === first.transaction.id)?.reversed_by).toBe(rev.transaction.id);
      // Only the second payment remains: principal outstanding rises by what the first one paid.
      expect(rev.loan.position.principalMinor).toBeGreaterThan(before);
      const entries = await findEntries(store.db, { loanId: id });
      expect(entries.some((e) => e.txnType === 'reversal')).toBe(true);
      expect(await code(tx((t) => reverseTransaction(ctx, t, STAFF.ops, id, first.transaction.id)))).toBe(
        'loan_state_conflict',
      );
      expect(await books()).toEqual({ reconciled: true, differences: [], balanced: true });
    });

    it('charges, waives, pays off and closes; cash-basis loans keep income off the receivables', async () => {
      for (const productCode of ['MICRO', 'CASH']) {
        const id = await activeLoan(ctx, { productCode });
        await tx((t) => chargeLoan(ctx, t, STAFF.ops, id, { component: 'fee', amountMinor: 2_000 }));
        await tx((t) => chargeLoan(ctx, t, STAFF.ops, id, { component: 'penalty', amountMinor: 1_000 }));
        await tx((t) => waiveLoan(ctx, t, STAFF.ops, id, { component: 'penalty' }));
        const paid = await tx((t) => payoffLoan(ctx, t, STAFF.officer, id, { channel: 'bank' }));
        expect(paid.loan.status).toBe('closed');
        expect(paid.loan.position).toEqual({
          principalMinor: 0,
          interestMinor: 0,
          feesMinor: 0,
          penaltiesMinor: 0,
          overpaymentMinor: 0,
        });
        expect(paid.transaction.amountMinor).toBe(1_200_000 + 2_000);
        expect(await books()).toEqual({ reconciled: true, differences: [], balanced: true });
        const row = await findLoan(store.db, id);
        expect(row?.closed_on).not.toBeNull();
      }
    });

    it('writes off against the allowance, records a recovery as income, and refuses repaying a closed write-off twice', async () => {
      const id = await activeLoan(ctx, { productCode: 'MICRO', merchant: 'seed-co' });
      const off = await tx((t) => writeOffLoan(ctx, t, STAFF.ops, id));
      expect(off.loan.status).toBe('written_off');
      expect(off.loan.position.principalMinor).toBe(0);
      expect(await code(tx((t) => writeOffLoan(ctx, t, STAFF.ops, id)))).toBe('loan_state_conflict');
      const rec = await tx((t) =>
        recoverLoan(ctx, t, STAFF.ops, id, { amountMinor: 5_000, channel: 'bank' }),
      );
      expect(rec.transaction.type).toBe('recovery');
      const tb = await trialBalanceReport(ctx);
      expect(tb.rows.find((r) => r.account === '2202:seed-co')?.credit).toBe('12000.00');
      expect(Number(tb.rows.find((r) => r.account === '6301')?.credit)).toBeGreaterThanOrEqual(50);
      expect(await books()).toEqual({ reconciled: true, differences: [], balanced: true });
    });

    it('refuses money operations on loans in the wrong state', async () => {
      const borrowerId = await newBorrower(ctx);
      const loan = await tx((t) =>
        submitLoan(ctx, t, STAFF.officer, {
          borrowerId,
          productCode: 'MICRO',
          principalMinor: 1_000_000,
          repayments: 6,
          disbursement: { kind: 'channel', channel: 'wechat' },
        }),
      );
      expect(
        await code(
          tx((t) => repayLoan(ctx, t, STAFF.officer, loan.id, { amountMinor: 100, channel: 'bank' })),
        ),
      ).toBe('loan_state_conflict');
    });
  });
});
