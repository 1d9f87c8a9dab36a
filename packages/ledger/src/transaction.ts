import type { JournalEntry } from './journal-entry.ts';

/**
 * The accounting basis of a product. Cash: interest, fees and penalties become income when
 * received and no receivable is booked. Accrual: they are booked as receivable and income when
 * accrued or charged, and repayment settles the receivable.
 */
export type Basis = 'cash' | 'accrual';

/** Where money comes in or goes out: a payment channel's cash account, or a partner's settlement account. */
export type FundsAccount =
  | { readonly kind: 'channel'; readonly channel: string }
  | { readonly kind: 'partner'; readonly partner: string };

/** Fields every transaction carries; they become the journal entry's header. */
export interface TransactionHeader {
  /** Id of the journal entry to build (caller-supplied, unique). */
  readonly id: string;
  /** The business transaction reference (repayment id, EOD run id, …). */
  readonly txnRef: string;
  /** `YYYY-MM-DD`. */
  readonly businessDate: string;
  /** `YYYY-MM-DD`; defaults to `businessDate`. */
  readonly valueDate?: string;
  readonly loanId?: string;
  /** Defaults to a short English description of the transaction type. */
  readonly memo?: string;
}

/** A transaction that moves an amount in one currency. */
export interface MonetaryHeader extends TransactionHeader {
  /** ISO 4217 code, e.g. `CNY`. */
  readonly currency: string;
}

/** Capital paid in, or money borrowed to lend, arriving at a channel. */
export interface FundingTxn extends MonetaryHeader {
  readonly type: 'funding';
  readonly source: 'capital' | 'borrowing';
  readonly to: FundsAccount;
  readonly amountMinor: number;
}

/** Loan proceeds paid to the borrower through a channel, or owed to a merchant by entrusted payment (受托支付). */
export interface DisbursementTxn extends MonetaryHeader {
  readonly type: 'disbursement';
  readonly to: FundsAccount | { readonly kind: 'merchant'; readonly merchant: string };
  readonly amountMinor: number;
}

/** Paying out what an entrusted payment left owed to a merchant. */
export interface MerchantPayoutTxn extends MonetaryHeader {
  readonly type: 'merchant_payout';
  readonly merchant: string;
  readonly from: FundsAccount;
  readonly amountMinor: number;
}

/** Amounts by loan component; omitted components are zero. */
export interface ComponentAmounts {
  readonly principalMinor?: number;
  readonly interestMinor?: number;
  readonly feesMinor?: number;
  readonly penaltiesMinor?: number;
}

/**
 * A repayment already split by component (the loan engine's allocation). The money arrives at a
 * channel or partner, or is taken from the loan's overpayment balance (`from: { kind: 'overpayment' }`,
 * then `overpaymentMinor` must be 0).
 */
export interface RepaymentTxn extends MonetaryHeader, ComponentAmounts {
  readonly type: 'repayment';
  readonly from: FundsAccount | { readonly kind: 'overpayment' };
  /** Money received beyond what the loan owes. */
  readonly overpaymentMinor?: number;
}

/** Interest earned for a period (EOD). Accrual basis only; no entry under cash basis. */
export interface InterestAccrualTxn extends MonetaryHeader {
  readonly type: 'interest_accrual';
  readonly amountMinor: number;
}

/** A fee charged to the loan. Accrual basis only; under cash basis it is income when paid. */
export interface FeeChargeTxn extends MonetaryHeader {
  readonly type: 'fee_charge';
  readonly amountMinor: number;
}

/** A penalty charged on overdue amounts. Accrual basis only; under cash basis it is income when paid. */
export interface PenaltyChargeTxn extends MonetaryHeader {
  readonly type: 'penalty_charge';
  readonly amountMinor: number;
}

/** Amounts forgiven by component. Interest, fees and penalties are only on the books under accrual basis. */
export interface WaiverTxn extends MonetaryHeader, ComponentAmounts {
  readonly type: 'waiver';
}

/**
 * Writing a loan off: its principal and (accrual basis) receivables leave the books. The caller
 * says how much of that is charged to the loss allowance of `classification` (normally the
 * allowance held for this loan, at most the amount written off); the rest is a write-off expense.
 */
export interface WriteOffTxn extends MonetaryHeader, ComponentAmounts {
  readonly type: 'write_off';
  /** The loan's classification: the allowance sub-account drawn on. */
  readonly classification: string;
  readonly fromAllowanceMinor: number;
}

/** Money received on a loan after it was written off. */
export interface RecoveryTxn extends MonetaryHeader {
  readonly type: 'recovery';
  readonly from: FundsAccount;
  readonly amountMinor: number;
}

/** Returning an overpayment to the borrower. */
export interface OverpaymentRefundTxn extends MonetaryHeader {
  readonly type: 'overpayment_refund';
  readonly to: FundsAccount;
  readonly amountMinor: number;
}

/** Settling with a scenario partner: the partner remits collections to us, or we fund the partner. */
export interface PartnerSettlementTxn extends MonetaryHeader {
  readonly type: 'partner_settlement';
  readonly partner: string;
  readonly channel: string;
  readonly direction: 'partner_to_lender' | 'lender_to_partner';
  readonly amountMinor: number;
}

/**
 * Moving the loss allowance of one classification from its current balance to a target
 * (EOD provisioning). Increases are an expense; decreases release it.
 */
export interface ProvisionTxn extends MonetaryHeader {
  readonly type: 'provision';
  readonly classification: string;
  /** The allowance balance now (read from the ledger with {@link balanceAt}). */
  readonly currentMinor: number;
  readonly targetMinor: number;
}

/** Cancelling a posted entry with its mirror image. */
export interface ReversalTxn extends TransactionHeader {
  readonly type: 'reversal';
  readonly original: JournalEntry;
}

/** Every transaction {@link post} knows, discriminated by `type`. */
export type LedgerTransaction =
  | FundingTxn
  | DisbursementTxn
  | MerchantPayoutTxn
  | RepaymentTxn
  | InterestAccrualTxn
  | FeeChargeTxn
  | PenaltyChargeTxn
  | WaiverTxn
  | WriteOffTxn
  | RecoveryTxn
  | OverpaymentRefundTxn
  | PartnerSettlementTxn
  | ProvisionTxn
  | ReversalTxn;

/** The `type` of a transaction. */
export type TransactionType = LedgerTransaction['type'];

/** Transaction types posted through the rule table (all but `reversal`). */
export type RuledTransactionType = Exclude<TransactionType, 'reversal'>;
