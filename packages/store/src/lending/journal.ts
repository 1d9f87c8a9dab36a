import { sql } from 'kysely';
import type { Executor, Tx } from '../store.ts';

/** A journal entry as the store keeps it (the ledger package's `JournalEntry` plus the borrower). */
export interface StoredEntry {
  readonly id: string;
  readonly businessDate: string;
  readonly valueDate: string;
  readonly txnRef: string;
  readonly txnType: string;
  readonly loanId?: string | undefined;
  readonly borrowerId?: string | undefined;
  readonly memo: string;
  readonly reversesId?: string | undefined;
  readonly lines: ReadonlyArray<{
    readonly account: string;
    readonly side: 'debit' | 'credit';
    readonly amountMinor: number;
    readonly currency: string;
  }>;
}

const CHUNK = 500;

function codeOf(account: string): string {
  const i = account.indexOf(':');
  return i < 0 ? account : account.slice(0, i);
}

/**
 * Appends validated journal entries (headers, lines) and adds their lines to the running account
 * balances, all in the caller's transaction. Balance rows are updated in a fixed order so
 * concurrent writers on PostgreSQL never deadlock on them. Callers validate every entry with the
 * ledger's `validateEntry` first; the table constraints (amount > 0, side) back it up.
 *
 * @example await appendEntries(tx, [entry], now);
 */
export async function appendEntries(
  tx: Tx,
  entries: readonly StoredEntry[],
  createdAt: string,
): Promise<void> {
  if (entries.length === 0) return;
  const headers = entries.map((e) => ({
    id: e.id,
    business_date: e.businessDate,
    value_date: e.valueDate,
    txn_ref: e.txnRef,
    txn_type: e.txnType,
    loan_id: e.loanId ?? null,
    borrower_id: e.borrowerId ?? null,
    memo: e.memo,
    reverses_id: e.reversesId ?? null,
    created_at: createdAt,
  }));
  for (let i = 0; i < headers.length; i += CHUNK)
    await tx
      .insertInto('journal_entries')
      .values(headers.slice(i, i + CHUNK))
      .execute();
  const lines: {
    entry_id: string;
    line_no: number;
    account: string;
    code: string;
    side: 'debit' | 'credit';
    amount_minor: number;
    currency: string;
    business_date: string;
    loan_id: string | null;
    borrower_id: string | null;
  }[] = [];
  const balances = new Map<string, { account: string; currency: string; debit: number; credit: number }>();
  for (const e of entries) {
    e.lines.forEach((l, n) => {
      lines.push({
        entry_id: e.id,
        line_no: n + 1,
        account: l.account,
        code: codeOf(l.account),
        side: l.side,
        amount_minor: l.amountMinor,
        currency: l.currency,
        business_date: e.businessDate,
        loan_id: e.loanId ?? null,
        borrower_id: e.borrowerId ?? null,
      });
      const key = `${l.account}\u0000${l.currency}`;
      const b = balances.get(key) ?? { account: l.account, currency: l.currency, debit: 0, credit: 0 };
      if (l.side === 'debit') b.debit += l.amountMinor;
      else b.credit += l.amountMinor;
      balances.set(key, b);
    });
  }
  for (let i = 0; i < lines.length; i += CHUNK)
    await tx
      .insertInto('journal_lines')
      .values(lines.slice(i, i + CHUNK))
      .execute();
  const rows = [...balances.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, b]) => ({
      account: b.account,
      currency: b.currency,
      debit_minor: b.debit,
      credit_minor: b.credit,
    }));
  for (const row of rows) {
    await tx
      .insertInto('account_balances')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['account', 'currency']).doUpdateSet({
          debit_minor: sql`account_balances.debit_minor + excluded.debit_minor`,
          credit_minor: sql`account_balances.credit_minor + excluded.credit_minor`,
        }),
      )
      .execute();
  }
}

/** Debit and credit totals per account id and currency (the ledger's `AccountTotal` shape). */
export interface StoredAccountTotal {
  readonly account: string;
  readonly currency: string;
  readonly debitMinor: number;
  readonly creditMinor: number;
}

/**
 * Per-account totals: from the running balances when no date is given, otherwise summed from the
 * lines booked on or before `to` (and on or after `from`).
 *
 * @example await accountTotalsOf(db, { to: '2026-03-31' });
 */
