/**
 * Splits `totalMinor` into parts proportional to `weights` (non-negative safe integers, at least one
 * positive) without losing a minor unit: each part is the floor of its exact share, and the units
 * left over go one each to the largest fractional remainders (ties: the earlier part). Negative
 * totals are split as their absolute value and negated. Σ parts = total exactly, and every part is
 * within one minor unit of its exact share.
 *
 * @example allocateByWeights(100, [1, 1, 1]) // [34, 33, 33]
 * @example allocateByWeights(1000, [0, 0, 100]) // [0, 0, 1000]
 */
export function allocateByWeights(totalMinor: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalMinor)) throw new RangeError('total must be a safe integer');
  let sum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError('weights must be non-negative safe integers');
    sum += BigInt(w);
  }
  if (sum === 0n) throw new RangeError('at least one weight must be positive');
  const negative = totalMinor < 0;
  const total = BigInt(negative ? -totalMinor : totalMinor);
  const parts: number[] = new Array(weights.length);
  const remainders: { index: number; rem: bigint }[] = [];
  let given = 0n;
  for (let i = 0; i < weights.length; i++) {
    const exact = total * BigInt(weights[i] as number);
    const q = exact / sum;
    parts[i] = Number(q);
    given += q;
    remainders.push({ index: i, rem: exact - q * sum });
  }
  let left = Number(total - given);
  remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
  for (let k = 0; left > 0; k++, left--) {
    const slot = remainders[k] as { index: number };
    parts[slot.index] = (parts[slot.index] as number) + 1;
  }
  return negative ? parts.map((p) => (p === 0 ? 0 : -p)) : parts;
}

/**
 * Splits `totalMinor` into `count` parts that differ by at most one minor unit, larger parts first.
 *
 * @example splitEvenly(1000, 3) // [334, 333, 333]
 */
export function splitEvenly(totalMinor: number, count: number): number[] {
  if (!Number.isSafeInteger(count) || count <= 0) throw new RangeError('count must be a positive integer');
  return allocateByWeights(totalMinor, new Array<number>(count).fill(1));
}
