import { AppError } from '@puhui/core';
import {
  ALLOCATION_RULES,
  generateSchedule,
  type LoanCategory,
  type ScheduleJson,
  scheduleToJson,
  worseCategory,
} from '@puhui/loans';
import {
  findActiveProduct,
  findBorrowerById,
  findEntries,
  findLoan,
  findProductById,
  insertClassificationChanges,
  insertLoan,
  insertLoanStatusChange,
  insertLoanTransaction,
  type LoanAccountStatus,
  type LoanClassificationChangeRow,
  type LoanProductRow,
  type LoanRow,
  type LoanTransactionRow,
  listClassificationChanges,
  listLoans as listLoanRows,
  listLoanStatusChanges,
  listLoanTransactions,
  lockLoan,
  type Tx,
  updateLoan,
  updateLoanTransaction,
} from '@puhui/store';
import { actorOf, nowIso, type Principal, type ServiceContext } from '../context.ts';
import { audit } from '../platform/audit.ts';
import { emit } from '../platform/events.ts';
import {
  type AccountEvent,
  applyAccountEvent,
  type BookPosition,
  effectsOf,
  encodeEodInput,
  type LoanSnapshot,
  openAccount,
  type ServicingAccount,
  snapshotOf,
} from './account.ts';
import {
  allowanceHeld,
  applyRate,
  asJournalEntry,
  businessDate,
  CHART,
  isCategory,
  postEntries,
} from './books.ts';
import { type Funds, type PostedEffect, planPostings } from './posting.ts';
import { type ProductConfig, scheduleSpecOf } from './product-config.ts';

/** How a loan is paid out: to the borrower through a channel, or to a merchant (entrusted payment). */
export type Disbursement = Funds;

/** Requested terms kept with the loan. */
export interface LoanTerms {
  readonly repayments: number;
  readonly disbursement: Disbursement;
}

