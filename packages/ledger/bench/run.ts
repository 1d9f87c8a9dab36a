// Ledger micro-benchmarks: posting, validating and summing entries, each against a same-run
// baseline that does the minimum work by hand (no rules, no validation). Prints medians of
// several rounds and the ratio to the baseline. Run: npm run bench -w @puhui/ledger
import {
  accountTotals,
  DEFAULT_CHART,
  type JournalEntry,
  type JournalLine,
  type LedgerTransaction,
  post,
  trialBalance,
  validateEntry,
} from '../src/index.ts';

const N = 100_000;
const ROUNDS = 7;

/** mulberry32: a small seeded PRNG so every run posts the same workload. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(42);
const int = (max: number) => Math.floor(rand() * max);
const channels = ['icbc', 'alipay', 'wechat'];
const txns: LedgerTransaction[] = Array.from({ length: N }, (_, i) => ({
  id: `je-${i}`,
  txnRef: `rp-${i}`,
  businessDate: '2025-03-01',
  currency: 'CNY',
  loanId: `L${int(10_000)}`,
  type: 'repayment',
  from: { kind: 'channel', channel: channels[int(3)]! },
  principalMinor: 1 + int(100_000),
  interestMinor: int(5_000),
  feesMinor: int(2) * int(500),
  penaltiesMinor: int(3) === 0 ? int(300) : 0,
}));

/** The baseline: the same entry built by hand, no rule table, no validation. */
function handBuilt(t: Extract<LedgerTransaction, { type: 'repayment' }>): JournalEntry {
  const p = t.principalMinor ?? 0;
  const i = t.interestMinor ?? 0;
  const f = t.feesMinor ?? 0;
  const n = t.penaltiesMinor ?? 0;
  const lines: JournalLine[] = [];
  const from = t.from as { channel: string };
  lines.push({
    account: `1002:${from.channel}`,
    side: 'debit',
    amountMinor: p + i + f + n,
    currency: t.currency,
  });
  if (p > 0) lines.push({ account: '1303', side: 'credit', amountMinor: p, currency: t.currency });
  if (i > 0) lines.push({ account: '1132', side: 'credit', amountMinor: i, currency: t.currency });
  if (f > 0) lines.push({ account: '1133', side: 'credit', amountMinor: f, currency: t.currency });
  if (n > 0) lines.push({ account: '1134', side: 'credit', amountMinor: n, currency: t.currency });
  return {
    id: t.id,
    businessDate: t.businessDate,
    valueDate: t.businessDate,
    txnRef: t.txnRef,
    txnType: 'repayment',
    loanId: t.loanId!,
    memo: 'Repayment',
    lines,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  const runs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

let sink = 0;
const BATCH = 1_000;
// Both keep each batch of 1,000 entries until the batch is "written", as the end-of-day batch does.
const baselinePost = time(() => {
  let kept: JournalEntry[] = [];
  for (const t of txns) {
    kept.push(handBuilt(t as Extract<LedgerTransaction, { type: 'repayment' }>));
    if (kept.length === BATCH) {
      sink += kept.length;
      kept = [];
    }
  }
});
const posted = time(() => {
  let kept: JournalEntry[] = [];
  for (const t of txns) {
    const r = post(t, 'accrual', DEFAULT_CHART);
    if (!r.ok || r.value === null) throw new Error('post failed');
    kept.push(r.value);
    if (kept.length === BATCH) {
      sink += kept.length;
      kept = [];
    }
  }
});
const entries: JournalEntry[] = [];
for (const t of txns) {
  const r = post(t, 'accrual', DEFAULT_CHART);
  if (r.ok && r.value !== null) entries.push(r.value);
}
const validated = time(() => {
  for (const e of entries) if (!validateEntry(e, DEFAULT_CHART).ok) throw new Error('invalid');
});
const baselineSum = time(() => {
  let d = 0;
  let c = 0;
  for (const e of entries) {
    for (const l of e.lines) {
      if (l.side === 'debit') d += l.amountMinor;
      else c += l.amountMinor;
    }
  }
  sink += d - c;
});
const tb = time(() => {
  const r = trialBalance(accountTotals(entries), DEFAULT_CHART);
  if (!r.ok || !r.value.balanced) throw new Error('trial balance');
});

const lines = entries.reduce((s, e) => s + e.lines.length, 0);
const rate = (ms: number) => `${Math.round(N / (ms / 1000)).toLocaleString('en')} entries/s`;
console.log(
  `@puhui/ledger bench: ${N.toLocaleString('en')} repayments (${lines.toLocaleString('en')} lines), median of ${ROUNDS}`,
);
console.log(`  baseline: hand-built entries      ${baselinePost.toFixed(1)} ms  ${rate(baselinePost)}`);
console.log(
  `  post (rules + validation)         ${posted.toFixed(1)} ms  ${rate(posted)}  ×${(posted / baselinePost).toFixed(2)} baseline`,
);
console.log(`  validateEntry alone               ${validated.toFixed(1)} ms  ${rate(validated)}`);
console.log(`  baseline: raw Σ debits/credits    ${baselineSum.toFixed(1)} ms`);
console.log(
  `  accountTotals + trialBalance      ${tb.toFixed(1)} ms  ×${(tb / baselineSum).toFixed(2)} baseline`,
);
if (sink === Number.MIN_VALUE) console.log(sink);
