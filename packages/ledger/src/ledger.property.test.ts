// Invariants of the ledger under random workloads. A small reference model of the loan
// sub-ledger (what each loan owes, the overpayment it holds, the allowance per classification)
// replays the same random operations as the posting rules; after every operation the books must
// balance, the trial balance must foot, the sub-ledger must equal the control accounts, and no
// control account may go negative.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountStatement, balanceAt } from './account-statement.ts';
import { accountTotals } from './account-totals.ts';
import { DEFAULT_CHART } from './default-chart.ts';
import type { JournalEntry, JournalLine } from './journal-entry.ts';
import { post } from './post.ts';
import { type LoanPosition, reconcile, reconcileLoans, summariseSubledger } from './reconcile.ts';
import { reverseEntry } from './reverse-entry.ts';
import type { Basis, FundsAccount, LedgerTransaction } from './transaction.ts';
import { trialBalanceOf } from './trial-balance.ts';
import { validateEntry } from './validate-entry.ts';

const CURRENCIES = ['CNY', 'USD'] as const;
const CHANNELS = ['icbc', 'alipay', 'wechat'] as const;
const PARTNERS = ['agri-mall', 'jd'] as const;
const MERCHANTS = ['seed-co', 'tractor-ltd'] as const;
const CLASSES = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const;
const COMPONENTS = ['principal', 'interest', 'fees', 'penalties', 'overpayment'] as const;
type Component = (typeof COMPONENTS)[number];

interface ModelLoan {
  readonly id: string;
  readonly currency: string;
  readonly basis: Basis;
  owed: Record<Component, number>;
  writtenOff: boolean;
}

/** What an entry did to the model, so a reversal can undo it. */
interface Delta {
  readonly loanId?: string;
  readonly owed: Partial<Record<Component, number>>;
  readonly writeOff: -1 | 0 | 1;
  readonly allowance?: { readonly currency: string; readonly cls: string; readonly d: number };
  readonly merchant?: { readonly currency: string; readonly merchant: string; readonly d: number };
}

const pct = fc.integer({ min: 0, max: 100 });
const amount = fc.integer({ min: 1, max: 50_000_000 });
const idx = fc.nat({ max: 1000 });