/** A loan account as the API shows it. Amounts are integer minor units. */
export interface LoanView {
  readonly id: string;
  readonly borrowerId: string;
  readonly productId: string;
  readonly status: LoanAccountStatus;
  readonly currency: string;
  readonly basis: 'cash' | 'accrual';
  readonly principalMinor: number;
  readonly repayments: number;
  readonly disbursement: Disbursement;
  readonly position: BookPosition;
  readonly totalOutstandingMinor: number;
  readonly overdueMinor: number;
  readonly dpd: number;
  readonly classification: string;
  readonly staffClassification: string | null;
  readonly nextDueDate: string | null;
  readonly disbursedOn: string | null;
  readonly closedOn: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One instalment of a loan's schedule as serviced so far. */
export interface InstallmentView {
  readonly n: number;
  readonly dueDate: string;
  readonly dueMinor: { principal: number; interest: number; fee: number; penalty: number };
  readonly paidMinor: { principal: number; interest: number; fee: number; penalty: number };
  readonly outstandingMinor: number;
}

/** A loan with its schedule, charges and status history. */
export interface LoanDetail extends LoanView {
  readonly installments: readonly InstallmentView[];
  /** Every change of the stored classification, oldest first. */
  readonly classificationHistory: ReadonlyArray<{
    readonly from: string;
    readonly to: string;
    readonly source: ClassificationSource;
    readonly actor: string;
    readonly dpd: number;
    readonly businessDate: string;
    readonly at: string;
  }>;
  readonly statusHistory: ReadonlyArray<{
    from: string | null;
    to: string;
    actor: string;
    at: string;
    businessDate: string;
    reason: string | null;
  }>;
}

/** One business transaction on a loan and what it did. */
export interface LoanTransactionView {
  readonly id: string;
  readonly loanId: string;
  readonly type: string;
  readonly businessDate: string;
  readonly valueDate: string;
  readonly amountMinor: number;
  readonly channel: string | null;
  readonly allocation: {
    principal: number;
    interest: number;
    fee: number;
    penalty: number;
    overpayment: number;
  } | null;
  readonly reversedBy: string | null;
  readonly journalEntries: readonly string[];
  readonly createdAt: string;
}

/** The answer of a money-moving operation: the transaction and the loan after it. */
export interface LoanOperationResult {
  readonly transaction: LoanTransactionView;
  readonly loan: LoanView;
}

/** The view of a stored loan row. */
export function loanView(row: LoanRow): LoanView {
  const terms = JSON.parse(row.terms) as LoanTerms;
  return {
    id: row.id,
    borrowerId: row.borrower_id,
    productId: row.product_id,
    status: row.status,
    currency: row.currency,
    basis: row.basis,
    principalMinor: Number(row.principal_minor),
    repayments: row.repayments,
    disbursement: terms.disbursement,
    position: positionOf(row),
    totalOutstandingMinor: Number(row.total_outstanding_minor),
    overdueMinor: Number(row.overdue_minor),
    dpd: row.dpd,
    classification: row.classification,
    staffClassification: row.staff_classification,
    nextDueDate: row.next_due_date,
    disbursedOn: row.disbursed_on,
    closedOn: row.closed_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The sub-ledger position stored on a loan row. */
export function positionOf(
  row: Pick<
    LoanRow,
    | 'principal_outstanding_minor'
    | 'interest_receivable_minor'
    | 'fees_receivable_minor'
    | 'penalties_receivable_minor'
    | 'overpayment_minor'
  >,
): BookPosition {
  return {
    principalMinor: Number(row.principal_outstanding_minor),
    interestMinor: Number(row.interest_receivable_minor),
    feesMinor: Number(row.fees_receivable_minor),
    penaltiesMinor: Number(row.penalties_receivable_minor),
    overpaymentMinor: Number(row.overpayment_minor),
  };
}

function transactionView(row: LoanTransactionRow): LoanTransactionView {
  const posted = JSON.parse(row.effect) as PostedEffect | null;
  const e = posted?.effect;
  return {
    id: row.id,
    loanId: row.loan_id,
    type: row.type,
    businessDate: row.business_date,
    valueDate: row.value_date,
    amountMinor: Number(row.amount_minor),
    channel: row.channel,
    allocation: e
      ? {
          principal: e.principalMinor,
          interest: e.interestMinor,
          fee: e.feeMinor + e.disbursementFeeMinor,
          penalty: e.penaltyMinor,
          overpayment: e.overpaymentMinor,
        }
      : null,
    reversedBy: row.reversed_by,
    journalEntries: posted?.entryIds ?? [],
    createdAt: row.created_at,
  };
}

/** The columns a snapshot sets on a loan row. */
export function snapshotColumns(s: LoanSnapshot) {
  return {
    principal_outstanding_minor: s.position.principalMinor,
    interest_receivable_minor: s.position.interestMinor,
    fees_receivable_minor: s.position.feesMinor,
    penalties_receivable_minor: s.position.penaltiesMinor,
    overpayment_minor: s.position.overpaymentMinor,
    total_outstanding_minor: s.payoffMinor,
    overdue_minor: s.overdueMinor,
    dpd: s.dpd,
    classification: s.classification,
    next_due_date: s.nextDueDate,
  };
}

/** Where a classification change came from. */
export type ClassificationSource = 'transaction' | 'end_of_day' | 'staff';

/**
 * The history row of a change of a loan's stored classification, or none when it did not change.
 *
 * @example await insertClassificationChanges(tx, classificationChange(ctx, row, 'normal', snap.classification, 'transaction', actor, snap.dpd, date));
 */
export function classificationChange(
  ctx: ServiceContext,
  loanId: string,
  from: string,
  to: string,
  source: ClassificationSource,
  actor: Principal,
  dpd: number,
  businessDate: string,
): LoanClassificationChangeRow[] {
  if (from === to) return [];
  return [
    {
      id: ctx.ids.next('lcc'),
      loan_id: loanId,
      from_category: from,
      to_category: to,
      source,
      actor: actorOf(actor),
      dpd,
      business_date: businessDate,
      at: nowIso(ctx),
    },
  ];
}

/** Whether `actor` may see the loan (borrowers: their own; partners: those they originated). */
export function visible(row: LoanRow | undefined, actor: Principal): row is LoanRow {
  if (!row) return false;
  switch (actor.kind) {
    case 'user':
    case 'system':
      return true;
    case 'borrower':
      return row.borrower_id === actor.id;
    case 'partner':
      return row.partner_id === actor.id;
  }
}

function productConfig(row: LoanProductRow): ProductConfig {
  return JSON.parse(row.config) as ProductConfig;
}

/** Product configs by product id, read once per id. */
const productCache = new WeakMap<object, Map<string, ProductConfig>>();

/** The configuration of a product version (cached per store: versions never change). */
export async function productConfigOf(
  ctx: ServiceContext,
  db: Tx | ServiceContext['store']['db'],
  id: string,
): Promise<ProductConfig> {
  let cache = productCache.get(ctx.store);
  if (!cache) {
    cache = new Map();
    productCache.set(ctx.store, cache);
  }
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await findProductById(db, id);
  if (!row) throw new AppError('internal_error', `product ${id} of a loan is missing`);
  const config = productConfig(row);
  cache.set(id, config);
  return config;
}

/** Snapshot rules of a loan under its product. */
export function rulesOf(config: ProductConfig, row: Pick<LoanRow, 'staff_classification'>) {
  return {
    basis: config.basis,
    thresholds: config.classification,
    staffClassification: isCategory(row.staff_classification) ? row.staff_classification : null,
  };
}

async function recordStatus(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  row: Pick<LoanRow, 'id' | 'borrower_id'>,
  from: string | null,
  to: string,
  date: string,
  reason?: string,
): Promise<void> {
  if (from === to) return;
  await insertLoanStatusChange(tx, {
    id: ctx.ids.next('lsc'),
    loan_id: row.id,
    borrower_id: row.borrower_id,
    from_status: from,
    to_status: to,
    actor: actorOf(actor),
    reason: reason ?? null,
    business_date: date,
    at: nowIso(ctx),
  });
  await emit(ctx, tx, `loan:${row.id}`, `loan.${to}`, { loanId: row.id, from, to, businessDate: date });
}

/** Input of {@link submitLoan}. */
export interface LoanApplication {
  readonly borrowerId: string;
  readonly productCode: string;
  readonly principalMinor: number;
  readonly repayments: number;
  readonly disbursement: Disbursement;
}

function checkLimits(config: ProductConfig, principalMinor: number, repayments: number): void {
  const l = config.limits;
  const errors = [];
  if (principalMinor < l.minPrincipalMinor || principalMinor > l.maxPrincipalMinor)
    errors.push({ path: 'principalMinor', message: `from ${l.minPrincipalMinor} to ${l.maxPrincipalMinor}` });
  if (repayments < l.minRepayments || repayments > l.maxRepayments)
    errors.push({ path: 'repayments', message: `from ${l.minRepayments} to ${l.maxRepayments}` });
  if (errors.length > 0)
    throw new AppError(
      'outside_product_limits',
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
    );
}

/**
 * The repayment schedule and annualised rate a loan of a product would have, before applying
 * (the loan engine's schedule, as the public calculator shows it).
 *
 * @example await previewLoan(ctx, { productCode: 'MICRO12', principalMinor: 1_000_000, repayments: 12 });
 */
export async function previewLoan(
  ctx: ServiceContext,
  input: {
    productCode: string;
    principalMinor: number;
    repayments: number;
    disbursementDate?: string | undefined;
  },
): Promise<ScheduleJson> {
  const product = await findActiveProduct(ctx.store.db, input.productCode);
  if (!product) throw new AppError('product_not_active', `No active product ${input.productCode}`);
  const config = productConfig(product);
  checkLimits(config, input.principalMinor, input.repayments);
  const date = input.disbursementDate ?? (await businessDate(ctx, ctx.store.db));
  return scheduleToJson(
    generateSchedule(scheduleSpecOf(config, input.principalMinor, input.repayments, date)),
    'cn_irr',
  );
}

/**
 * Submits a loan application on the active version of a product (status `submitted`). A partner
 * may submit only for borrowers it referred; the loan is then the partner's.
 *
 * @example await submitLoan(ctx, tx, officer, { borrowerId, productCode: 'MICRO12', principalMinor: 1_000_000, repayments: 12, disbursement: { kind: 'channel', channel: 'alipay' } });
 */
export async function submitLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  input: LoanApplication,
): Promise<LoanView> {
  const borrower = await findBorrowerById(tx, input.borrowerId);
  if (!borrower || (actor.kind === 'partner' && borrower.partner_id !== actor.id))
    throw new AppError('not_found', `No borrower ${input.borrowerId}`);
  const product = await findActiveProduct(tx, input.productCode);
  if (!product) throw new AppError('product_not_active', `No active product ${input.productCode}`);
  const config = productConfig(product);
  checkLimits(config, input.principalMinor, input.repayments);
  const date = await businessDate(ctx, tx);
  const opened = openAccount(scheduleSpecOf(config, input.principalMinor, input.repayments, date), {
    allocation: ALLOCATION_RULES[config.allocation],
    penalty: config.penalty,
  });
  if (!opened.ok)
    throw new AppError('validation_failed', opened.message, [{ path: 'body', message: opened.message }]);
  const now = nowIso(ctx);
  const row: LoanRow = {
    id: ctx.ids.next('loan'),
    borrower_id: borrower.id,
    product_id: product.id,
    partner_id: actor.kind === 'partner' ? actor.id : borrower.partner_id,
    status: 'submitted',
    currency: config.currency,
    basis: config.basis,
    principal_minor: input.principalMinor,
    repayments: input.repayments,
    principal_outstanding_minor: 0,
    interest_receivable_minor: 0,
    fees_receivable_minor: 0,
    penalties_receivable_minor: 0,
    overpayment_minor: 0,
    total_outstanding_minor: 0,
    overdue_minor: 0,
    dpd: 0,
    classification: 'normal',
    staff_classification: null,
    next_due_date: null,
    disbursed_on: null,
    closed_on: null,
    eod_date: null,
    state: JSON.stringify(opened.account),
    terms: JSON.stringify({
      repayments: input.repayments,
      disbursement: input.disbursement,
    } satisfies LoanTerms),
    version: 1,
    submitted_by: actorOf(actor),
    approved_by: null,
    created_at: now,
    updated_at: now,
  };
  await insertLoan(tx, row, encodeEodInput(opened.account));
  await recordStatus(ctx, tx, actor, row, null, 'submitted', date);
  await audit(ctx, tx, actor, {
    action: 'loan.submit',
    subjectType: 'loan',
    subjectId: row.id,
    after: { id: row.id, borrower: row.borrower_id, product: row.product_id, principal: row.principal_minor },
    details: { productId: product.id, principalMinor: input.principalMinor, repayments: input.repayments },
  });
  return loanView(row);
}

async function loadForUpdate(ctx: ServiceContext, tx: Tx, actor: Principal, id: string): Promise<LoanRow> {
  const row = await lockLoan(tx, ctx.store, id);
  if (!visible(row, actor)) throw new AppError('not_found', `No loan ${id}`);
  return row;
}

async function decideLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
  to: 'approved' | 'rejected' | 'withdrawn',
  reason?: string,
): Promise<LoanView> {
  const row = await loadForUpdate(ctx, tx, actor, id);
  const allowed: LoanAccountStatus[] = to === 'withdrawn' ? ['submitted', 'approved'] : ['submitted'];
  if (!allowed.includes(row.status)) throw new AppError('loan_state_conflict', `Loan ${id} is ${row.status}`);
  if (to !== 'withdrawn' && row.submitted_by === actorOf(actor))
    throw new AppError('maker_checker', 'A second user must approve or reject this loan');
  const date = await businessDate(ctx, tx);
  const patch = {
    status: to,
    updated_at: nowIso(ctx),
    ...(to === 'approved' ? { approved_by: actorOf(actor) } : {}),
  };
  await updateLoan(tx, id, patch);
  await recordStatus(ctx, tx, actor, row, row.status, to, date, reason);
  await audit(ctx, tx, actor, {
    action: `loan.${to === 'approved' ? 'approve' : to === 'rejected' ? 'reject' : 'withdraw'}`,
    subjectType: 'loan',
    subjectId: id,
    before: { status: row.status },
    after: { status: to },
    ...(reason ? { details: { reason } } : {}),
  });
  return loanView({ ...row, ...patch });
}

/** Approves a submitted loan; the approver must not be the submitter (maker-checker). */
export async function approveLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
): Promise<LoanView> {
  return decideLoan(ctx, tx, actor, id, 'approved');
}

