export {
  type AuditBreak,
  type AuditLink,
  auditHash,
  auditVerifier,
  GENESIS_HASH,
  stateDigest,
} from './audit-chain.ts';
export { canonicalJson } from './canonical-json.ts';
export { type Clock, type ManualClock, manualClock, systemClock } from './clock.ts';
export { AppError, type ErrorCode, errorCatalogue, type FieldError, isAppError } from './errors.ts';
export { type IdSource, randomIds, sequentialIds } from './ids.ts';
export { invariant } from './invariant.ts';
export { createRng, normal, type Rng, shuffled } from './random.ts';
export { type Permission, permissions, permissionsOf, type Role, rolePermissions, roles } from './roles.ts';
