/** The parts of a loan balance, in the order Fineract names them. */
export type Component = 'principal' | 'interest' | 'fee' | 'penalty';

export const COMPONENTS: readonly Component[] = ['principal', 'interest', 'fee', 'penalty'];

/** One amount (minor units) per component. */
export type Components = { readonly [C in Component]: number };

/** A mutable {@link Components}, used inside the engines only. */
export type MutableComponents = { [C in Component]: number };

/**
 * All-zero components.
 *
 * @example zeroComponents() // { principal: 0, interest: 0, fee: 0, penalty: 0 }
 */
export function zeroComponents(): MutableComponents {
  return { principal: 0, interest: 0, fee: 0, penalty: 0 };
}

/**
 * Sum of the four components.
 *
 * @example componentsTotal({ principal: 1, interest: 2, fee: 3, penalty: 4 }) // 10
 */
export function componentsTotal(c: Components): number {
  return c.principal + c.interest + c.fee + c.penalty;
}