/** Rejects a submitted loan (maker-checker as for approval). */
export async function rejectLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
  reason?: string,
): Promise<LoanView> {
  return decideLoan(ctx, tx, actor, id, 'rejected', reason);
}

/** Withdraws a submitted or approved loan (staff, or the borrower for its own loan). */
export async function withdrawLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  id: string,
  reason?: string,
): Promise<LoanView> {
  return decideLoan(ctx, tx, actor, id, 'withdrawn', reason);
}

function fundsText(f: Funds): string {
  return f.kind === 'channel' ? f.channel : `merchant:${f.merchant}`;
}

function fundsFromText(text: string | null): Funds {
  if (text?.startsWith('merchant:')) return { kind: 'merchant', merchant: text.slice('merchant:'.length) };
  return { kind: 'channel', channel: text ?? 'bank' };
}

const ENGINE_CODES: Record<string, 'loan_state_conflict' | 'validation_failed'> = {
  invalid_spec: 'validation_failed',
  invalid_event: 'validation_failed',
  invalid_amount: 'validation_failed',
  before_disbursement: 'validation_failed',
};

/** What a money-moving operation asks of {@link operate}. */
interface Operation {
  readonly action: string;
  readonly type: string;
  readonly statuses: readonly LoanAccountStatus[];
  readonly funds?: Funds | undefined;
  readonly valueDate?: string | undefined;
  event(id: string, date: string, account: ServicingAccount, rules: ReturnType<typeof rulesOf>): AccountEvent;
  readonly amountOf?: (event: AccountEvent) => number;
}

