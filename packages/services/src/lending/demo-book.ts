import { createRng } from '@puhui/core';
import { addDays, type LocalDate } from '@puhui/money';
import { findActiveProduct, findLoan, findUserByUsername, type LoanRow, setOpenDate } from '@puhui/store';
import { createBorrower } from '../borrowers.ts';
import { nowIso, type Principal, type ServiceContext } from '../context.ts';
import type { ServicingAccount } from './account.ts';
import { today } from './books.ts';
import { endOfDay } from './eod.ts';
import {
  approveLoan,
  disburseLoan,
  payoffLoan,
  recoverLoan,
  repayLoan,
  submitLoan,
  writeOffLoan,
} from './loans.ts';
import { defaultProductConfig, type ProductConfig } from './product-config.ts';
import { approveProduct, createProduct } from './products.ts';

/** Options of {@link seedDemoBook}. */
export interface DemoBookOptions {
  /** Loans to originate over the history (default 5,000). */
  readonly loans?: number;
  /** PRNG seed: the same seed grows the same book. */
  readonly seed?: number;
  /** Days of history ending yesterday (default 365). */
  readonly days?: number;
  /** Called after each simulated day. */
  readonly onDay?: (date: string, day: number, days: number) => void;
  /** Stops the growth after the day in progress (a server shutting down); the book so far is consistent. */
  readonly signal?: AbortSignal;
}

/** What {@link seedDemoBook} grew. */
export interface DemoBookSummary {
  readonly seeded: boolean;
  readonly loans: number;
  readonly days: number;
  readonly from: string;
  readonly to: string;
  readonly behaviours: Readonly<Record<Behaviour, number>>;
  /** True when `signal` stopped the growth before the last day. */
  readonly stopped?: boolean;
}

type Behaviour = 'on_time' | 'late' | 'prepaid' | 'defaulted' | 'written_off';

const PRODUCTS: ReadonlyArray<{ code: string; name: string; config: ProductConfig; weight: number }> = [
  {
    code: 'MICRO12',
    name: 'Micro business loan 小微经营贷 (12 months)',
    config: defaultProductConfig(),
    weight: 0.5,
  },
  {
    code: 'AGRI6',
    name: 'Farm inputs loan 农资贷 (6 months, entrusted to the seller, cash basis)',
    config: defaultProductConfig({
      annualRate: '0.12',
      basis: 'cash',
      limits: {
        minPrincipalMinor: 100_000,
        maxPrincipalMinor: 5_000_000,
        minRepayments: 3,
        maxRepayments: 12,
      },
    }),
    weight: 0.3,
  },
  {
    code: 'CONSUMER3',
    name: 'Consumer instalments 消费分期 (3 months, flat fee)',
    config: defaultProductConfig({
      annualRate: '0.15',
      fees: [{ name: 'service', type: 'percent', rate: '0.005', at: 'installment' }],
      limits: { minPrincipalMinor: 50_000, maxPrincipalMinor: 2_000_000, minRepayments: 3, maxRepayments: 6 },
    }),
    weight: 0.2,
  },
];

async function staff(ctx: ServiceContext, username: string): Promise<Principal> {
  const row = await findUserByUsername(ctx.store.db, username);
  return row
    ? { kind: 'user', id: row.id, username: row.username, roles: JSON.parse(row.roles), sessionId: 'demo' }
    : { kind: 'system', id: `demo-${username}` };
}

interface Plan {
  readonly loanId: string;
  readonly behaviour: Behaviour;
}

/**
 * Grows a realistic loan book by running the real services day by day over `days` of history
 * ending yesterday: products approved by maker-checker, borrowers registered, loans submitted,
 * approved and disbursed, instalments repaid on time or late, some loans prepaid, some left in
 * default and the worst written off (a few later recover), with end of day run for every date so
 * accruals, penalties, classifications and provisions are all in the books. A seeded PRNG makes
 * the book reproducible. Does nothing when loans already exist.
 *
 * @example await seedDemoBook(ctx, { loans: 500, seed: 7 });
 */
