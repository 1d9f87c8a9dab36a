/**
 * The catalogue of stable error codes. Every expected failure in Puhui has exactly one code here;
 * the HTTP layer maps the code to its status and renders an RFC 9457 `application/problem+json`
 * body, the CLI prints the code's message. docs/errors.md documents every entry (a test keeps the
 * two in step). Codes are never renamed once published; new ones are appended.
 */
export const errorCatalogue = {
  // Request shape
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  validation_failed: { status: 400, title: 'The request does not match the schema' },
  unsupported_media_type: { status: 415, title: 'The request body must be application/json' },
  payload_too_large: { status: 413, title: 'The request body is larger than allowed' },
  idempotency_key_required: { status: 400, title: 'This request needs an Idempotency-Key header' },
  idempotency_key_conflict: {
    status: 409,
    title: 'The Idempotency-Key was already used with a different request',
  },
  not_found: { status: 404, title: 'No such resource' },
  method_not_allowed: { status: 405, title: 'Method not allowed on this resource' },
  rate_limited: { status: 429, title: 'Too many requests; slow down' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  // Authentication and authorisation
  unauthenticated: { status: 401, title: 'Authentication is required' },
  invalid_credentials: { status: 401, title: 'Wrong user name or password' },
  account_locked: { status: 423, title: 'The account is locked after repeated failed sign-ins' },
  account_disabled: { status: 403, title: 'The account is disabled' },
  token_invalid: { status: 401, title: 'The access token is malformed or its signature is wrong' },
  token_expired: { status: 401, title: 'The access token has expired' },
  token_revoked: { status: 401, title: 'The access token was revoked (signed out)' },
  forbidden: { status: 403, title: 'Your role does not allow this action' },
  password_too_weak: { status: 400, title: 'The new password does not meet the password policy' },
  otp_invalid: { status: 401, title: 'The one-time code is wrong or has expired' },
  otp_too_many_requests: { status: 429, title: 'Too many one-time codes requested for this number' },
  signature_missing: { status: 401, title: 'Partner signature headers are missing' },
  signature_invalid: { status: 401, title: 'The partner signature does not match the request' },
  signature_stale: { status: 401, title: 'The signed timestamp is outside the allowed window' },
  nonce_replayed: { status: 401, title: 'The nonce was already used' },
  unknown_api_key: { status: 401, title: 'Unknown or disabled partner API key' },
  // Resources
  user_exists: { status: 409, title: 'A user with this user name already exists' },
  unknown_role: { status: 400, title: 'Unknown role' },
  rate_not_found: { status: 422, title: 'The cash flows admit no annualised rate' },
  unknown_id: { status: 400, title: 'The input refers to an id that does not exist in it' },
  missing_cost: { status: 400, title: 'The cost matrix lacks a demand–site pair' },
  infeasible: { status: 422, title: 'No solution satisfies the model' },
  solver_failed: { status: 422, title: 'The solver stopped without a usable answer' },
  no_champion: { status: 409, title: 'No champion risk model is promoted' },
  model_invalid: { status: 422, title: 'The model file is not a usable risk model' },
  dataset_invalid: { status: 422, title: 'The dataset cannot be used for this model' },
  applicant_unusable: { status: 422, title: "The applicant has none of the model's inputs" },
  maker_checker: { status: 403, title: 'The approver must not be the maker' },
  product_not_active: { status: 409, title: 'The loan product is not active' },
  outside_product_limits: { status: 422, title: 'The loan terms are outside the product limits' },
  loan_state_conflict: { status: 409, title: 'The loan is not in a state that allows this' },
  classification_below_floor: {
    status: 422,
    title: 'A classification may not be better than its arrears floor',
  },
  eod_date_invalid: { status: 409, title: 'The business date is already closed or not yet open' },
  reconciliation_failed: { status: 500, title: 'The loan sub-ledger does not equal the control accounts' },
  // Payments
  payment_channel_unknown: { status: 422, title: 'The payment channel is not offered' },
  payment_exceeds_payoff: {
    status: 422,
    title: 'The payment is more than the loan’s payoff amount',
  },
  payment_callback_invalid: { status: 401, title: 'The payment channel’s callback is not authentic' },
  payment_mismatch: { status: 409, title: 'The callback does not match the payment' },
  // Infrastructure
  service_unavailable: { status: 503, title: 'A dependency (the database) is unavailable; retry later' },
  internal_error: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A stable error code from {@link errorCatalogue}. */
export type ErrorCode = keyof typeof errorCatalogue;

/** Where in the input a validation problem lies, and why. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/**
 * An expected failure carrying a catalogue code. Use cases throw it (or return it in a result);
 * adapters render it. `detail` is safe to show to the caller; never put internals in it.
 *
 * @example throw new AppError('not_found', 'No user u_123');
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: readonly FieldError[] | undefined;

  constructor(code: ErrorCode, detail?: string, errors?: readonly FieldError[]) {
    super(detail ?? errorCatalogue[code].title);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.detail = detail;
    this.errors = errors;
  }
}

/** True when `value` is an {@link AppError}. */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