/**
 * The one path every money-moving operation takes, inside the caller's transaction: lock the loan
 * row, apply the event to the servicing account, plan and post the journal entries that bring
 * the control accounts to the loan's new position (re-posting any earlier transaction whose
 * effect changed), store the transaction and the new state, record the status change, the audit
 * record and the outbox event.
 */
async function operate(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  op: Operation,
): Promise<LoanOperationResult> {
  const row = await loadForUpdate(ctx, tx, actor, loanId);
  if (!op.statuses.includes(row.status))
    throw new AppError(
      'loan_state_conflict',
      `Loan ${loanId} is ${row.status}; ${op.type} needs ${op.statuses.join(' or ')}`,
    );
  const config = await productConfigOf(ctx, tx, row.product_id);
  const rules = rulesOf(config, row);
  const date = await businessDate(ctx, tx);
  const valueDate = op.valueDate ?? date;
  if (valueDate > date)
    throw new AppError(
      'validation_failed',
      `The value date ${valueDate} is after the business date ${date}`,
      [{ path: 'body.valueDate', message: 'after the business date' }],
    );
  const before = JSON.parse(row.state) as ServicingAccount;
  const txnId = ctx.ids.next('ltx');
  const event = op.event(txnId, valueDate, before, rules);
  const applied = applyAccountEvent(before, event);
  if (!applied.ok)
    throw new AppError(
      ENGINE_CODES[applied.code] ?? 'loan_state_conflict',
      `${applied.code}: ${applied.message}`,
    );
  const account = applied.account;
  const snapshot = snapshotOf(account, date, rules);

  const rows = await listLoanTransactions(tx, loanId);
  const previous = new Map<string, PostedEffect>();
  const funds = new Map<string, Funds>();
  for (const r of rows) {
    funds.set(r.id, fundsFromText(r.channel));
    const posted = JSON.parse(r.effect) as PostedEffect | null;
    if (posted && r.reversed_by === null) previous.set(r.id, posted);
  }
  const terms = JSON.parse(row.terms) as LoanTerms;
  const ownFunds = op.funds ?? terms.disbursement;
  funds.set(txnId, ownFunds);
  const effects = effectsOf(account);
  const changed = new Set(effects.map((e) => JSON.stringify(e)));
  const stale = [...previous.values()].filter((p) => !changed.has(JSON.stringify(p.effect)));
  const previousEntries = new Map(
    (await findEntries(tx, { ids: stale.flatMap((p) => p.entryIds) })).map((e) => [e.id, asJournalEntry(e)]),
  );
  const classification = row.classification;
  const rate = isCategory(classification) ? config.provisioning[classification] : '1';
  const held = await allowanceHeld(tx, classification, row.currency);
  const plan = planPostings({
    loanId,
    currency: row.currency,
    basis: config.basis,
    chart: CHART,
    businessDate: date,
    previous,
    previousEntries,
    effects,
    fundsOf: (id) => funds.get(id) ?? terms.disbursement,
    booked: positionOf(row),
    target: snapshot.position,
    writeOff: (amount) => ({
      classification,
      fromAllowanceMinor: Math.max(0, Math.min(held, applyRate(amount, rate))),
    }),
    newId: () => ctx.ids.next('je'),
  });
  await postEntries(ctx, tx, plan.entries, row.borrower_id);

  const now = nowIso(ctx);
  const ownPosted = plan.posted.get(txnId) ?? null;
  const amount = op.amountOf ? op.amountOf(event) : (ownPosted?.effect.amountMinor ?? 0);
  await insertLoanTransaction(tx, {
    id: txnId,
    loan_id: loanId,
    borrower_id: row.borrower_id,
    seq: rows.length + 1,
    type: event.type === 'repay' && ownPosted?.effect.type === 'recovery' ? 'recovery' : op.type,
    business_date: date,
    value_date: valueDate,
    amount_minor: amount,
    channel: event.type === 'disburse' || event.type === 'repay' ? fundsText(ownFunds) : null,
    effect: JSON.stringify(ownPosted),
    reversed_by: null,
    actor: actorOf(actor),
    created_at: now,
  });
  for (const [eventId, posted] of plan.posted) {
    if (eventId !== txnId) await updateLoanTransaction(tx, eventId, { effect: JSON.stringify(posted) });
  }
  for (const eventId of plan.withdrawn) await updateLoanTransaction(tx, eventId, { reversedBy: txnId });

  const status = statusOf(account);
  const closing = ['closed', 'overpaid', 'written_off'].includes(status);
  const patch = {
    ...snapshotColumns(snapshot),
    status,
    state: JSON.stringify(account),
    eodInput: encodeEodInput(account),
    disbursed_on: account.engine.disbursementDate ?? null,
    closed_on: closing ? (row.closed_on ?? date) : null,
    updated_at: now,
  };
  await updateLoan(tx, loanId, patch);
  await recordStatus(ctx, tx, actor, row, row.status, status, date);
  await insertClassificationChanges(
    tx,
    classificationChange(
      ctx,
      loanId,
      row.classification,
      snapshot.classification,
      'transaction',
      actor,
      snapshot.dpd,
      date,
    ),
  );
  await audit(ctx, tx, actor, {
    action: op.action,
    subjectType: 'loan',
    subjectId: loanId,
    before: { status: row.status, position: positionOf(row) },
    after: { status, position: snapshot.position },
    details: { transactionId: txnId, amountMinor: amount, entries: plan.entries.map((e) => e.id) },
  });
  await emit(ctx, tx, `loan:${loanId}`, `loan.${op.type}`, {
    loanId,
    transactionId: txnId,
    amountMinor: amount,
    businessDate: date,
  });
  const stored = await listLoanTransactions(tx, loanId);
  const mine = stored.find((r) => r.id === txnId) as LoanTransactionRow;
  return {
    transaction: transactionView(mine),
    loan: loanView({ ...row, ...patch, version: row.version + 1 }),
  };
}

