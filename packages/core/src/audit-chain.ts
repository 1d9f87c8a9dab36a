import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** The fields of an audit record that its hash covers. */
export interface AuditLink {
  readonly seq: number;
  readonly id: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly beforeDigest: string | null;
  readonly afterDigest: string | null;
  readonly details: string | null;
  readonly prevHash: string;
}

/** The hash before the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over a record's fields and the previous record's hash: changing, removing or reordering
 * any record breaks every later link.
 *
 * @example auditHash({ seq: 1, prevHash: GENESIS_HASH, ... });
 */
export function auditHash(link: AuditLink): string {
  return createHash('sha256').update(canonicalJson(link)).digest('hex');
}

/**
 * A digest of a state snapshot (before or after a change), so the log proves what changed without
 * copying personal data into it.
 *
 * @example stateDigest({ status: 'active' });
 */
export function stateDigest(state: unknown): string | null {
  if (state === undefined || state === null) return null;
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}

/** The first broken link found by {@link verifyAuditChain}. */
export interface AuditBreak {
  readonly seq: number;
  readonly id: string;
  readonly reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/**
 * Checks links in order against the running previous hash. Feed it records in `seq` order; it
 * keeps O(1) state so a chain of any length streams through.
 *
 * @example const v = auditVerifier(); for (const r of rows) { const b = v.check(r, r.hash); if (b) return b; }
 */
export function auditVerifier(): {
  check(link: AuditLink, storedHash: string): AuditBreak | undefined;
  readonly count: number;
  readonly head: string;
} {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  return {
    check(link, storedHash) {
      if (link.seq !== expectedSeq) return { seq: link.seq, id: link.id, reason: 'sequence_gap' };
      if (link.prevHash !== prev) return { seq: link.seq, id: link.id, reason: 'prev_hash_mismatch' };
      if (auditHash(link) !== storedHash) return { seq: link.seq, id: link.id, reason: 'hash_mismatch' };
      prev = storedHash;
      expectedSeq++;
      count++;
      return undefined;
    },
    get count() {
      return count;
    },
    get head() {
      return prev;
    },
  };
}
