import { analyzeAfterBulkLoad, findLoanBook, insertLoanBooks, type LoanBook } from '@puhui/store';
import { nowIso, type ServiceContext } from '../context.ts';

/** Options of {@link cloneLoans}. */
export interface CloneLoansOptions {
  /** Loans to copy, used in turn (each is copied `count / templates` times, give or take one). */
  readonly templateIds: readonly string[];
  /** Copies to make. */
  readonly count: number;
  /** The borrower of copy `i` (each copy has its own borrower). */
  readonly borrower: (i: number) => { readonly phone: string; readonly fullName: string };
  /** Copies per transaction (default 1,000). */
  readonly batchSize?: number;
  /** Called after every committed batch with the copies made so far. */
  readonly onProgress?: (done: number) => void;
}

/** A template's rows as text, split around its ids so a copy is a join of fresh ids. */
interface Pattern {
  readonly parts: readonly string[];
  /** For each gap between parts, the template id found there. */
  readonly slots: readonly string[];
  /** The template's own ids, and how to make a copy's. */
  readonly ids: ReadonlyArray<readonly [id: string, fresh: (loanId: string) => string]>;
}

const ID_CHAR = 'A-Za-z0-9_';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function patternOf(ctx: ServiceContext, book: LoanBook): Pattern {
  const loanId = book.loan.id;
  const ids: Array<readonly [string, (loanId: string) => string]> = [
    [loanId, (id) => id],
    [book.borrower.id, () => ctx.ids.next('bor')],
    ...book.transactions.map((t) => [t.id, () => ctx.ids.next('ltx')] as const),
    ...book.statusChanges.map((s) => [s.id, () => ctx.ids.next('lsc')] as const),
    // End of day names its entries after the loan; every other entry has an id of its own.
    ...book.entries.map(
      (e) =>
        [
          e.id,
          (id: string) => (e.id.includes(loanId) ? e.id.replace(loanId, id) : ctx.ids.next('je')),
        ] as const,
    ),
  ];
  const byLength = [...ids.map(([id]) => id)].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `(?<![${ID_CHAR}])(${byLength.map(escapeRegExp).join('|')})(?![${ID_CHAR}])`,
    'g',
  );
  const text = JSON.stringify(book);
  const parts: string[] = [];
  const slots: string[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push(text.slice(at, m.index));
    slots.push(m[0]);
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  return { parts, slots, ids };
}

function copyOf(ctx: ServiceContext, p: Pattern, borrower: { phone: string; fullName: string }): LoanBook {
  const loanId = ctx.ids.next('loan');
  const fresh = new Map(p.ids.map(([id, make]) => [id, make(loanId)]));
  let text = p.parts[0] as string;
  for (let k = 0; k < p.slots.length; k++)
    text += fresh.get(p.slots[k] as string) + (p.parts[k + 1] as string);
  const book = JSON.parse(text) as LoanBook;
  return { ...book, borrower: { ...book.borrower, phone: borrower.phone, full_name: borrower.fullName } };
}

/**
 * Grows a book fast for benchmarks and load tests: copies loans made through the services, each
 * copy with its own borrower and fresh ids and otherwise the same rows — loan, servicing state,
 * end-of-day input, transactions, status changes, journal entries and balances — written with
 * multi-row INSERTs, so a copy is exactly what the services write for the same terms on the same
 * day. Audit records and outbox events of the copies are not written. Memory is bounded by the
 * batch size; PostgreSQL's planner statistics are refreshed at the end.
 *
 * @example await cloneLoans(ctx, { templateIds: [loanId], count: 1_000_000, borrower: (i) => ({ phone: `+86150${i}`, fullName: `Borrower ${i}` }) });
 */
export async function cloneLoans(ctx: ServiceContext, options: CloneLoansOptions): Promise<void> {
  const patterns: Pattern[] = [];
  for (const id of options.templateIds) {
    const book = await findLoanBook(ctx.store.db, id);
    if (!book) throw new Error(`no loan ${id} to copy`);
    patterns.push(patternOf(ctx, book));
  }
  if (patterns.length === 0) throw new Error('cloneLoans needs at least one template loan');
  const batch = options.batchSize ?? 1000;
  for (let done = 0; done < options.count; ) {
    const books: LoanBook[] = [];
    for (let i = done; i < Math.min(options.count, done + batch); i++)
      books.push(copyOf(ctx, patterns[i % patterns.length] as Pattern, options.borrower(i)));
    await ctx.store.transaction((tx) => insertLoanBooks(tx, ctx.store, books, nowIso(ctx)));
    done += books.length;
    options.onProgress?.(done);
  }
  await analyzeAfterBulkLoad(ctx.store);
}