function statusOf(account: ServicingAccount): LoanAccountStatus {
  const s = account.engine.status;
  if (s === 'approved') return 'approved';
  if (s === 'active') return 'active';
  // Charges can keep a loan open after its schedule is repaid.
  const chargesLeft = account.charges.some(
    (c) => c.amountMinor - c.paidMinor - c.waivedMinor - c.writtenOffMinor > 0,
  );
  if ((s === 'closed' || s === 'overpaid') && chargesLeft) return 'active';
  return s;
}

/**
 * Disburses an approved loan on the business date: to the borrower through a channel, or by
 * entrusted payment to a merchant (the proceeds become a payable to the merchant).
 *
 * @example await disburseLoan(ctx, tx, ops, loanId, { kind: 'merchant', merchant: 'seed-co' });
 */
export async function disburseLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  to?: Disbursement,
): Promise<LoanOperationResult> {
  return operate(ctx, tx, actor, loanId, {
    action: 'loan.disburse',
    type: 'disbursement',
    statuses: ['approved'],
    funds: to,
    event: (id, date) => ({ type: 'disburse', id, date }),
  });
}

/**
 * Records a repayment of any amount through a channel (allocated by the product's order: charges
 * first, then the schedule; any excess becomes an overpayment). On a written-off loan it is a
 * recovery. `valueDate` may be earlier than the business date (later transactions are re-applied).
 *
 * @example await repayLoan(ctx, tx, officer, loanId, { amountMinor: 85_000, channel: 'alipay' });
 */
