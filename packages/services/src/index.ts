export { PHONE_PATTERN, requestOtp, verifyOtp } from './auth/borrower.ts';
export {
  authenticatePartner,
  PARTNER_HEADERS,
  type SignedRequest,
  signPartnerRequest,
  stringToSign,
} from './auth/partner.ts';
export { assertPasswordPolicy, hashPassword, verifyPassword } from './auth/passwords.ts';
export { authenticateToken, changePassword, type IssuedToken, signIn, signOut } from './auth/staff.ts';
export { signToken, type TokenClaims, verifyToken } from './auth/tokens.ts';
export {
  type BorrowerView,
  createBorrower,
  getBorrower,
  listBorrowers,
  type NewBorrower,
} from './borrowers.ts';
export { type AprJson, type Calculation, calculateApr, calculateSchedule } from './calculator.ts';
export {
  type AuthSettings,
  actorOf,
  defaultAuthSettings,
  nowIso,
  type Principal,
  type ServiceContext,
} from './context.ts';
export {
  DEMO_BORROWERS,
  DEMO_PARTNER,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoSummary,
  seedDemo,
} from './demo.ts';
export * from './lending/index.ts';
export { createPartner, getPartner, listPartners, type PartnerView } from './partners.ts';
export * from './payments/index.ts';
export {
  type AuditEntry,
  type AuditRecordView,
  audit,
  listAuditRecords,
  verifyAuditChain,
} from './platform/audit.ts';
export { type DispatchSummary, dispatchOutbox, type EventSink } from './platform/dispatcher.ts';
export { emit, listOutboxEvents, type OutboxEventView } from './platform/events.ts';
export { type IdempotentRequest, runIdempotent, type StoredResponse } from './platform/idempotency.ts';
export type { Notification, Notifier } from './platform/notifier.ts';
export { maskPhone, outboxNotifier } from './platform/outbox-notifier.ts';
export * from './risk/index.ts';
export {
  getStudy,
  listStudies,
  type SitingStudyRequest,
  type SitingStudyView,
  saveSitingStudy,
  seedDefaultSitingStudy,
  sitingProblemOf,
  solveSitingStudy,
  studyGeoJson,
} from './siting.ts';
export { createUser, getUser, listUsers, type NewUser, type UserView } from './users.ts';
