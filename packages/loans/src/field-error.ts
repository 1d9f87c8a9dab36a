/** One reason an input was rejected: the field (as named in the JSON input, dotted for nesting) and why. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/**
 * Formats field errors as one line: `field: reason; field: reason`.
 *
 * @example formatFieldErrors([{ field: 'annualRate', reason: 'must not be negative' }]) // "annualRate: must not be negative"
 */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
}