export async function repayLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  input: { amountMinor: number; channel: string; valueDate?: string | undefined },
): Promise<LoanOperationResult> {
  return operate(ctx, tx, actor, loanId, {
    action: 'loan.repay',
    type: 'repayment',
    statuses: ['active', 'overpaid', 'closed', 'written_off'],
    funds: { kind: 'channel', channel: input.channel },
    valueDate: input.valueDate,
    event: (id, date) => ({ type: 'repay', id, date, amountMinor: input.amountMinor }),
    amountOf: () => input.amountMinor,
  });
}

/**
 * What paying the loan off on the business date costs, by component.
 *
 * @example (await payoffQuoteFor(ctx, officer, loanId)).totalMinor
 */
export async function payoffQuoteFor(
  ctx: ServiceContext,
  actor: Principal,
  loanId: string,
): Promise<{
  date: string;
  principalMinor: number;
  interestMinor: number;
  feesMinor: number;
  penaltiesMinor: number;
  totalMinor: number;
}> {
  const row = await findLoan(ctx.store.db, loanId);
  if (!visible(row, actor)) throw new AppError('not_found', `No loan ${loanId}`);
  const config = await productConfigOf(ctx, ctx.store.db, row.product_id);
  const date = await businessDate(ctx, ctx.store.db);
  const s = snapshotOf(JSON.parse(row.state) as ServicingAccount, date, rulesOf(config, row));
  return {
    date,
    principalMinor: s.payoff.principal,
    interestMinor: s.payoff.interest,
    feesMinor: s.payoff.fee,
    penaltiesMinor: s.payoff.penalty,
    totalMinor: s.payoffMinor,
  };
}

/**
 * Pays the loan off in full on the business date (the payoff quote: principal, interest to date,
 * due fees, penalties and charges; later interest is not charged).
 *
 * @example await payoffLoan(ctx, tx, officer, loanId, { channel: 'bank' });
 */