export async function accountTotalsOf(
  db: Executor,
  range: { from?: string | undefined; to?: string | undefined } = {},
): Promise<StoredAccountTotal[]> {
  if (range.from === undefined && range.to === undefined) {
    const rows = await db
      .selectFrom('account_balances')
      .selectAll()
      .orderBy('account')
      .orderBy('currency')
      .execute();
    return rows.map((r) => ({
      account: r.account,
      currency: r.currency,
      debitMinor: Number(r.debit_minor),
      creditMinor: Number(r.credit_minor),
    }));
  }
  let q = db
    .selectFrom('journal_lines')
    .select((eb) => [
      'account',
      'currency',
      eb.fn.sum<number>(sql`case when side = 'debit' then amount_minor else 0 end`).as('debit'),
      eb.fn.sum<number>(sql`case when side = 'credit' then amount_minor else 0 end`).as('credit'),
    ])
    .groupBy(['account', 'currency'])
    .orderBy('account')
    .orderBy('currency');
  if (range.from !== undefined) q = q.where('business_date', '>=', range.from);
  if (range.to !== undefined) q = q.where('business_date', '<=', range.to);
  const rows = await q.execute();
  return rows.map((r) => ({
    account: r.account,
    currency: r.currency,
    debitMinor: Number(r.debit),
    creditMinor: Number(r.credit),
  }));
}

/** Debit minus credit of one account id in one currency, from the running balances. */
export async function accountNet(db: Executor, account: string, currency: string): Promise<number> {
  const row = await db
    .selectFrom('account_balances')
    .select(['debit_minor', 'credit_minor'])
    .where('account', '=', account)
    .where('currency', '=', currency)
    .executeTakeFirst();
  return row ? Number(row.debit_minor) - Number(row.credit_minor) : 0;
}

/** Entries with their lines, in posting order, by id or by loan. */
export async function findEntries(
  db: Executor,
  filter: { ids?: readonly string[]; loanId?: string },
): Promise<StoredEntry[]> {
  let q = db.selectFrom('journal_entries').selectAll();
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('id', 'in', filter.ids);
  }
  if (filter.loanId) q = q.where('loan_id', '=', filter.loanId);
  const headers = await q.orderBy('seq').execute();
  if (headers.length === 0) return [];
  const lines = await db
    .selectFrom('journal_lines')
    .selectAll()
    .where(
      'entry_id',
      'in',
      headers.map((h) => h.id),
    )
    .orderBy('entry_id')
    .orderBy('line_no')
    .execute();
  const byEntry = new Map<string, StoredEntry['lines'][number][]>();
  for (const l of lines) {
    const list = byEntry.get(l.entry_id) ?? [];
    list.push({
      account: l.account,
      side: l.side,
      amountMinor: Number(l.amount_minor),
      currency: l.currency,
    });
    byEntry.set(l.entry_id, list);
  }
  return headers.map((h) => ({
    id: h.id,
    businessDate: h.business_date,
    valueDate: h.value_date,
    txnRef: h.txn_ref,
    txnType: h.txn_type,
    loanId: h.loan_id ?? undefined,
    borrowerId: h.borrower_id ?? undefined,
    memo: h.memo,
    reversesId: h.reverses_id ?? undefined,
    lines: byEntry.get(h.id) ?? [],
  }));
}

/**
 * Net balance (debit − credit) per loan and account code over the given codes, from the lines:
 * the general ledger's view of each loan, for loan-by-loan reconciliation.
 */
export async function loanLedgerNets(
  db: Executor,
  codes: readonly string[],
): Promise<Array<{ loanId: string; code: string; currency: string; netMinor: number }>> {
  const rows = await db
    .selectFrom('journal_lines')
    .select((eb) => [
      'loan_id',
      'code',
      'currency',
      eb.fn.sum<number>(sql`case when side = 'debit' then amount_minor else -amount_minor end`).as('net'),
    ])
    .where('code', 'in', codes)
    .groupBy(['loan_id', 'code', 'currency'])
    .execute();
  return rows.map((r) => ({
    loanId: r.loan_id ?? '',
    code: r.code,
    currency: r.currency,
    netMinor: Number(r.net),
  }));
}

/** Counts of journal entries and lines (reports and tests). */
export async function journalCounts(db: Executor): Promise<{ entries: number; lines: number }> {
  const e = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const l = await db
    .selectFrom('journal_lines')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return { entries: Number(e?.n ?? 0), lines: Number(l?.n ?? 0) };
}
