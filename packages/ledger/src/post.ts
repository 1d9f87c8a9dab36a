import type { AccountRole, SubAccountDimension } from './account.ts';
import { accountId } from './account-id.ts';
import type { Chart } from './chart.ts';
import { isIsoDate } from './dates.ts';
import { fail, issue, type LedgerIssue, type LedgerResult, ok } from './errors.ts';
import type { JournalEntry, JournalLine } from './journal-entry.ts';
import { DEFAULT_POSTING_RULES, type PostingRules } from './posting-rules.ts';
import { reverseEntry } from './reverse-entry.ts';
import type { Basis, FundsAccount, LedgerTransaction, RuledTransactionType } from './transaction.ts';
import { validateEntry } from './validate-entry.ts';

const CURRENCY = /^[A-Z]{3}$/;

/** What a transaction contributes to its rule lines: named amounts, the funds account and sub-account keys. */
interface Binding {
  readonly amounts: Readonly<Record<string, number>>;
  readonly funds?: FundsAccount;
  readonly keys: Partial<Record<SubAccountDimension, string>>;
}

const MEMO: Readonly<Record<RuledTransactionType, string>> = {
  funding: 'Funding received',
  disbursement: 'Loan disbursement',
  merchant_payout: 'Entrusted payment to merchant',
  repayment: 'Repayment',
  interest_accrual: 'Interest accrual',
  fee_charge: 'Fee charge',
  penalty_charge: 'Penalty charge',
  waiver: 'Waiver',
  write_off: 'Write-off',
  recovery: 'Recovery after write-off',
  overpayment_refund: 'Overpayment refund',
  partner_settlement: 'Partner settlement',
  provision: 'Loss allowance adjustment',
};

/**
 * Turns a business transaction into its journal entry under the product's accounting basis,
 * using the chart's accounts for the roles the rules name (default rules:
 * {@link DEFAULT_POSTING_RULES}). The result is validated by {@link validateEntry}.
 *
 * `value: null` means the transaction has nothing to recognise on this basis (an interest
 * accrual, fee or penalty charge under cash basis; a waiver of only interest under cash basis;
 * a provision already at target). Amounts that must be positive are checked
 * (`ledger.non_positive_amount`); component amounts may be zero but not negative
 * (`ledger.negative_amount`).
 *
 * @example
 * post({ type: 'repayment', id: 'je-9', txnRef: 'rp-9', businessDate: '2025-03-01', currency: 'CNY',
 *        loanId: 'L1', from: { kind: 'channel', channel: 'alipay' }, principalMinor: 9000, interestMinor: 1000 },
 *      'accrual', DEFAULT_CHART)
 * // ok: Dr 1002:alipay 10000 / Cr 1303 9000 / Cr 1132 1000
 */