export async function payoffLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  input: { channel: string },
): Promise<LoanOperationResult> {
  let amount = 0;
  return operate(ctx, tx, actor, loanId, {
    action: 'loan.payoff',
    type: 'payoff',
    statuses: ['active'],
    funds: { kind: 'channel', channel: input.channel },
    event: (id, date, account, rules) => {
      amount = snapshotOf(account, date, rules).payoffMinor;
      if (amount <= 0) throw new AppError('loan_state_conflict', `Loan ${loanId} owes nothing`);
      return { type: 'repay', id, date, amountMinor: amount };
    },
    amountOf: () => amount,
  });
}

/**
 * Charges a fee or a penalty to an active loan (paid before scheduled amounts).
 *
 * @example await chargeLoan(ctx, tx, ops, loanId, { component: 'fee', amountMinor: 2_000 });
 */
export async function chargeLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  input: { component: 'fee' | 'penalty'; amountMinor: number },
): Promise<LoanOperationResult> {
  return operate(ctx, tx, actor, loanId, {
    action: 'loan.charge',
    type: input.component === 'fee' ? 'fee_charge' : 'penalty_charge',
    statuses: ['active'],
    event: (id, date) => ({
      type: 'charge',
      id,
      date,
      component: input.component,
      amountMinor: input.amountMinor,
    }),
  });
}

/**
 * Waives interest, fees or penalties (all of the component when no amount is given).
 *
 * @example await waiveLoan(ctx, tx, ops, loanId, { component: 'penalty' });
 */
export async function waiveLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  input: { component: 'interest' | 'fee' | 'penalty'; amountMinor?: number | undefined },
): Promise<LoanOperationResult> {
  return operate(ctx, tx, actor, loanId, {
    action: 'loan.waive',
    type: 'waiver',
    statuses: ['active'],
    event: (id, date) => ({
      type: 'waive',
      id,
      date,
      component: input.component,
      ...(input.amountMinor ? { amountMinor: input.amountMinor } : {}),
    }),
  });
}

/**
 * Writes a loan off: what it has on the books leaves them, charged first to the loss allowance
 * held for it (its exposure at its category's provisioning rate), the rest to expense.
 *
 * @example await writeOffLoan(ctx, tx, ops, loanId);
 */
export async function writeOffLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
): Promise<LoanOperationResult> {
  return operate(ctx, tx, actor, loanId, {
    action: 'loan.write_off',
    type: 'write_off',
    statuses: ['active'],
    event: (id, date) => ({ type: 'write_off', id, date }),
  });
}

/** Records money recovered on a written-off loan (income). */
export async function recoverLoan(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  input: { amountMinor: number; channel: string },
): Promise<LoanOperationResult> {
  return operate(ctx, tx, actor, loanId, {
    action: 'loan.recover',
    type: 'recovery',
    statuses: ['written_off'],
    funds: { kind: 'channel', channel: input.channel },
    event: (id, date) => ({ type: 'repay', id, date, amountMinor: input.amountMinor }),
    amountOf: () => input.amountMinor,
  });
}

/**
 * Reverses a transaction: the loan is rebuilt without it, every later transaction is re-applied in
 * order, and the journal gets reversing entries for everything whose effect changed plus the
 * re-posted entries.
 *
 * @example await reverseTransaction(ctx, tx, ops, loanId, 'ltx_…');
 */
export async function reverseTransaction(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  transactionId: string,
): Promise<LoanOperationResult> {
  return operate(ctx, tx, actor, loanId, {
    action: 'loan.reverse',
    type: 'reversal',
    statuses: ['active', 'closed', 'overpaid', 'written_off'],
    event: (id, date) => ({ type: 'reverse', id, date, targetId: transactionId }),
    amountOf: () => 0,
  });
}

/**
 * Sets staff's classification of a loan. Staff may only make it worse than the floor set by days
 * past due; end of day keeps the worse of the two.
 *
 * @example await classifyLoanByStaff(ctx, tx, ops, loanId, 'substandard');
 */
