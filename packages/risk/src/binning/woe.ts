/**
 * Weight of evidence of a group: ln(share of all goods ÷ share of all bads). Positive means safer
 * than average. When the group has no goods or no bads, 0.5 is added to both of its counts so the
 * value stays finite; otherwise the sign always matches the group's bad rate against the overall
 * rate (WOE < 0 exactly when the group is riskier than average).
 *
 * @example woe(40, 10, 700, 300); // ln((40/700)/(10/300)) ≈ 0.539
 */
export function woe(goods: number, bads: number, totalGoods: number, totalBads: number): number {
  const g = goods === 0 || bads === 0 ? goods + 0.5 : goods;
  const b = goods === 0 || bads === 0 ? bads + 0.5 : bads;
  return Math.log(g / totalGoods / (b / totalBads));
}

/**
 * Information value contributed by a group: (good share − bad share) × WOE, never negative.
 *
 * @example ivTerm(40, 10, 700, 300); // ≈ 0.0128
 */
export function ivTerm(goods: number, bads: number, totalGoods: number, totalBads: number): number {
  const g = goods === 0 || bads === 0 ? goods + 0.5 : goods;
  const b = goods === 0 || bads === 0 ? bads + 0.5 : bads;
  return (g / totalGoods - b / totalBads) * Math.log(g / totalGoods / (b / totalBads));
}