export function post(
  txn: LedgerTransaction,
  basis: Basis,
  chart: Chart,
  rules: PostingRules = DEFAULT_POSTING_RULES,
): LedgerResult<JournalEntry | null> {
  const errors: LedgerIssue[] = [];
  if (basis !== 'cash' && basis !== 'accrual') {
    errors.push(issue('ledger.invalid_basis', `invalid basis ${String(basis)}`));
  }
  if (typeof txn.id !== 'string' || txn.id.trim() === '') {
    errors.push(issue('ledger.missing_field', 'entry id is required', 'id'));
  }
  if (typeof txn.txnRef !== 'string' || txn.txnRef.trim() === '') {
    errors.push(issue('ledger.missing_field', 'transaction reference is required', 'txnRef'));
  }
  if (!isIsoDate(txn.businessDate)) {
    errors.push(
      issue('ledger.invalid_date', `invalid business date ${String(txn.businessDate)}`, 'businessDate'),
    );
  }
  if (txn.valueDate !== undefined && !isIsoDate(txn.valueDate)) {
    errors.push(issue('ledger.invalid_date', `invalid value date ${String(txn.valueDate)}`, 'valueDate'));
  }
  if (txn.type === 'reversal') {
    if (errors.length > 0) return fail(errors);
    const original = validateEntry(txn.original, chart);
    if (!original.ok) return original;
    const entry = reverseEntry(txn.original, {
      id: txn.id,
      businessDate: txn.businessDate,
      txnRef: txn.txnRef,
      ...(txn.valueDate === undefined ? {} : { valueDate: txn.valueDate }),
      ...(txn.memo === undefined ? {} : { memo: txn.memo }),
    });
    return validateEntry(entry, chart);
  }
  if (typeof txn.currency !== 'string' || !CURRENCY.test(txn.currency)) {
    errors.push(issue('ledger.invalid_currency', `invalid currency ${String(txn.currency)}`, 'currency'));
  }
  const ruleSet = (rules as Partial<PostingRules>)[txn.type];
  if (ruleSet === undefined) {
    errors.push(issue('ledger.unknown_transaction_type', `no posting rule for ${String(txn.type)}`, 'type'));
    return fail(errors);
  }
  const binding = bind(txn, basis, errors);
  if (errors.length > 0 || binding === undefined) return fail(errors);

  const lines: JournalLine[] = [];
  for (const rule of basis === 'cash' ? ruleSet.cash : ruleSet.accrual) {
    const amountMinor = binding.amounts[rule.amount];
    if (amountMinor === undefined) {
      errors.push(
        issue(
          'ledger.invalid_transaction',
          `rule for ${txn.type} uses unknown amount "${rule.amount}"`,
          'rules',
        ),
      );
      continue;
    }
    if (amountMinor === 0) continue;
    const account = resolve(rule.account, binding, chart, errors);
    if (account !== undefined) lines.push({ account, side: rule.side, amountMinor, currency: txn.currency });
  }
  if (errors.length > 0) return fail(errors);
  if (lines.length === 0) return ok(null);
  // Built without object spread: spread plus extra properties takes a slow path in V8.
  const entry: Mutable<JournalEntry> = {
    id: txn.id,
    businessDate: txn.businessDate,
    valueDate: txn.valueDate ?? txn.businessDate,
    txnRef: txn.txnRef,
    txnType: txn.type,
    memo: txn.memo ?? MEMO[txn.type],
    lines,
  };
  if (txn.loanId !== undefined) entry.loanId = txn.loanId;
  return validateEntry(entry, chart);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Resolves a rule's account slot to an account id of the chart. */
function resolve(
  slot: AccountRole | 'funds',
  binding: Binding,
  chart: Chart,
  errors: LedgerIssue[],
): string | undefined {
  let role: AccountRole;
  let fundsKey: string | undefined;
  if (slot === 'funds') {
    const funds = binding.funds;
    if (funds === undefined) {
      errors.push(
        issue('ledger.invalid_transaction', 'the rule needs a funds account the transaction lacks'),
      );
      return undefined;
    }
    role = funds.kind === 'channel' ? 'cash' : 'partnerSettlement';
    fundsKey = funds.kind === 'channel' ? funds.channel : funds.partner;
  } else {
    role = slot;
  }
  const account = chart.byRole.get(role);
  if (account === undefined) {
    errors.push(issue('ledger.missing_role', `the chart has no account with role ${role}`));
    return undefined;
  }
  if (account.subAccounts === undefined) return account.code;
  const key = fundsKey ?? binding.keys[account.subAccounts];
  if (key === undefined) {
    errors.push(
      issue(
        'ledger.missing_sub_account',
        `account ${account.code} needs a ${account.subAccounts} the transaction lacks`,
      ),
    );
    return undefined;
  }
  return accountId(account.code, key);
}

/** Checks one amount: a safe integer, non-negative, and positive when `positive`. Returns 0 on error. */
function amount(value: unknown, path: string, errors: LedgerIssue[], positive: boolean): number {
  if (value === undefined && !positive) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    errors.push(issue('ledger.not_integer', `${path} ${String(value)} is not a safe integer`, path));
    return 0;
  }
  if (positive && value <= 0) {
    errors.push(issue('ledger.non_positive_amount', `${path} ${value} must be positive`, path));
    return 0;
  }
  if (value < 0) {
    errors.push(issue('ledger.negative_amount', `${path} ${value} must not be negative`, path));
    return 0;
  }
  return value;
}

function components(
  txn: { principalMinor?: number; interestMinor?: number; feesMinor?: number; penaltiesMinor?: number },
  errors: LedgerIssue[],
) {
  return {
    principal: amount(txn.principalMinor, 'principalMinor', errors, false),
    interest: amount(txn.interestMinor, 'interestMinor', errors, false),
    fees: amount(txn.feesMinor, 'feesMinor', errors, false),
    penalties: amount(txn.penaltiesMinor, 'penaltiesMinor', errors, false),
  };
}

function requireTotal(total: number, what: string, errors: LedgerIssue[]): void {
  if (!Number.isSafeInteger(total)) {
    errors.push(issue('ledger.amount_overflow', `${what} exceeds the safe-integer range`));
  } else if (total <= 0 && errors.length === 0) {
    errors.push(issue('ledger.non_positive_amount', `${what} must be positive`));
  }
}

