import { sql } from 'kysely';
import type { Executor } from '../store.ts';

/** Live loans (active or overdue) grouped by product, classification and currency. */
export interface ExposureRow {
  readonly productId: string;
  readonly classification: string;
  readonly currency: string;
  readonly loans: number;
  readonly principalMinor: number;
  /** Principal plus booked interest, fee and penalty receivables. */
  readonly exposureMinor: number;
}

/** Sums the book of active loans by product, classification and currency. */
export async function exposureByClass(db: Executor): Promise<ExposureRow[]> {
  const rows = await db
    .selectFrom('loans')
    .select((eb) => [
      'product_id',
      'classification',
      'currency',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('principal_outstanding_minor').as('p'),
      eb.fn
        .sum<number>(
          sql`principal_outstanding_minor + interest_receivable_minor + fees_receivable_minor + penalties_receivable_minor`,
        )
        .as('e'),
    ])
    .where('status', '=', 'active')
    .groupBy(['product_id', 'classification', 'currency'])
    .orderBy('product_id')
    .orderBy('classification')
    .execute();
  return rows.map((r) => ({
    productId: r.product_id,
    classification: r.classification,
    currency: r.currency,
    loans: Number(r.n),
    principalMinor: Number(r.p),
    exposureMinor: Number(r.e),
  }));
}

/** Active loans grouped by days-past-due and currency (for PAR and ageing). */
export async function portfolioByDpd(
  db: Executor,
): Promise<
  Array<{ dpd: number; currency: string; loans: number; principalMinor: number; overdueMinor: number }>
> {
  const rows = await db
    .selectFrom('loans')
    .select((eb) => [
      'dpd',
      'currency',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('principal_outstanding_minor').as('p'),
      eb.fn.sum<number>('overdue_minor').as('o'),
    ])
    .where('status', '=', 'active')
    .groupBy(['dpd', 'currency'])
    .orderBy('dpd')
    .execute();
  return rows.map((r) => ({
    dpd: Number(r.dpd),
    currency: r.currency,
    loans: Number(r.n),
    principalMinor: Number(r.p),
    overdueMinor: Number(r.o),
  }));
}

/** Loan transaction amounts (not reversed) by business date and type, within dates. */
export async function transactionFlows(
  db: Executor,
  range: { from: string; to: string },
): Promise<Array<{ date: string; type: string; currency: string; count: number; amountMinor: number }>> {
  const rows = await db
    .selectFrom('loan_transactions as t')
    .innerJoin('loans as l', 'l.id', 't.loan_id')
    .select((eb) => [
      't.business_date as date',
      't.type as type',
      'l.currency as currency',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('t.amount_minor').as('a'),
    ])
    .where('t.reversed_by', 'is', null)
    .where('t.business_date', '>=', range.from)
    .where('t.business_date', '<=', range.to)
    .groupBy(['t.business_date', 't.type', 'l.currency'])
    .orderBy('t.business_date')
    .execute();
  return rows.map((r) => ({
    date: r.date,
    type: r.type,
    currency: r.currency,
    count: Number(r.n),
    amountMinor: Number(r.a),
  }));
}

/** Σ of each sub-ledger column over loans, per basis and currency (for reconciliation). */
export async function subledgerTotals(db: Executor): Promise<
  Array<{
    currency: string;
    basis: 'cash' | 'accrual';
    principalMinor: number;
    interestMinor: number;
    feesMinor: number;
    penaltiesMinor: number;
    overpaymentMinor: number;
  }>
> {
  const rows = await db
    .selectFrom('loans')
    .select((eb) => [
      'currency',
      'basis',
      eb.fn.sum<number>('principal_outstanding_minor').as('p'),
      eb.fn.sum<number>('interest_receivable_minor').as('i'),
      eb.fn.sum<number>('fees_receivable_minor').as('f'),
      eb.fn.sum<number>('penalties_receivable_minor').as('pen'),
      eb.fn.sum<number>('overpayment_minor').as('o'),
    ])
    .groupBy(['currency', 'basis'])
    .execute();
  return rows.map((r) => ({
    currency: r.currency,
    basis: r.basis,
    principalMinor: Number(r.p),
    interestMinor: Number(r.i),
    feesMinor: Number(r.f),
    penaltiesMinor: Number(r.pen),
    overpaymentMinor: Number(r.o),
  }));
}

/** Per-loan sub-ledger columns, a page at a time in id order (loan-by-loan reconciliation). */
export async function subledgerPage(
  db: Executor,
  afterId: string,
  limit: number,
): Promise<
  Array<{
    loanId: string;
    currency: string;
    basis: 'cash' | 'accrual';
    principalMinor: number;
    interestMinor: number;
    feesMinor: number;
    penaltiesMinor: number;
    overpaymentMinor: number;
  }>
> {
  const rows = await db
    .selectFrom('loans')
    .select([
      'id',
      'currency',
      'basis',
      'principal_outstanding_minor',
      'interest_receivable_minor',
      'fees_receivable_minor',
      'penalties_receivable_minor',
      'overpayment_minor',
    ])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    loanId: r.id,
    currency: r.currency,
    basis: r.basis,
    principalMinor: Number(r.principal_outstanding_minor),
    interestMinor: Number(r.interest_receivable_minor),
    feesMinor: Number(r.fees_receivable_minor),
    penaltiesMinor: Number(r.penalties_receivable_minor),
    overpaymentMinor: Number(r.overpayment_minor),
  }));
}