export async function classifyLoanByStaff(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  loanId: string,
  category: LoanCategory,
): Promise<LoanView> {
  const row = await loadForUpdate(ctx, tx, actor, loanId);
  if (row.status !== 'active') throw new AppError('loan_state_conflict', `Loan ${loanId} is ${row.status}`);
  const config = await productConfigOf(ctx, tx, row.product_id);
  const date = await businessDate(ctx, tx);
  const snapshot = snapshotOf(
    JSON.parse(row.state) as ServicingAccount,
    date,
    rulesOf(config, { staff_classification: null }),
  );
  if (worseCategory(category, snapshot.floor) !== category)
    throw new AppError(
      'classification_below_floor',
      `The floor of loan ${loanId} is ${snapshot.floor} (${snapshot.dpd} days past due)`,
    );
  const patch = { staff_classification: category, classification: category, updated_at: nowIso(ctx) };
  await updateLoan(tx, loanId, patch);
  await insertClassificationChanges(
    tx,
    classificationChange(ctx, loanId, row.classification, category, 'staff', actor, snapshot.dpd, date),
  );
  await audit(ctx, tx, actor, {
    action: 'loan.classify',
    subjectType: 'loan',
    subjectId: loanId,
    before: { classification: row.classification },
    after: { classification: category },
    details: { floor: snapshot.floor, dpd: snapshot.dpd },
  });
  await emit(ctx, tx, `loan:${loanId}`, 'loan.classified', {
    loanId,
    classification: category,
    floor: snapshot.floor,
  });
  return loanView({ ...row, ...patch });
}

/** One loan as `actor` may see it (borrowers: their own; partners: those they originated). */
export async function getLoan(ctx: ServiceContext, actor: Principal, id: string): Promise<LoanDetail> {
  const row = await findLoan(ctx.store.db, id);
  if (!visible(row, actor)) throw new AppError('not_found', `No loan ${id}`);
  const account = JSON.parse(row.state) as ServicingAccount;
  const history = await listLoanStatusChanges(ctx.store.db, id);
  const classifications = await listClassificationChanges(ctx.store.db, id);
  return {
    ...loanView(row),
    installments: account.engine.installments.map((i) => ({
      n: i.n,
      dueDate: i.dueDate,
      dueMinor: { ...i.due },
      paidMinor: { ...i.paid },
      outstandingMinor:
        i.due.principal +
        i.due.interest +
        i.due.fee +
        i.due.penalty -
        (i.paid.principal + i.paid.interest + i.paid.fee + i.paid.penalty) -
        (i.waived.principal + i.waived.interest + i.waived.fee + i.waived.penalty) -
        (i.writtenOff.principal + i.writtenOff.interest + i.writtenOff.fee + i.writtenOff.penalty),
    })),
    classificationHistory: classifications.map((c) => ({
      from: c.from_category,
      to: c.to_category,
      source: c.source as ClassificationSource,
      actor: c.actor,
      dpd: Number(c.dpd),
      businessDate: c.business_date,
      at: c.at,
    })),
    statusHistory: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      actor: h.actor,
      at: h.at,
      businessDate: h.business_date,
      reason: h.reason,
    })),
  };
}

/** A loan in a list: its view and its borrower's name. */
export interface LoanListItem extends LoanView {
  readonly borrowerName: string;
}

/**
 * Loans visible to `actor`, newest first (a borrower sees its own; a partner those it originated),
 * filtered by status, borrower, product code (any version), classification or a minimum of days
 * past due.
 *
 * @example await listLoans(ctx, officer, { productCode: 'MICRO12', minDpd: 30, limit: 20, offset: 0 });
 */
export async function listLoans(
  ctx: ServiceContext,
  actor: Principal,
  filter: {
    status?: LoanAccountStatus | undefined;
    borrowerId?: string | undefined;
    productCode?: string | undefined;
    classification?: LoanCategory | undefined;
    minDpd?: number | undefined;
    limit: number;
    offset: number;
  },
): Promise<LoanListItem[]> {
  const scope =
    actor.kind === 'borrower'
      ? { borrowerId: actor.id }
      : actor.kind === 'partner'
        ? { partnerId: actor.id, borrowerId: filter.borrowerId }
        : { borrowerId: filter.borrowerId };
  const rows = await listLoanRows(ctx.store.db, {
    ...scope,
    status: filter.status,
    productCode: filter.productCode,
    classification: filter.classification,
    minDpd: filter.minDpd,
    limit: filter.limit,
    offset: filter.offset,
  });
  return rows.map((row) => ({ ...loanView(row), borrowerName: row.borrower_name }));
}

/** A loan's transactions, oldest first. */
export async function listLoanTransactionsFor(
  ctx: ServiceContext,
  actor: Principal,
  id: string,
): Promise<LoanTransactionView[]> {
  const row = await findLoan(ctx.store.db, id);
  if (!visible(row, actor)) throw new AppError('not_found', `No loan ${id}`);
  return (await listLoanTransactions(ctx.store.db, id)).map(transactionView);
}

/** A loan's journal entries in posting order (staff). */
export async function loanJournal(ctx: ServiceContext, actor: Principal, id: string) {
  const row = await findLoan(ctx.store.db, id);
  if (!visible(row, actor)) throw new AppError('not_found', `No loan ${id}`);
  return (await findEntries(ctx.store.db, { loanId: id })).map(asJournalEntry);
}
