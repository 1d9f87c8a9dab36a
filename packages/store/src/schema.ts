import type { Generated } from 'kysely';

/**
 * Table types of the Puhui database. Conventions: ids are text (`usr_…`); money columns are
 * integer minor units (`*_minor`, BIGINT on PostgreSQL, read back as JS numbers); timestamps are
 * ISO-8601 UTC text (`2026-01-01T00:00:00.000Z`), which sorts and compares the same on both
 * databases; JSON documents are text.
 */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  /** JSON array of role names. */
  roles: string;
  status: 'active' | 'disabled';
  failed_attempts: number;
  locked_until: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  subject_type: 'user' | 'borrower';
  subject_id: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

export interface BorrowersTable {
  id: string;
  phone: string;
  full_name: string;
  partner_id: string | null;
  external_ref: string | null;
  created_at: string;
  updated_at: string;
}

export interface OtpCodesTable {
  id: string;
  phone: string;
  code_hash: string;
  expires_at: string;
  attempts: number;
  consumed_at: string | null;
  created_at: string;
}

export interface PartnersTable {
  id: string;
  name: string;
  api_key: string;
  /** HMAC signing secret (shared secret, needed to verify signatures). */
  secret: string;
  status: 'active' | 'disabled';
  created_at: string;
}

export interface PartnerNoncesTable {
  partner_id: string;
  nonce: string;
  created_at: string;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  occurred_at: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  before_digest: string | null;
  after_digest: string | null;
  /** JSON with non-personal details of the change. */
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  subject: string;
  type: string;
  payload: string;
  created_at: string;
  dispatched_at: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
}

export interface SitingStudiesTable {
  id: string;
  name: string;
  model: string;
  problem: string;
  result: string;
  demand_count: number;
  candidate_count: number;
  covered_share: number;
  is_default: number;
  created_by: string;
  created_at: string;
}

export interface RiskModelsTable {
  id: string;
  name: string;
  version: number;
  kind: 'scorecard' | 'gbdt' | 'xgboost';
  source: 'trained' | 'uploaded';
  status: 'candidate' | 'champion' | 'challenger' | 'retired';
  /** The model artefact, JSON text. */
  artefact: string;
  /** JSON: metric summaries (train, cross-validation, hold-out). */
  metrics: string;
  /** JSON: the validation report, when one was built. */
  report: string | null;
  /** JSON array of training or import notes. */
  notes: string;
  training_data_hash: string | null;
  created_by: string;
  created_at: string;
  promoted_by: string | null;
  promoted_at: string | null;
}

/** One live score by one model. No applicant data: a caller's reference only. */
export interface RiskScoreLogTable {
  id: string;
  request_id: string;
  model_id: string;
  role: 'champion' | 'challenger';
  applicant_ref: string | null;
  probability: number;
  score: number;
  grade: string;
  decision: 'approve' | 'decline';
  /** JSON: [{ feature, impact }]. */
  reasons: string;
  missing_count: number;
  latency_ms: number;
  created_at: string;
}

/** The whole database, as Kysely sees it. */
export interface Database {
  risk_models: RiskModelsTable;
  risk_score_log: RiskScoreLogTable;
  siting_studies: SitingStudiesTable;
  users: UsersTable;
  sessions: SessionsTable;
  borrowers: BorrowersTable;
  otp_codes: OtpCodesTable;
  partners: PartnersTable;
  partner_nonces: PartnerNoncesTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  outbox: OutboxTable;
}