const command = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('disburse' as const),
      loan: idx,
      amount,
      dest: fc.nat({ max: 2 }),
      key: idx,
    }),
  },
  fc.record({ k: fc.constant('payout' as const), loan: idx, merchant: idx, p: pct, key: idx }),
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constantFrom('accrue' as const, 'fee' as const, 'penalty' as const),
      loan: idx,
      amount,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('repay' as const),
      loan: idx,
      p: fc.tuple(pct, pct, pct, pct),
      over: fc.oneof(fc.constant(0), amount),
      fromOverpayment: fc.boolean(),
      via: fc.nat({ max: 1 }),
      key: idx,
    }),
  },
  fc.record({ k: fc.constant('waive' as const), loan: idx, p: fc.tuple(pct, pct, pct, pct) }),
  fc.record({ k: fc.constant('writeOff' as const), loan: idx, cls: idx, p: pct }),
  fc.record({ k: fc.constant('recover' as const), loan: idx, amount, key: idx }),
  fc.record({ k: fc.constant('refund' as const), loan: idx, p: pct, key: idx }),
  fc.record({
    k: fc.constant('provision' as const),
    currency: idx,
    cls: idx,
    target: fc.nat({ max: 20_000_000 }),
  }),
  fc.record({
    k: fc.constant('settle' as const),
    partner: idx,
    channel: idx,
    toPartner: fc.boolean(),
    amount,
  }),
  fc.record({ k: fc.constant('reverse' as const), pick: idx }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

const loanSpecs = fc.array(
  fc.record({
    currency: fc.constantFrom(...CURRENCIES),
    basis: fc.constantFrom('cash', 'accrual') as fc.Arbitrary<Basis>,
  }),
  {
    minLength: 1,
    maxLength: 5,
  },
);

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

class World {
  readonly entries: JournalEntry[] = [];
  readonly loans: ModelLoan[];
  readonly allowance = new Map<string, number>(); // `${currency}/${cls}`
  readonly merchantPayable = new Map<string, number>(); // `${currency}/${merchant}`
  private readonly deltas = new Map<string, Delta>();
  private readonly reversed = new Set<string>();
  private seq = 0;
  day = 0;

  constructor(specs: readonly { currency: string; basis: Basis }[]) {
    this.loans = specs.map((s, i) => ({
      id: `L${i}`,
      currency: s.currency,
      basis: s.basis,
      owed: { principal: 0, interest: 0, fees: 0, penalties: 0, overpayment: 0 },
      writtenOff: false,
    }));
  }

  private header(loan?: ModelLoan) {
    this.seq += 1;
    const date = new Date(Date.UTC(2025, 0, 1 + this.day)).toISOString().slice(0, 10);
    return {
      id: `je-${this.seq}`,
      txnRef: `tx-${this.seq}`,
      businessDate: date,
      ...(loan === undefined ? {} : { loanId: loan.id, currency: loan.currency }),
    };
  }

  /** Posts under the loan's basis (or accrual for book-level transactions), applies the delta, checks. */
  private book(txn: LedgerTransaction, basis: Basis, delta: Delta): void {
    const r = post(txn, basis, DEFAULT_CHART);
    if (!r.ok) throw new Error(`post failed: ${JSON.stringify(r.errors)} for ${JSON.stringify(txn)}`);
    this.apply(delta, 1);
    if (r.value !== null) {
      this.entries.push(r.value);
      this.deltas.set(r.value.id, delta);
    }
  }

  private apply(delta: Delta, sign: 1 | -1): void {
    if (delta.loanId !== undefined) {
      const loan = this.loans.find((l) => l.id === delta.loanId)!;
      for (const c of COMPONENTS) loan.owed[c] += sign * (delta.owed[c] ?? 0);
      if (delta.writeOff !== 0) loan.writtenOff = sign * delta.writeOff > 0;
    }
    if (delta.allowance !== undefined) {
      const key = `${delta.allowance.currency}/${delta.allowance.cls}`;
      this.allowance.set(key, (this.allowance.get(key) ?? 0) + sign * delta.allowance.d);
    }
    if (delta.merchant !== undefined) {
      const key = `${delta.merchant.currency}/${delta.merchant.merchant}`;
      this.merchantPayable.set(key, (this.merchantPayable.get(key) ?? 0) + sign * delta.merchant.d);
    }
  }

  private wouldGoNegative(delta: Delta, sign: 1 | -1): boolean {
    if (delta.loanId !== undefined) {
      const loan = this.loans.find((l) => l.id === delta.loanId)!;
      if (COMPONENTS.some((c) => loan.owed[c] + sign * (delta.owed[c] ?? 0) < 0)) return true;
    }
    if (delta.allowance !== undefined) {
      const key = `${delta.allowance.currency}/${delta.allowance.cls}`;
      if ((this.allowance.get(key) ?? 0) + sign * delta.allowance.d < 0) return true;
    }
    if (delta.merchant !== undefined) {
      const key = `${delta.merchant.currency}/${delta.merchant.merchant}`;
      if ((this.merchantPayable.get(key) ?? 0) + sign * delta.merchant.d < 0) return true;
    }
    return false;
  }

  run(cmd: Command): void {
    this.day += cmd.k === 'reverse' ? 0 : 1;
    if (cmd.k === 'provision') {
      const currency = pick(CURRENCIES, cmd.currency);
      const cls = pick(CLASSES, cmd.cls);
      const current = this.allowance.get(`${currency}/${cls}`) ?? 0;
      const txn: LedgerTransaction = {
        ...this.header(),
        currency,
        type: 'provision',
        classification: cls,
        currentMinor: current,
        targetMinor: cmd.target,
      };
      this.book(txn, 'accrual', {
        owed: {},
        writeOff: 0,
        allowance: { currency, cls, d: cmd.target - current },
      });
      return;
    }
    if (cmd.k === 'settle') {
      const currency = pick(CURRENCIES, cmd.channel);
      const txn: LedgerTransaction = {
        ...this.header(),
        currency,
        type: 'partner_settlement',
        partner: pick(PARTNERS, cmd.partner),
        channel: pick(CHANNELS, cmd.channel),
        direction: cmd.toPartner ? 'lender_to_partner' : 'partner_to_lender',
        amountMinor: cmd.amount,
      };
      this.book(txn, 'cash', { owed: {}, writeOff: 0 });
      return;
    }
    if (cmd.k === 'reverse') {
      const candidates = this.entries.filter((e) => !this.reversed.has(e.id) && e.txnType !== 'reversal');
      if (candidates.length === 0) return;
      const original = pick(candidates, cmd.pick);
      const delta = this.deltas.get(original.id)!;
      if (this.wouldGoNegative(delta, -1)) return;
      const loan = this.loans.find((l) => l.id === original.loanId);
      const undo: Delta = {
        ...(delta.loanId === undefined ? {} : { loanId: delta.loanId }),
        owed: Object.fromEntries(COMPONENTS.map((c) => [c, -(delta.owed[c] ?? 0)])),
        writeOff: (0 - delta.writeOff) as -1 | 0 | 1,
        ...(delta.allowance === undefined
          ? {}
          : { allowance: { ...delta.allowance, d: -delta.allowance.d } }),
        ...(delta.merchant === undefined ? {} : { merchant: { ...delta.merchant, d: -delta.merchant.d } }),
      };
      this.reversed.add(original.id);
      const { id, txnRef, businessDate } = this.header();
      this.book({ id, txnRef, businessDate, type: 'reversal', original }, loan?.basis ?? 'accrual', undo);
      return;
    }
    const loan = pick(this.loans, cmd.loan);
    const cur = loan.currency;
    const channel = (key: number): FundsAccount => ({ kind: 'channel', channel: pick(CHANNELS, key) });
    if (loan.writtenOff && cmd.k !== 'recover') return;
    switch (cmd.k) {
      case 'disburse': {
        const to =
          cmd.dest === 0
            ? channel(cmd.key)
            : cmd.dest === 1
              ? ({ kind: 'partner', partner: pick(PARTNERS, cmd.key) } as const)
              : ({ kind: 'merchant', merchant: pick(MERCHANTS, cmd.key) } as const);
        this.book(
          { ...this.header(loan), currency: cur, type: 'disbursement', to, amountMinor: cmd.amount },
          loan.basis,
          {
            loanId: loan.id,
            owed: { principal: cmd.amount },
            writeOff: 0,
            ...(to.kind === 'merchant'
              ? { merchant: { currency: cur, merchant: to.merchant, d: cmd.amount } }
              : {}),
          },
        );
        return;
      }
      case 'payout': {
        const merchant = pick(MERCHANTS, cmd.merchant);
        const owed = this.merchantPayable.get(`${cur}/${merchant}`) ?? 0;
        const a = Math.floor((owed * cmd.p) / 100);
        if (a === 0) return;
        this.book(
          {
            ...this.header(loan),
            currency: cur,
            type: 'merchant_payout',
            merchant,
            from: channel(cmd.key),
            amountMinor: a,
          },
          loan.basis,
          { owed: {}, writeOff: 0, merchant: { currency: cur, merchant, d: -a } },
        );
        return;
      }
      case 'accrue':
      case 'fee':
      case 'penalty': {
        const type =
          cmd.k === 'accrue' ? 'interest_accrual' : cmd.k === 'fee' ? 'fee_charge' : 'penalty_charge';
        const component = cmd.k === 'accrue' ? 'interest' : cmd.k === 'fee' ? 'fees' : 'penalties';
        this.book({ ...this.header(loan), currency: cur, type, amountMinor: cmd.amount }, loan.basis, {
          loanId: loan.id,
          owed: { [component]: cmd.amount },
          writeOff: 0,
        });
        return;
      }
      case 'repay': {
        const [pp, pi, pf, pn] = cmd.p;
        const part = (c: Component, p: number) => Math.floor((loan.owed[c] * p) / 100);
        const principal = part('principal', pp);
        const interest = part('interest', pi);
        const fees = part('fees', pf);
        const penalties = part('penalties', pn);
        const due = principal + interest + fees + penalties;
        const fromOverpayment = cmd.fromOverpayment && loan.owed.overpayment >= due;
        const over = fromOverpayment ? 0 : cmd.over;
        if (due + over === 0) return;
        const from: RepaymentFrom = fromOverpayment
          ? { kind: 'overpayment' }
          : cmd.via === 0
            ? channel(cmd.key)
            : { kind: 'partner', partner: pick(PARTNERS, cmd.key) };
        this.book(
          {
            ...this.header(loan),
            currency: cur,
            type: 'repayment',
            from,
            principalMinor: principal,
            interestMinor: interest,
            feesMinor: fees,
            penaltiesMinor: penalties,
            overpaymentMinor: over,
          },
          loan.basis,
          {
            loanId: loan.id,
            owed: {
              principal: -principal,
              interest: -interest,
              fees: -fees,
              penalties: -penalties,
              overpayment: fromOverpayment ? -due : over,
            },
            writeOff: 0,
          },
        );
        return;
      }
      case 'waive': {
        const [pp, pi, pf, pn] = cmd.p;
        const part = (c: Component, p: number) => Math.floor((loan.owed[c] * p) / 100);
        const w = {
          principal: part('principal', pp),
          interest: part('interest', pi),
          fees: part('fees', pf),
          penalties: part('penalties', pn),
        };
        if (w.principal + w.interest + w.fees + w.penalties === 0) return;
        this.book(
          {
            ...this.header(loan),
            currency: cur,
            type: 'waiver',
            principalMinor: w.principal,
            interestMinor: w.interest,
            feesMinor: w.fees,
            penaltiesMinor: w.penalties,
          },
          loan.basis,
          {
            loanId: loan.id,
            owed: { principal: -w.principal, interest: -w.interest, fees: -w.fees, penalties: -w.penalties },
            writeOff: 0,
          },
        );
        return;
      }
      case 'writeOff': {
        const { principal, interest, fees, penalties } = loan.owed;
        if (principal + interest + fees + penalties === 0) return;
        const cls = pick(CLASSES, cmd.cls);
        const onBooks = loan.basis === 'accrual' ? principal + interest + fees + penalties : principal;
        const held = this.allowance.get(`${cur}/${cls}`) ?? 0;
        const fromAllowance = Math.min(held, Math.floor((onBooks * cmd.p) / 100));
        this.book(
          {
            ...this.header(loan),
            currency: cur,
            type: 'write_off',
            classification: cls,
            principalMinor: principal,
            interestMinor: interest,
            feesMinor: fees,
            penaltiesMinor: penalties,
            fromAllowanceMinor: fromAllowance,
          },
          loan.basis,
          {
            loanId: loan.id,
            owed: { principal: -principal, interest: -interest, fees: -fees, penalties: -penalties },
            writeOff: 1,
            allowance: { currency: cur, cls, d: -fromAllowance },
          },
        );
        return;
      }
      case 'recover': {
        if (!loan.writtenOff) return;
        this.book(
          {
            ...this.header(loan),
            currency: cur,
            type: 'recovery',
            from: channel(cmd.key),
            amountMinor: cmd.amount,
          },
          loan.basis,
          { loanId: loan.id, owed: {}, writeOff: 0 },
        );
        return;
      }
      case 'refund': {
        const a = Math.floor((loan.owed.overpayment * cmd.p) / 100);
        if (a === 0) return;
        this.book(
          {
            ...this.header(loan),
            currency: cur,
            type: 'overpayment_refund',
            to: channel(cmd.key),
            amountMinor: a,
          },
          loan.basis,
          { loanId: loan.id, owed: { overpayment: -a }, writeOff: 0 },
        );
        return;
      }
    }
  }

  positions(): LoanPosition[] {
    return this.loans.map((l) => ({
      loanId: l.id,
      currency: l.currency,
      basis: l.basis,
      principalMinor: l.owed.principal,
      interestMinor: l.owed.interest,
      feesMinor: l.owed.fees,
      penaltiesMinor: l.owed.penalties,
      overpaymentMinor: l.owed.overpayment,
    }));
  }
}
type RepaymentFrom = Extract<LedgerTransaction, { type: 'repayment' }>['from'];

/** Σ debits and Σ credits per currency, straight from the lines. */
function sumsByCurrency(entries: readonly JournalEntry[]): Map<string, { debit: number; credit: number }> {
  const sums = new Map<string, { debit: number; credit: number }>();
  for (const e of entries) {
    for (const l of e.lines) {
      const s = sums.get(l.currency) ?? { debit: 0, credit: 0 };
      s[l.side] += l.amountMinor;
      sums.set(l.currency, s);
    }
  }
  return sums;
}

function checkInvariants(world: World): void {
  // Σ debits = Σ credits per currency
  const sums = sumsByCurrency(world.entries);
  for (const [, s] of sums) expect(s.debit).toBe(s.credit);

  // the trial balance foots and agrees with the raw sums
  const tb = trialBalanceOf(world.entries, DEFAULT_CHART);
  if (!tb.ok) throw new Error(JSON.stringify(tb.errors));
  expect(tb.value.balanced).toBe(true);
  for (const t of tb.value.totals) {
    expect(t.debitMinor).toBe(t.creditMinor);
    expect(t.debitMinor).toBe(sums.get(t.currency)?.debit ?? 0);
  }

  // sub-ledger = control accounts, in total and loan by loan
  const totals = accountTotals(world.entries);
  const rec = reconcile(summariseSubledger(world.positions()), totals, DEFAULT_CHART);
  if (!rec.ok) throw new Error(JSON.stringify(rec.errors));
  expect(rec.value.differences).toEqual([]);
  expect(reconcileLoans(world.positions(), world.entries, DEFAULT_CHART)).toEqual({ ok: true, value: [] });

  // no control account, allowance or merchant payable goes negative; allowance matches the model
  for (const row of tb.value.rows) {
    if (['1303', '1132', '1133', '1134', '2241', '1304', '2202'].includes(row.code)) {
      expect(row.balanceMinor).toBeGreaterThanOrEqual(0);
    }
    if (row.code === '1304') {
      expect(row.balanceMinor).toBe(world.allowance.get(`${row.currency}/${row.subAccount}`) ?? 0);
    }
    if (row.code === '2202') {
      expect(row.balanceMinor).toBe(world.merchantPayable.get(`${row.currency}/${row.subAccount}`) ?? 0);
    }
  }
}

describe('ledger invariants under random workloads', () => {
  it('every posted sequence balances, foots, reconciles and stays non-negative after each step', () => {
    fc.assert(
      fc.property(loanSpecs, fc.array(command, { minLength: 10, maxLength: 50 }), (specs, commands) => {
        const world = new World(specs);
        for (const cmd of commands) {
          world.run(cmd);
          checkInvariants(world);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('statements, balances at a date and the trial balance agree for every account', () => {
    fc.assert(
      fc.property(
        loanSpecs,
        fc.array(command, { minLength: 10, maxLength: 50 }),
        fc.nat({ max: 60 }),
        (specs, commands, cut) => {
          const world = new World(specs);
          for (const cmd of commands) world.run(cmd);
          const date = new Date(Date.UTC(2025, 0, 1 + cut)).toISOString().slice(0, 10);
          const tb = trialBalanceOf(world.entries, DEFAULT_CHART, { to: date, includeZero: false });
          if (!tb.ok) throw new Error('tb');
          for (const row of tb.value.rows) {
            const selector = { account: row.account, currency: row.currency };
            expect(balanceAt(world.entries, selector, date, DEFAULT_CHART)).toEqual({
              ok: true,
              value: row.balanceMinor,
            });
            const s = accountStatement(world.entries, selector, DEFAULT_CHART, { to: date });
            expect(s.ok && s.value.closingBalanceMinor).toBe(row.balanceMinor);
            const last = s.ok ? s.value.lines.at(-1) : undefined;
            expect(last?.balanceMinor ?? 0).toBe(row.balanceMinor);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** Any balanced entry over the default chart: random lines, then one balancing line per currency. */
const balancedEntry = fc
  .array(
    fc.record({
      account: fc.constantFrom(
        '1303',
        '1132',
        '2241',
        '6011',
        '6702',
        '1002:icbc',
        '1304:loss',
        '2202:seed-co',
      ),
      side: fc.constantFrom('debit' as const, 'credit' as const),
      amountMinor: fc.integer({ min: 1, max: 1_000_000_000 }),
      currency: fc.constantFrom(...CURRENCIES),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((lines): JournalEntry => {
    const all: JournalLine[] = [...lines];
    for (const currency of CURRENCIES) {
      const net = lines
        .filter((l) => l.currency === currency)
        .reduce((s, l) => s + (l.side === 'debit' ? l.amountMinor : -l.amountMinor), 0);
      if (net !== 0)
        all.push({
          account: '1002:alipay',
          side: net > 0 ? 'credit' : 'debit',
          amountMinor: Math.abs(net),
          currency,
        });
    }
    if (all.length < 2) all.push({ ...all[0]!, side: all[0]!.side === 'debit' ? 'credit' : 'debit' });
    return {
      id: 'e',
      businessDate: '2025-01-01',
      valueDate: '2025-01-01',
      txnRef: 't',
      txnType: 'test',
      memo: '',
      lines: all,
    };
  });

describe('journal entries', () => {
  it('the reversal of any entry is valid and nets every account to zero', () => {
    fc.assert(
      fc.property(balancedEntry, (entry) => {
        expect(validateEntry(entry, DEFAULT_CHART).ok).toBe(true);
        const rev = reverseEntry(entry, { id: 'r', businessDate: '2025-01-02' });
        expect(validateEntry(rev, DEFAULT_CHART).ok).toBe(true);
        for (const t of accountTotals([entry, rev])) expect(t.debitMinor).toBe(t.creditMinor);
      }),
      { numRuns: 200 },
    );
  });

  it('changing any one amount by one minor unit makes the entry unbalanced', () => {
    fc.assert(
      fc.property(balancedEntry, fc.nat(), fc.constantFrom(1, -1), (entry, i, d) => {
        const k = i % entry.lines.length;
        const line = entry.lines[k]!;
        if (line.amountMinor + d <= 0) return;
        const lines = entry.lines.map((l, j) => (j === k ? { ...l, amountMinor: l.amountMinor + d } : l));
        const r = validateEntry({ ...entry, lines }, DEFAULT_CHART);
        expect(!r.ok && r.errors.map((e) => e.code)).toEqual(['ledger.unbalanced']);
      }),
      { numRuns: 200 },
    );
  });
});
