import type { Account } from './account.ts';
import { type Chart, createChart } from './chart.ts';

/**
 * The default chart of accounts for a small lender, as data. Codes follow the numbering of the
 * Chinese accounting standards for financial enterprises where one exists (1002 bank deposits,
 * 1132 interest receivable, 1303 loans, 1304 loan-loss allowance, 6011 interest income, …);
 * the lending-specific receivables (1133, 1134) and income (6012) use free neighbouring codes.
 * Extend or override it with {@link extendChart}.
 */
export const DEFAULT_ACCOUNTS: readonly Account[] = [
  {
    code: '1002',
    name: { en: 'Cash and settlement at payment channels', zhCN: '支付渠道存款及清算款' },
    type: 'asset',
    normalSide: 'debit',
    role: 'cash',
    subAccounts: 'channel',
    description: 'Money held at, or in transit through, each payment channel (bank, Alipay, WeChat Pay, …).',
  },
  {
    code: '1221',
    name: { en: 'Partner settlement', zhCN: '合作方清算款' },
    type: 'asset',
    normalSide: 'debit',
    role: 'partnerSettlement',
    subAccounts: 'partner',
    description:
      'Repayments a scenario partner collected for us and has not yet remitted (credit: we owe the partner).',
  },
  {
    code: '1132',
    name: { en: 'Interest receivable', zhCN: '应收利息' },
    type: 'asset',
    normalSide: 'debit',
    role: 'interestReceivable',
    description: 'Accrued interest not yet paid (accrual basis only).',
  },
  {
    code: '1133',
    name: { en: 'Fees receivable', zhCN: '应收手续费' },
    type: 'asset',
    normalSide: 'debit',
    role: 'feeReceivable',
    description: 'Charged fees not yet paid (accrual basis only).',
  },
  {
    code: '1134',
    name: { en: 'Penalty interest receivable', zhCN: '应收罚息' },
    type: 'asset',
    normalSide: 'debit',
    role: 'penaltyReceivable',
    description: 'Charged penalties not yet paid (accrual basis only).',
  },
  {
    code: '1303',
    name: { en: 'Loans receivable — principal', zhCN: '贷款本金' },
    type: 'asset',
    normalSide: 'debit',
    role: 'loanPrincipal',
    description: 'Outstanding principal: control account of the loan sub-ledger.',
  },
  {
    code: '1304',
    name: { en: 'Loan-loss allowance', zhCN: '贷款损失准备' },
    type: 'contra-asset',
    normalSide: 'credit',
    role: 'lossAllowance',
    subAccounts: 'classification',
    description:
      'Allowance per five-category classification (normal, special_mention, substandard, doubtful, loss).',
  },
  {
    code: '2202',
    name: { en: 'Payable to merchants — entrusted payments', zhCN: '应付受托支付款' },
    type: 'liability',
    normalSide: 'credit',
    role: 'merchantPayable',
    subAccounts: 'merchant',
    description: 'Loan proceeds owed to the merchant named in an entrusted payment, until paid out.',
  },
  {
    code: '2241',
    name: { en: 'Borrower overpayments', zhCN: '借款人溢缴款' },
    type: 'liability',
    normalSide: 'credit',
    role: 'overpayments',
    description: 'Money received beyond what a loan owes; applied later or refunded.',
  },
  {
    code: '2501',
    name: { en: 'Funding borrowings', zhCN: '借入资金' },
    type: 'liability',
    normalSide: 'credit',
    role: 'fundingBorrowings',
    description: 'Money borrowed to fund lending (bank lines, funding partners).',
  },
  {
    code: '4001',
    name: { en: 'Paid-in capital', zhCN: '实收资本' },
    type: 'equity',
    normalSide: 'credit',
    role: 'paidInCapital',
  },
  {
    code: '6011',
    name: { en: 'Interest income', zhCN: '利息收入' },
    type: 'income',
    normalSide: 'credit',
    role: 'interestIncome',
  },
  {
    code: '6012',
    name: { en: 'Penalty interest income', zhCN: '罚息收入' },
    type: 'income',
    normalSide: 'credit',
    role: 'penaltyIncome',
  },
  {
    code: '6021',
    name: { en: 'Fee income', zhCN: '手续费及佣金收入' },
    type: 'income',
    normalSide: 'credit',
    role: 'feeIncome',
  },
  {
    code: '6301',
    name: { en: 'Recoveries of written-off loans', zhCN: '已核销贷款收回' },
    type: 'income',
    normalSide: 'credit',
    role: 'recoveryIncome',
  },
  {
    code: '6702',
    name: { en: 'Loan-loss provision expense', zhCN: '信用减值损失' },
    type: 'expense',
    normalSide: 'debit',
    role: 'provisionExpense',
  },
  {
    code: '6711',
    name: { en: 'Write-off and waiver losses', zhCN: '核销及减免损失' },
    type: 'expense',
    normalSide: 'debit',
    role: 'writeOffExpense',
    description: 'Write-offs not covered by the allowance, and waived principal.',
  },
];

function build(): Chart {
  const r = createChart(DEFAULT_ACCOUNTS);
  if (!r.ok) throw new Error(`default chart is invalid: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

/**
 * The validated default chart.
 *
 * @example DEFAULT_CHART.byRole.get('loanPrincipal')?.code // '1303'
 */
export const DEFAULT_CHART: Chart = build();
