/** The five loan categories (五级分类), best to worst. */
export type LoanCategory = 'normal' | 'special_mention' | 'substandard' | 'doubtful' | 'loss';

export const LOAN_CATEGORIES: readonly LoanCategory[] = [
  'normal',
  'special_mention',
  'substandard',
  'doubtful',
  'loss',
];

/** Minimum days past due that puts a loan at least in each category. */
export interface ClassificationThresholds {
  readonly specialMention: number;
  readonly substandard: number;
  readonly doubtful: number;
  readonly loss: number;
}

/**
 * The floors of the 2023 rules on risk classification of financial assets (商业银行金融资产风险分类办法):
 * anything overdue → at least special mention; over 90 days → substandard; over 270 → doubtful;
 * over 360 → loss.
 */
export const DEFAULT_CLASSIFICATION_THRESHOLDS: ClassificationThresholds = {
  specialMention: 1,
  substandard: 91,
  doubtful: 271,
  loss: 361,
};

/**
 * A credit-card style variant (as commonly applied under the 2011 credit-card measures: 91–120 days
 * substandard, 121–180 doubtful, over 180 loss). An example of per-product thresholds; confirm
 * against the product's own rules before use.
 */
export const CREDIT_CARD_CLASSIFICATION_THRESHOLDS: ClassificationThresholds = {
  specialMention: 1,
  substandard: 91,
  doubtful: 121,
  loss: 181,
};

function rank(c: LoanCategory): number {
  return LOAN_CATEGORIES.indexOf(c);
}

/**
 * The worse of two categories.
 *
 * @example worseCategory('normal', 'substandard') // 'substandard'
 */
export function worseCategory(a: LoanCategory, b: LoanCategory): LoanCategory {
  return rank(a) >= rank(b) ? a : b;
}

/**
 * The category floor set by arrears (and by restructuring: a restructured loan in its observation
 * period is at least substandard).
 *
 * @example classificationFloor(95) // 'substandard'
 * @example classificationFloor(0, DEFAULT_CLASSIFICATION_THRESHOLDS, { restructured: true }) // 'substandard'
 */
export function classificationFloor(
  daysPastDue: number,
  thresholds: ClassificationThresholds = DEFAULT_CLASSIFICATION_THRESHOLDS,
  options: { readonly restructured?: boolean } = {},
): LoanCategory {
  let floor: LoanCategory = 'normal';
  if (daysPastDue >= thresholds.loss) floor = 'loss';
  else if (daysPastDue >= thresholds.doubtful) floor = 'doubtful';
  else if (daysPastDue >= thresholds.substandard) floor = 'substandard';
  else if (daysPastDue >= thresholds.specialMention) floor = 'special_mention';
  return options.restructured ? worseCategory(floor, 'substandard') : floor;
}

/**
 * The category of a loan: staff may classify worse than the floor, never better.
 *
 * @example classifyLoan({ daysPastDue: 10, staffCategory: 'normal' }) // { category: 'special_mention', floor: 'special_mention' }
 */
export function classifyLoan(input: {
  readonly daysPastDue: number;
  readonly staffCategory?: LoanCategory;
  readonly restructured?: boolean;
  readonly thresholds?: ClassificationThresholds;
}): { readonly category: LoanCategory; readonly floor: LoanCategory } {
  const floor = classificationFloor(input.daysPastDue, input.thresholds, {
    restructured: input.restructured,
  });
  return { category: input.staffCategory ? worseCategory(input.staffCategory, floor) : floor, floor };
}

/**
 * Checks that thresholds increase strictly from special mention to loss and start at ≥ 1 day.
 *
 * @example thresholdsProblem({ specialMention: 1, substandard: 91, doubtful: 61, loss: 361 }) // 'thresholds must increase …'
 */
export function thresholdsProblem(t: ClassificationThresholds): string | undefined {
  const values = [t.specialMention, t.substandard, t.doubtful, t.loss];
  if (!values.every((v) => Number.isSafeInteger(v))) return 'thresholds must be whole days';
  if (t.specialMention < 1) return 'specialMention must be at least 1 day';
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) <= (values[i - 1] as number)) {
      return 'thresholds must increase: specialMention < substandard < doubtful < loss';
    }
  }
  return undefined;
}
