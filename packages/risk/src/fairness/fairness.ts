/** Outcome rates of one group at a cut-off, compared with the reference group. */
export interface GroupFairness {
  readonly group: string;
  readonly count: number;
  readonly badRate: number;
  /** Share approved (predicted bad probability below the cut-off). */
  readonly approvalRate: number;
  /** Share of actual goods approved (true-positive rate, favourable outcome = good). */
  readonly truePositiveRate: number;
  /** Share of actual bads approved (false-positive rate). */
  readonly falsePositiveRate: number;
  /** approvalRate ÷ reference approvalRate. */
  readonly disparateImpact: number;
  /** approvalRate − reference approvalRate. */
  readonly statisticalParityDifference: number;
  /** truePositiveRate − reference truePositiveRate. */
  readonly equalOpportunityDifference: number;
  /** Mean of the false- and true-positive-rate differences against the reference. */
  readonly averageOddsDifference: number;
  /** True when the disparate-impact ratio is below 0.8 (the four-fifths rule). */
  readonly fourFifthsViolation: boolean;
}

/** Fairness of decisions at one cut-off across the groups of one column. */
export interface FairnessReport {
  readonly column: string;
  readonly cutoff: number;
  readonly reference: string;
  readonly groups: readonly GroupFairness[];
  readonly violations: readonly string[];
}

/**
 * Labels numeric values by bands: with `cuts` [25, 40] → '< 25', '[25, 40)', '≥ 40'; missing →
 * 'missing'. Used to turn a numeric protected attribute such as age into groups.
 *
 * @example bandLabels([19, 30, 70], [25, 40]); // ['< 25', '[25, 40)', '≥ 40']
 */
export function bandLabels(values: ArrayLike<number>, cuts: readonly number[]): string[] {
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (Number.isNaN(x)) {
      out.push('missing');
      continue;
    }
    let k = 0;
    while (k < sorted.length && x >= sorted[k]!) k++;
    out.push(
      k === 0
        ? `< ${sorted[0]}`
        : k === sorted.length
          ? `≥ ${sorted[k - 1]}`
          : `[${sorted[k - 1]}, ${sorted[k]})`,
    );
  }
  return out;
}

/**
 * Fairness metrics at a probability cut-off (approve when p < cutoff) for each group of a
 * protected attribute: approval rate, disparate-impact ratio, statistical-parity difference,
 * equal-opportunity difference and average-odds difference against a reference group (by
 * default the group with the highest approval rate), flagged against the four-fifths rule.
 * Groups with no rows are omitted; missing labels form the group 'missing'.
 *
 * @example fairness(y, p, ['F', 'M', …], { column: 'sex', cutoff: 0.3 }).violations; // ['F']
 */
export function fairness(
  y: ArrayLike<number>,
  p: ArrayLike<number>,
  groups: readonly (string | null)[],
  options: { column: string; cutoff: number; reference?: string },
): FairnessReport {
  const stats = new Map<
    string,
    { n: number; bads: number; approved: number; goods: number; goodApproved: number; badApproved: number }
  >();
  for (let i = 0; i < y.length; i++) {
    const gname = groups[i] ?? 'missing';
    let s = stats.get(gname);
    if (!s) {
      s = { n: 0, bads: 0, approved: 0, goods: 0, goodApproved: 0, badApproved: 0 };
      stats.set(gname, s);
    }
    const approved = p[i]! < options.cutoff;
    s.n++;
    if (approved) s.approved++;
    if (y[i] === 1) {
      s.bads++;
      if (approved) s.badApproved++;
    } else {
      s.goods++;
      if (approved) s.goodApproved++;
    }
  }
  const names = [...stats.keys()].sort();
  const rate = (a: number, b: number): number => (b ? a / b : Number.NaN);
  const base = names.map((g) => {
    const s = stats.get(g)!;
    return {
      group: g,
      count: s.n,
      badRate: rate(s.bads, s.n),
      approvalRate: rate(s.approved, s.n),
      truePositiveRate: rate(s.goodApproved, s.goods),
      falsePositiveRate: rate(s.badApproved, s.bads),
    };
  });
  let reference = options.reference;
  if (reference !== undefined && !stats.has(reference))
    throw new Error(`reference group '${reference}' does not occur in column '${options.column}'`);
  if (reference === undefined) {
    let best = base[0];
    for (const b of base) if (best && b.approvalRate > best.approvalRate) best = b;
    reference = best?.group ?? '';
  }
  const ref = base.find((b) => b.group === reference);
  const out: GroupFairness[] = base.map((b) => {
    const di = ref && ref.approvalRate > 0 ? b.approvalRate / ref.approvalRate : Number.NaN;
    const eod = ref ? b.truePositiveRate - ref.truePositiveRate : Number.NaN;
    const fprd = ref ? b.falsePositiveRate - ref.falsePositiveRate : Number.NaN;
    return {
      ...b,
      disparateImpact: di,
      statisticalParityDifference: ref ? b.approvalRate - ref.approvalRate : Number.NaN,
      equalOpportunityDifference: eod,
      averageOddsDifference: (eod + fprd) / 2,
      fourFifthsViolation: di < 0.8,
    };
  });
  return {
    column: options.column,
    cutoff: options.cutoff,
    reference,
    groups: out,
    violations: out.filter((g) => g.fourFifthsViolation).map((g) => g.group),
  };
}
