/** Points scaling: `baseScore` points at good:bad odds of `baseOdds`; every `pdo` points double the odds. */
export interface Scaling {
  readonly baseScore: number;
  readonly baseOdds: number;
  readonly pdo: number;
}

/** The usual defaults: 600 points at 50:1 good:bad odds, 20 points to double the odds. */
export const DEFAULT_SCALING: Scaling = { baseScore: 600, baseOdds: 50, pdo: 20 };

/**
 * Factor and offset of the scaling: score = offset + factor · ln(good:bad odds), with
 * factor = pdo / ln 2 and offset = baseScore − factor · ln(baseOdds).
 *
 * @example scalingConstants(DEFAULT_SCALING).factor; // 28.8539…
 */
export function scalingConstants(s: Scaling): { factor: number; offset: number } {
  if (!(s.pdo > 0) || !(s.baseOdds > 0)) throw new Error('pdo and baseOdds must be positive');
  const factor = s.pdo / Math.LN2;
  return { factor, offset: s.baseScore - factor * Math.log(s.baseOdds) };
}

/**
 * Score of a bad probability: offset + factor · ln((1 − p) / p). Higher score = safer.
 *
 * @example probabilityToScore(1 / 51, DEFAULT_SCALING); // 600
 */
export function probabilityToScore(p: number, s: Scaling = DEFAULT_SCALING): number {
  const { factor, offset } = scalingConstants(s);
  const q = Math.min(Math.max(p, 1e-15), 1 - 1e-15);
  return offset + factor * Math.log((1 - q) / q);
}

/**
 * Bad probability of a score (the inverse of {@link probabilityToScore}).
 *
 * @example scoreToProbability(620, DEFAULT_SCALING); // 1 / 101
 */
export function scoreToProbability(score: number, s: Scaling = DEFAULT_SCALING): number {
  const { factor, offset } = scalingConstants(s);
  return 1 / (1 + Math.exp((score - offset) / factor));
}

/**
 * Score of a logit of the bad probability: offset − factor · logit.
 *
 * @example logitToScore(-Math.log(50)); // 600
 */
export function logitToScore(logit: number, s: Scaling = DEFAULT_SCALING): number {
  const { factor, offset } = scalingConstants(s);
  return offset - factor * logit;
}
