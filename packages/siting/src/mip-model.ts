import { nearestAssignment, type Solution } from './evaluate.ts';
import type { Instance } from './instance.ts';

/**
 * A mixed-integer linear program in sparse row form, independent of any solver:
 * optimise `colCost·x` subject to `rowLower ≤ A x ≤ rowUpper`, `colLower ≤ x ≤ colUpper`, and
 * `x[k]` integer where `integer[k]` is 1. Infinite bounds are `±Infinity`.
 */
export interface MipModel {
  readonly sense: 'minimize' | 'maximize';
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly integer: Uint8Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Compressed sparse rows: row `r` has entries `rowStart[r] .. rowStart[r+1]`. */
  readonly rowStart: Int32Array;
  readonly rowIndex: Int32Array;
  readonly rowValue: Float64Array;
}

/** A {@link MipModel} with the way back from its column values to a siting {@link Solution}. */
export interface SitingMip {
  readonly model: MipModel;
  /** Column of the open/closed variable of each site (site `j` is column `j`). */
  readonly siteColumns: number;
  /** For uncapacitated `mclp`: the coverage row of each demand point (-1 when it has none). */
  readonly coverRow?: Int32Array;
  decode(colValue: Float64Array): Solution;
}

class Builder {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: number[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  readonly rowStart: number[] = [0];
  readonly rowIndex: number[] = [];
  readonly rowValue: number[] = [];

  col(cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  row(index: readonly number[], value: readonly number[], lower: number, upper: number): void {
    for (let k = 0; k < index.length; k++) {
      this.rowIndex.push(index[k]!);
      this.rowValue.push(value[k]!);
    }
    this.rowStart.push(this.rowIndex.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }

  build(sense: MipModel['sense']): MipModel {
    return {
      sense,
      numCols: this.cost.length,
      numRows: this.rowLower.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integer: Uint8Array.from(this.integer),
      rowLower: Float64Array.from(this.rowLower),
      rowUpper: Float64Array.from(this.rowUpper),
      rowStart: Int32Array.from(this.rowStart),
      rowIndex: Int32Array.from(this.rowIndex),
      rowValue: Float64Array.from(this.rowValue),
    };
  }
}

const INF = Number.POSITIVE_INFINITY;

/**
 * Formulates an instance as a mixed-integer program. Site `j` is binary column `j` (lower bound 1
 * when fixed open). Without capacities:
 * - `mclp`: max Σ wᵢ yᵢ s.t. yᵢ ≤ Σ_{j covers i} xⱼ, Σ xⱼ = p, 0 ≤ yᵢ ≤ 1;
 * - `lscp`: min Σ xⱼ s.t. Σ_{j covers i} xⱼ ≥ 1;
 * - `pmedian`: min Σ wᵢ dᵢⱼ zᵢⱼ s.t. Σⱼ zᵢⱼ = 1, zᵢⱼ ≤ xⱼ, Σ xⱼ = p;
 * - `pcenter`: min D s.t. Σⱼ dᵢⱼ zᵢⱼ ≤ D and the p-median constraints.
 * With capacities the assignments zᵢⱼ are binary (each demand point served by one site) and
 * Σᵢ wᵢ zᵢⱼ ≤ capⱼ xⱼ; in `mclp`/`lscp` zᵢⱼ exists only where j covers i.
 *
 * @example const { model } = buildMip(inst); model.numCols; // m + n for an uncapacitated mclp
 */
export function buildMip(inst: Instance): SitingMip {
  const { n, m, cost, weight, model, capacity } = inst;
  const b = new Builder();
  for (let j = 0; j < m; j++) b.col(model === 'lscp' ? 1 : 0, inst.fixed[j] ? 1 : 0, 1, true);
  const cardinality = (): void => {
    if (model !== 'lscp') {
      b.row(
        Array.from({ length: m }, (_, j) => j),
        new Array<number>(m).fill(1),
        inst.p,
        inst.p,
      );
    }
  };
  // Only the covering models restrict pairs to the radius; elsewhere the radius is for reporting.
  const cov = model === 'mclp' || model === 'lscp' ? inst.coverage : undefined;
  const coveringSites = (i: number): number[] => {
    if (cov === undefined) return Array.from({ length: m }, (_, j) => j);
    return Array.from(cov.demandSite.subarray(cov.demandStart[i]!, cov.demandStart[i + 1]!));
  };

  if (capacity === undefined && (model === 'mclp' || model === 'lscp')) {
    if (model === 'mclp') {
      const coverRow = new Int32Array(n).fill(-1);
      for (let i = 0; i < n; i++) {
        const sites = coveringSites(i);
        if (sites.length === 0 || weight[i] === 0) continue;
        const y = b.col(weight[i]!, 0, 1, false);
        coverRow[i] = b.rowLower.length;
        b.row([y, ...sites], [1, ...sites.map(() => -1)], -INF, 0);
      }
      cardinality();
      return {
        model: b.build('maximize'),
        siteColumns: m,
        coverRow,
        decode: (v) => nearestAssignment(inst, openOf(v, m)),
      };
    }
    for (let i = 0; i < n; i++) {
      const sites = coveringSites(i);
      b.row(
        sites,
        sites.map(() => 1),
        1,
        INF,
      );
    }
    return {
      model: b.build('minimize'),
      siteColumns: m,
      decode: (v) => nearestAssignment(inst, openOf(v, m)),
    };
  }

  // Assignment formulations: z[i][j] for every allowed pair.
  const binaryZ = capacity !== undefined;
  const pairStart = new Int32Array(n + 1);
  const pairSite: number[] = [];
  const pairCol: number[] = [];
  const center = model === 'pcenter' ? b.col(1, 0, INF, false) : -1;
  for (let i = 0; i < n; i++) {
    const sites = coveringSites(i);
    for (const j of sites) {
      const c = model === 'pmedian' ? weight[i]! * cost[i * m + j]! : model === 'mclp' ? weight[i]! : 0;
      pairSite.push(j);
      pairCol.push(b.col(c, 0, 1, binaryZ));
    }
    pairStart[i + 1] = pairSite.length;
  }
  for (let i = 0; i < n; i++) {
    const cols = pairCol.slice(pairStart[i]!, pairStart[i + 1]!);
    if (model === 'mclp') {
      if (cols.length > 0)
        b.row(
          cols,
          cols.map(() => 1),
          -INF,
          1,
        );
    } else {
      b.row(
        cols,
        cols.map(() => 1),
        1,
        1,
      );
    }
    if (model === 'pcenter') {
      const sites = pairSite.slice(pairStart[i]!, pairStart[i + 1]!);
      b.row([...cols, center], [...sites.map((j) => cost[i * m + j]!), -1], -INF, 0);
    }
  }
  for (let k = 0; k < pairCol.length; k++) b.row([pairCol[k]!, pairSite[k]!], [1, -1], -INF, 0);
  if (capacity !== undefined) {
    const bySite: number[][] = Array.from({ length: m }, () => []);
    const weightBySite: number[][] = Array.from({ length: m }, () => []);
    for (let i = 0; i < n; i++) {
      for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) {
        bySite[pairSite[k]!]!.push(pairCol[k]!);
        weightBySite[pairSite[k]!]!.push(weight[i]!);
      }
    }
    for (let j = 0; j < m; j++) {
      if (capacity[j] === INF) continue;
      b.row([...bySite[j]!, j], [...weightBySite[j]!, -capacity[j]!], -INF, 0);
    }
  }
  cardinality();
  const decode = (v: Float64Array): Solution => {
    const open = openOf(v, m);
    if (!binaryZ) return nearestAssignment(inst, open);
    const assign = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      for (let k = pairStart[i]!; k < pairStart[i + 1]!; k++) {
        if (v[pairCol[k]!]! > 0.5) assign[i] = pairSite[k]!;
      }
    }
    return { open, assign };
  };
  return { model: b.build(model === 'mclp' ? 'maximize' : 'minimize'), siteColumns: m, decode };
}

function openOf(v: Float64Array, m: number): Uint8Array {
  const open = new Uint8Array(m);
  for (let j = 0; j < m; j++) open[j] = v[j]! > 0.5 ? 1 : 0;
  return open;
}
