/**
 * Asserts a condition that only a programming error can break (never user input).
 *
 * @example invariant(lines.length >= 2, 'an entry has two lines');
 */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}
