import type { BinnedMatrix } from './feature-encoder.ts';

/**
 * The rows `rows` of a binned matrix, as a new matrix (same features and bins).
 *
 * @example subsetRows(matrix, [0, 2]).rows; // 2
 */
export function subsetRows(m: BinnedMatrix, rows: readonly number[]): BinnedMatrix {
  const F = m.features;
  const bins = new Uint8Array(rows.length * F);
  rows.forEach((r, i) => {
    bins.set(m.bins.subarray(r * F, r * F + F), i * F);
  });
  return { rows: rows.length, features: F, bins, nBins: m.nBins, categorical: m.categorical };
}

/**
 * Codes (float64, numeric missing → NaN) of the given rows of a binned matrix, row-major.
 *
 * @example rowCodes(matrix, [1]); // Float64Array of one row
 */
export function rowCodes(m: BinnedMatrix, rows: readonly number[]): Float64Array {
  const F = m.features;
  const out = new Float64Array(rows.length * F);
  rows.forEach((r, i) => {
    for (let f = 0; f < F; f++) {
      const b = m.bins[r * F + f]!;
      out[i * F + f] = !m.categorical[f] && b === m.nBins[f]! - 1 ? Number.NaN : b;
    }
  });
  return out;
}
