import { findLoanBook, type LoanBook, type Store } from '@puhui/store';
import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../context.ts';
import { cloneLoans } from './bulk-book.ts';
import { endOfDay } from './eod.ts';
import { reconcileBooks } from './reports.ts';
import { activeLoan, activeProduct, testContext } from './test-support.ts';

/**
 * A loan's rows with its own ids, phone and name replaced by placeholders in a fixed order (ids
 * that embed the loan id, like end of day's entry ids, keep their shape).
 */
function normalized(book: LoanBook): unknown {
  const ids = [
    ...book.entries.map((e) => e.id).filter((id) => !id.includes(book.loan.id)),
    book.loan.id,
    book.borrower.id,
    ...book.transactions.map((t) => t.id),
    ...book.statusChanges.map((s) => s.id),
    book.borrower.phone,
    book.borrower.full_name,
  ];
  const names = new Map(ids.map((id, k) => [id, `<${k}>`]));
  const pattern = new RegExp(
    `(?<![A-Za-z0-9_])(${[...names.keys()]
      .sort((a, b) => b.length - a.length)
      .map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')})(?![A-Za-z0-9_])`,
    'g',
  );
  return JSON.parse(
    JSON.stringify(book)
      .replace(pattern, (m) => names.get(m) as string)
      .replaceAll(book.loan.id, '<loan>'),
  );
}

describeEachDatabase('bulk book (copies of service-made loans)', (db) => {
  let store: Store;
  let ctx: ServiceContext;
  const templates: string[] = [];
  const references: string[] = [];
  beforeAll(async () => {
    store = await db.open();
    ctx = testContext(store, '2026-01-05T02:00:00.000Z');
    await activeProduct(ctx, 'BULK');
    // Each template has a twin made through the services with the same terms.
    for (const terms of [
      { principalMinor: 1_200_000, repayments: 12 },
      { principalMinor: 600_000, repayments: 6 },
    ]) {
      templates.push(await activeLoan(ctx, { productCode: 'BULK', ...terms }));
      references.push(await activeLoan(ctx, { productCode: 'BULK', ...terms }));
    }
    // End of day names its entries after the loan: copies must follow.
    await endOfDay(ctx, { date: '2026-01-07' });
  });
  afterAll(async () => db.dispose(store));

  it('writes exactly the rows the services write, and end of day treats copies like the originals', async () => {
    const progress: number[] = [];
    await cloneLoans(ctx, {
      templateIds: templates,
      count: 5,
      batchSize: 2,
      borrower: (i) => ({ phone: `+8615000000${String(i).padStart(3, '0')}`, fullName: `Copy ${i}` }),
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([2, 4, 5]);
    const copies = await store.db
      .selectFrom('loans')
      .select(['id', 'principal_minor'])
      .where('id', 'not in', [...templates, ...references])
      .orderBy('id')
      .execute();
    expect(copies).toHaveLength(5);
    const check = async () => {
      for (const copy of copies) {
        const twin = references[Number(copy.principal_minor) === 1_200_000 ? 0 : 1] as string;
        const made = (await findLoanBook(store.db, copy.id)) as LoanBook;
        const reference = (await findLoanBook(store.db, twin)) as LoanBook;
        expect(made.entries.some((e) => e.id.startsWith('je_eod_'))).toBe(true);
        expect(made.eodInput).not.toBeNull();
        expect(normalized(made)).toEqual(normalized(reference));
      }
    };
    await check();
    expect((await reconcileBooks(ctx, store.db)).balanced).toBe(true);
    await endOfDay(ctx, { date: '2026-01-09' });
    await check();
    const reconciliation = await reconcileBooks(ctx, store.db);
    expect(reconciliation.balanced).toBe(true);
  });
});
