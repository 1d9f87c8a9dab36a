import { createHash } from 'node:crypto';
import { AppError, canonicalJson } from '@puhui/core';
import { findIdempotencyRecord, insertIdempotencyRecord, type Tx } from '@puhui/store';
import type { ServiceContext } from '../context.ts';
import { nowIso } from '../context.ts';

/** A response to store and replay: status and JSON body. */
export interface StoredResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  /** True when this is a replay of the first response for the key. */
  readonly replayed?: boolean;
}

/** The request a key is bound to. */
export interface IdempotentRequest {
  /** Whose key space this is (`user:usr_1`, `partner:ptn_1`): keys of different callers never collide. */
  readonly scope: string;
  readonly key: string;
  /** Method, route and body, hashed: the same key with another request is a conflict. */
  readonly fingerprint: unknown;
}

class LostRace extends Error {}

/**
 * Runs `fn` at most once per (scope, key). The effect and the stored response are written in the
 * same transaction, so a crash never leaves one without the other. A repeat with the same request
 * returns the first response (`replayed: true`); with a different request, `idempotency_key_conflict`.
 * Two concurrent first attempts: one commits, the other rolls back and replays the winner's answer.
 *
 * @example await runIdempotent(ctx, { scope: 'user:u1', key, fingerprint: body }, (tx) => repay(tx, …));
 */
export async function runIdempotent<T>(
  ctx: ServiceContext,
  request: IdempotentRequest,
  fn: (tx: Tx) => Promise<StoredResponse<T>>,
): Promise<StoredResponse<T>> {
  if (!/^[A-Za-z0-9._:-]{8,128}$/.test(request.key)) {
    throw new AppError(
      'validation_failed',
      'Idempotency-Key must be 8–128 characters of A–Z, a–z, 0–9, . _ : -',
      [{ path: 'headers.idempotency-key', message: 'invalid format' }],
    );
  }
  const hash = createHash('sha256').update(canonicalJson(request.fingerprint)).digest('hex');
  const replay = async (): Promise<StoredResponse<T> | undefined> => {
    const found = await findIdempotencyRecord(ctx.store.db, request.scope, request.key);
    if (!found) return undefined;
    if (found.request_hash !== hash) {
      throw new AppError(
        'idempotency_key_conflict',
        'This Idempotency-Key was used with a different request',
      );
    }
    return { status: found.status_code, body: JSON.parse(found.response_body) as T, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await ctx.store.transaction(async (tx) => {
        const result = await fn(tx);
        const stored = await insertIdempotencyRecord(tx, {
          scope: request.scope,
          key: request.key,
          request_hash: hash,
          status_code: result.status,
          response_body: JSON.stringify(result.body),
          created_at: nowIso(ctx),
        });
        if (!stored) throw new LostRace();
        return result;
      });
    } catch (error) {
      // A concurrent request with the same key may have committed first: then its stored answer
      // is this request's answer too, whatever this attempt failed on (a lost insert race, or a
      // use-case check such as "already exists" that saw the winner's effect).
      const winner = await replay();
      if (winner) return winner;
      if (!(error instanceof LostRace) && !isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError('conflict', 'Concurrent requests with the same Idempotency-Key; retry');
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
