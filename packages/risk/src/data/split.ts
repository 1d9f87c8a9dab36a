import { createRng, shuffled } from '../random.ts';

/**
 * Seeded stratified split of row positions `0..y.length-1` into train and test: each class
 * contributes `round(testFraction × classCount)` rows to test. Both lists are ascending.
 *
 * @example stratifiedSplit(Uint8Array.of(0, 0, 1, 1), 0.5, 7); // { train: [..2 rows], test: [..2 rows] }
 */
export function stratifiedSplit(
  y: ArrayLike<number>,
  testFraction: number,
  seed: number,
): { train: number[]; test: number[] } {
  if (!(testFraction > 0 && testFraction < 1)) throw new Error('testFraction must be in (0, 1)');
  const rng = createRng(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
    const order = shuffled(idx, rng);
    const nTest = Math.round(testFraction * order.length);
    order.forEach((i, k) => {
      (k < nTest ? test : train).push(i);
    });
  }
  train.sort((p, q) => p - q);
  test.sort((p, q) => p - q);
  return { train, test };
}

/**
 * Seeded stratified k-fold assignment: returns the fold (0..k-1) of every row, each class dealt
 * round-robin over the folds after a shuffle, so folds differ in size by at most one per class.
 *
 * @example stratifiedFolds(Uint8Array.of(0, 1, 0, 1), 2, 1); // e.g. [0, 1, 1, 0]
 */
export function stratifiedFolds(y: ArrayLike<number>, k: number, seed: number): Uint8Array {
  if (k < 2 || k > 255) throw new Error('k must be in 2..255');
  const rng = createRng(seed);
  const fold = new Uint8Array(y.length);
  let offset = 0;
  for (const cls of [0, 1]) {
    const idx: number[] = [];
    for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
    shuffled(idx, rng).forEach((i, p) => {
      fold[i] = (p + offset) % k;
    });
    offset = idx.length % k;
  }
  return fold;
}
