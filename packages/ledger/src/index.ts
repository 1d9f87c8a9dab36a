// The public surface of @puhui/ledger: a pure double-entry general ledger for a small lender.

export {
  ACCOUNT_ROLES,
  ACCOUNT_TYPES,
  type Account,
  type AccountName,
  type AccountRole,
  type AccountType,
  NORMAL_SIDE,
  type Side,
  SUB_ACCOUNT_DIMENSIONS,
  type SubAccountDimension,
} from './account.ts';
export { accountId, parseAccountId } from './account-id.ts';
export {
  type AccountSelector,
  type AccountStatement,
  accountStatement,
  balanceAt,
  type StatementLine,
} from './account-statement.ts';
export { type AccountTotal, accountTotals, type DateField, type DateRange } from './account-totals.ts';
export { type Chart, createChart, extendChart, findAccount, missingRoles } from './chart.ts';
export { chartMarkdown } from './chart-markdown.ts';
export { isIsoDate } from './dates.ts';
export { DEFAULT_ACCOUNTS, DEFAULT_CHART } from './default-chart.ts';
export { LEDGER_ERRORS, type LedgerErrorCode, type LedgerIssue, type LedgerResult } from './errors.ts';
export type { JournalEntry, JournalLine } from './journal-entry.ts';
export { post } from './post.ts';
export {
  type AccountSlot,
  DEFAULT_POSTING_RULES,
  type LineRule,
  type PostingRules,
  type RuleSet,
} from './posting-rules.ts';
export { postingRulesMarkdown } from './posting-rules-markdown.ts';
export {
  CONTROL_ROLES,
  LOAN_COMPONENTS,
  type LoanComponent,
  type LoanDifference,
  type LoanPosition,
  type Reconciliation,
  type ReconciliationLine,
  reconcile,
  reconcileLoans,
  type SubledgerSummary,
  summariseSubledger,
} from './reconcile.ts';
export { type ReversalOptions, reverseEntry } from './reverse-entry.ts';
export type {
  Basis,
  ComponentAmounts,
  DisbursementTxn,
  FeeChargeTxn,
  FundingTxn,
  FundsAccount,
  InterestAccrualTxn,
  LedgerTransaction,
  MerchantPayoutTxn,
  MonetaryHeader,
  OverpaymentRefundTxn,
  PartnerSettlementTxn,
  PenaltyChargeTxn,
  ProvisionTxn,
  RecoveryTxn,
  RepaymentTxn,
  ReversalTxn,
  RuledTransactionType,
  TransactionHeader,
  TransactionType,
  WaiverTxn,
  WriteOffTxn,
} from './transaction.ts';
export {
  type TrialBalance,
  type TrialBalanceOptions,
  type TrialBalanceRow,
  type TrialBalanceTotal,
  trialBalance,
  trialBalanceOf,
} from './trial-balance.ts';
export { validateEntry } from './validate-entry.ts';