export async function seedDemoBook(
  ctx: ServiceContext,
  options: DemoBookOptions = {},
): Promise<DemoBookSummary> {
  const total = options.loans ?? 5_000;
  const days = options.days ?? 365;
  const rng = createRng(options.seed ?? 2026);
  const rand = rng.next;
  const to = addDays(today(ctx) as LocalDate, -1);
  const from = addDays(to, -(days - 1));
  const behaviours: Record<Behaviour, number> = {
    on_time: 0,
    late: 0,
    prepaid: 0,
    defaulted: 0,
    written_off: 0,
  };
  const existing = await ctx.store.db.selectFrom('loans').select('id').limit(1).execute();
  if (existing.length > 0 || total <= 0) return { seeded: false, loans: 0, days: 0, from, to, behaviours };

  const pm = await staff(ctx, 'pm');
  const risk = await staff(ctx, 'risk');
  const officer = await staff(ctx, 'officer');
  const ops = await staff(ctx, 'ops');
  const origination: Principal = { kind: 'system', id: 'demo-origination' };
  await setOpenDate(ctx.store.db, from, nowIso(ctx));
  await ctx.store.transaction(async (tx) => {
    for (const p of PRODUCTS) {
      if (await findActiveProduct(tx, p.code)) continue;
      const v = await createProduct(ctx, tx, pm, { code: p.code, name: p.name, config: p.config });
      await approveProduct(ctx, tx, risk, v.id);
    }
  });

  // Originations spread over the history (fewer in the last weeks so most loans have a past).
  const byDay = new Map<number, number>();
  for (let i = 0; i < total; i++) {
    const day = Math.floor(rand() ** 1.3 * Math.max(1, days - 20));
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  const actions = new Map<string, Array<() => Promise<unknown>>>();
  const at = (date: string, fn: () => Promise<unknown>) => {
    const list = actions.get(date) ?? [];
    list.push(fn);
    actions.set(date, list);
  };
  const pick = <T>(list: readonly T[], weights: readonly number[]): T => {
    let r = rand();
    for (let i = 0; i < list.length; i++) {
      r -= weights[i] as number;
      if (r <= 0) return list[i] as T;
    }
    return list[list.length - 1] as T;
  };

  let made = 0;
  for (let day = 0; day < days; day++) {
    if (options.signal?.aborted)
      return { seeded: true, loans: made, days: day, from, to, behaviours, stopped: true };
    const date = addDays(from, day);
    const count = byDay.get(day) ?? 0;
    if (count > 0) {
      const plans = await ctx.store.transaction(async (tx) => {
        const out: Plan[] = [];
        for (let k = 0; k < count; k++) {
          made++;
          const product = pick(
            PRODUCTS,
            PRODUCTS.map((p) => p.weight),
          );
          const l = product.config.limits;
          const repayments =
            l.minRepayments + Math.floor(rand() * (Math.min(l.maxRepayments, 12) - l.minRepayments + 1));
          const principal =
            Math.round(
              (l.minPrincipalMinor +
                rand() ** 2 * (Math.min(l.maxPrincipalMinor, 5_000_000) - l.minPrincipalMinor)) /
                10_000,
            ) * 10_000;
          const borrower = await createBorrower(ctx, tx, origination, {
            phone: `+86137${String(made).padStart(8, '0')}`,
            fullName: `Demo borrower ${made}`,
          });
          const loan = await submitLoan(ctx, tx, origination, {
            borrowerId: borrower.id,
            productCode: product.code,
            principalMinor: Math.max(l.minPrincipalMinor, principal),
            repayments,
            disbursement:
              product.code === 'AGRI6'
                ? { kind: 'merchant', merchant: `seller-${1 + Math.floor(rand() * 20)}` }
                : { kind: 'channel', channel: rand() < 0.6 ? 'alipay' : 'wechat' },
          });
          await approveLoan(ctx, tx, officer, loan.id);
          await disburseLoan(ctx, tx, ops, loan.id);
          const behaviour = pick<Behaviour>(
            ['on_time', 'late', 'prepaid', 'defaulted', 'written_off'],
            [0.78, 0.1, 0.07, 0.03, 0.02],
          );
          behaviours[behaviour]++;
          out.push({ loanId: loan.id, behaviour });
        }
        return out;
      });
      for (const plan of plans) await schedule(ctx, plan, date, rand, at, { officer, ops });
    }
    const todays = actions.get(date) ?? [];
    actions.delete(date);
    for (const fn of todays) await fn();
    await endOfDay(ctx, { date });
    options.onDay?.(date, day + 1, days);
    // On SQLite every await above resolves at once: give the event loop a turn each simulated
    // day so a server growing the book in the background keeps answering requests.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { seeded: true, loans: made, days, from, to, behaviours };
}

/** Plans a loan's payments (and default, write-off, recovery) from its schedule and behaviour. */
async function schedule(
  ctx: ServiceContext,
  plan: Plan,
  disbursed: string,
  rand: () => number,
  at: (date: string, fn: () => Promise<unknown>) => void,
  who: { officer: Principal; ops: Principal },
): Promise<void> {
  const row = (await findLoan(ctx.store.db, plan.loanId)) as LoanRow;
  const account = JSON.parse(row.state) as ServicingAccount;
  const installments = account.engine.installments;
  const channel = rand() < 0.5 ? 'alipay' : 'wechat';
  const pay = (amount: number) => () =>
    ctx.store.transaction((tx) =>
      repayLoan(ctx, tx, who.officer, plan.loanId, { amountMinor: amount, channel }).catch(ignoreClosed),
    );
  const scheduled = (i: (typeof installments)[number]) => i.due.principal + i.due.interest + i.due.fee;
  const paidUpTo =
    plan.behaviour === 'defaulted' || plan.behaviour === 'written_off'
      ? Math.floor(rand() * Math.min(3, installments.length))
      : installments.length;
  const prepayAt =
    plan.behaviour === 'prepaid' ? 1 + Math.floor(rand() * Math.max(1, installments.length - 1)) : -1;
  installments.forEach((inst, k) => {
    if (k >= paidUpTo) return;
    if (k === prepayAt) {
      at(addDays(inst.dueDate, -Math.floor(rand() * 10)), () =>
        ctx.store.transaction((tx) =>
          payoffLoan(ctx, tx, who.officer, plan.loanId, { channel }).catch(ignoreClosed),
        ),
      );
      return;
    }
    if (prepayAt >= 0 && k > prepayAt) return;
    const late =
      plan.behaviour === 'late'
        ? 5 + Math.floor(rand() * 40)
        : rand() < 0.05
          ? 1 + Math.floor(rand() * 3)
          : 0;
    // A late payer also pays the penalty interest it ran up (about 0.05 % a day).
    at(addDays(inst.dueDate, late), pay(scheduled(inst) + Math.ceil((scheduled(inst) * late) / 2000)));
  });
  if (plan.behaviour === 'written_off') {
    const firstMissed = installments[paidUpTo]?.dueDate ?? disbursed;
    const writeOff = addDays(firstMissed as LocalDate, 181 + Math.floor(rand() * 30));
    at(writeOff, () =>
      ctx.store.transaction((tx) => writeOffLoan(ctx, tx, who.ops, plan.loanId).catch(ignoreClosed)),
    );
    if (rand() < 0.4)
      at(addDays(writeOff, 20 + Math.floor(rand() * 60)), () =>
        ctx.store.transaction((tx) =>
          recoverLoan(ctx, tx, who.ops, plan.loanId, {
            amountMinor: Math.max(100, Math.round(Number(row.principal_minor) * 0.1)),
            channel: 'bank',
          }).catch(ignoreClosed),
        ),
      );
  }
}

/** A planned payment on a loan that has meanwhile closed (or been written off) is simply skipped. */
function ignoreClosed(error: unknown): undefined {
  if ((error as { code?: string }).code === 'loan_state_conflict') return undefined;
  throw error;
}