/** Extracts the named amounts and keys of a ruled transaction, checking them. */
function bind(
  txn: Exclude<LedgerTransaction, { type: 'reversal' }>,
  basis: Basis,
  errors: LedgerIssue[],
): Binding | undefined {
  switch (txn.type) {
    case 'funding': {
      const a = amount(txn.amountMinor, 'amountMinor', errors, true);
      if (txn.source !== 'capital' && txn.source !== 'borrowing') {
        errors.push(issue('ledger.invalid_transaction', 'source must be capital or borrowing', 'source'));
      }
      return {
        amounts: {
          amount: a,
          capital: txn.source === 'capital' ? a : 0,
          borrowing: txn.source === 'borrowing' ? a : 0,
        },
        funds: txn.to,
        keys: {},
      } satisfies Binding;
    }
    case 'disbursement': {
      const a = amount(txn.amountMinor, 'amountMinor', errors, true);
      if (txn.to.kind === 'merchant') {
        return {
          amounts: { amount: a, direct: 0, entrusted: a },
          keys: { merchant: txn.to.merchant },
        } satisfies Binding;
      }
      return { amounts: { amount: a, direct: a, entrusted: 0 }, funds: txn.to, keys: {} } satisfies Binding;
    }
    case 'merchant_payout':
      return {
        amounts: { amount: amount(txn.amountMinor, 'amountMinor', errors, true) },
        funds: txn.from,
        keys: { merchant: txn.merchant },
      } satisfies Binding;
    case 'repayment': {
      const c = components(txn, errors);
      const overpayment = amount(txn.overpaymentMinor, 'overpaymentMinor', errors, false);
      const total = c.principal + c.interest + c.fees + c.penalties + overpayment;
      requireTotal(total, 'repayment total', errors);
      if (txn.from.kind === 'overpayment') {
        if (overpayment > 0) {
          errors.push(
            issue(
              'ledger.invalid_transaction',
              'a repayment from the overpayment balance cannot overpay',
              'overpaymentMinor',
            ),
          );
        }
        return {
          amounts: {
            principal: c.principal,
            interest: c.interest,
            fees: c.fees,
            penalties: c.penalties,
            overpayment,
            received: 0,
            fromOverpayment: total,
          },
          keys: {},
        } satisfies Binding;
      }
      return {
        amounts: {
          principal: c.principal,
          interest: c.interest,
          fees: c.fees,
          penalties: c.penalties,
          overpayment,
          received: total,
          fromOverpayment: 0,
        },
        funds: txn.from,
        keys: {},
      } satisfies Binding;
    }
    case 'interest_accrual':
    case 'fee_charge':
    case 'penalty_charge':
      return {
        amounts: { amount: amount(txn.amountMinor, 'amountMinor', errors, true) },
        keys: {},
      } satisfies Binding;
    case 'waiver': {
      const c = components(txn, errors);
      requireTotal(c.principal + c.interest + c.fees + c.penalties, 'waiver total', errors);
      return { amounts: c, keys: {} } satisfies Binding;
    }
    case 'write_off': {
      const c = components(txn, errors);
      const fromAllowance = amount(txn.fromAllowanceMinor, 'fromAllowanceMinor', errors, false);
      requireTotal(c.principal + c.interest + c.fees + c.penalties, 'write-off total', errors);
      // Only principal is on the books under cash basis; interest, fees and penalties are memo items.
      const onBooks = basis === 'accrual' ? c.principal + c.interest + c.fees + c.penalties : c.principal;
      if (fromAllowance > onBooks) {
        errors.push(
          issue(
            'ledger.allowance_exceeds_amount',
            `fromAllowanceMinor ${fromAllowance} exceeds the ${onBooks} written off on ${basis} basis`,
            'fromAllowanceMinor',
          ),
        );
      }
      return {
        amounts: {
          principal: c.principal,
          interest: c.interest,
          fees: c.fees,
          penalties: c.penalties,
          fromAllowance,
          fromExpense: Math.max(0, onBooks - fromAllowance),
        },
        keys: { classification: txn.classification },
      } satisfies Binding;
    }
    case 'recovery':
      return {
        amounts: { amount: amount(txn.amountMinor, 'amountMinor', errors, true) },
        funds: txn.from,
        keys: {},
      } satisfies Binding;
    case 'overpayment_refund':
      return {
        amounts: { amount: amount(txn.amountMinor, 'amountMinor', errors, true) },
        funds: txn.to,
        keys: {},
      } satisfies Binding;
    case 'partner_settlement': {
      const a = amount(txn.amountMinor, 'amountMinor', errors, true);
      if (txn.direction !== 'partner_to_lender' && txn.direction !== 'lender_to_partner') {
        errors.push(
          issue('ledger.invalid_transaction', 'direction must be partner_to_lender or lender_to_partner'),
        );
      }
      return {
        amounts: {
          fromPartner: txn.direction === 'partner_to_lender' ? a : 0,
          toPartner: txn.direction === 'lender_to_partner' ? a : 0,
        },
        keys: { channel: txn.channel, partner: txn.partner },
      } satisfies Binding;
    }
    case 'provision': {
      const current = amount(txn.currentMinor, 'currentMinor', errors, false);
      const target = amount(txn.targetMinor, 'targetMinor', errors, false);
      return {
        amounts: { increase: Math.max(0, target - current), release: Math.max(0, current - target) },
        keys: { classification: txn.classification },
      } satisfies Binding;
    }
    default: {
      const unknown: { type?: unknown } = txn;
      errors.push(
        issue('ledger.unknown_transaction_type', `no posting rule for ${String(unknown.type)}`, 'type'),
      );
      return undefined;
    }
  }
}
