import { AppError, type Role } from '@puhui/core';
import {
  findSession,
  findUserById,
  findUserByUsername,
  insertSession,
  revokeSession,
  revokeSessionsOf,
  type UserRow,
  updateUser,
} from '@puhui/store';
import { nowIso, type Principal, type ServiceContext } from '../context.ts';
import { audit } from '../platform/audit.ts';
import { assertPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';
import { signToken, verifyToken } from './tokens.ts';

/** A signed-in session: the bearer token and when it expires. */
export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresAt: string;
}

async function issue(ctx: ServiceContext, typ: 'user' | 'borrower', subjectId: string): Promise<IssuedToken> {
  const now = ctx.clock.now();
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ctx.auth.tokenTtlSeconds;
  const jti = ctx.ids.next('ses');
  const expiresAt = new Date(exp * 1000).toISOString();
  await insertSession(ctx.store.db, {
    id: jti,
    subject_type: typ,
    subject_id: subjectId,
    expires_at: expiresAt,
    revoked_at: null,
    created_at: now.toISOString(),
  });
  return {
    accessToken: signToken({ sub: subjectId, typ, jti, iat, exp }, ctx.auth.tokenSecret),
    tokenType: 'Bearer',
    expiresAt,
  };
}

export { issue as issueToken };

/**
 * Staff sign-in with user name and password. Wrong passwords count towards a lock-out
 * (`account_locked` for `lockoutMinutes` after `maxFailedSignIns` in a row); an unknown user takes
 * as long as a known one. Every outcome is audited.
 *
 * @example const { accessToken } = await signIn(ctx, { username: 'admin', password: '…' });
 */
export async function signIn(
  ctx: ServiceContext,
  input: { username: string; password: string },
): Promise<IssuedToken> {
  const user = await findUserByUsername(ctx.store.db, input.username);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('invalid_credentials');
  }
  const now = ctx.clock.now();
  if (user.locked_until && new Date(user.locked_until) > now) {
    throw new AppError('account_locked', `Locked until ${user.locked_until}`);
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  const actor: Principal = { kind: 'user', id: user.id, username: user.username, roles: [], sessionId: '' };
  if (!ok) {
    const failures = user.failed_attempts + 1;
    const lock = failures >= ctx.auth.maxFailedSignIns;
    const lockedUntil = lock
      ? new Date(now.getTime() + ctx.auth.lockoutMinutes * 60_000).toISOString()
      : null;
    await ctx.store.transaction(async (tx) => {
      await updateUser(tx, user.id, {
        failed_attempts: lock ? 0 : failures,
        locked_until: lockedUntil ?? user.locked_until,
        updated_at: now.toISOString(),
      });
      await audit(ctx, tx, actor, {
        action: lock ? 'auth.locked' : 'auth.sign_in_failed',
        subjectType: 'user',
        subjectId: user.id,
        details: { failures },
      });
    });
    if (lock) throw new AppError('account_locked', `Too many failed sign-ins; locked until ${lockedUntil}`);
    throw new AppError('invalid_credentials');
  }
  if (user.status !== 'active') throw new AppError('account_disabled');
  await ctx.store.transaction(async (tx) => {
    await updateUser(tx, user.id, { failed_attempts: 0, locked_until: null, updated_at: now.toISOString() });
    await audit(ctx, tx, actor, { action: 'auth.sign_in', subjectType: 'user', subjectId: user.id });
  });
  return issue(ctx, 'user', user.id);
}

/**
 * Resolves a bearer token to its principal: checks signature and expiry, then that the session is
 * not revoked and the user is still active.
 *
 * @example const principal = await authenticateToken(ctx, token);
 */
export async function authenticateToken(ctx: ServiceContext, token: string): Promise<Principal> {
  const claims = verifyToken(token, ctx.auth.tokenSecret, ctx.clock.now().getTime() / 1000);
  const session = await findSession(ctx.store.db, claims.jti);
  if (!session || session.subject_id !== claims.sub || session.subject_type !== claims.typ) {
    throw new AppError('token_invalid');
  }
  if (session.revoked_at) throw new AppError('token_revoked');
  if (claims.typ === 'borrower') return { kind: 'borrower', id: claims.sub, sessionId: claims.jti };
  const user = await findUserById(ctx.store.db, claims.sub);
  if (!user) throw new AppError('token_invalid');
  if (user.status !== 'active') throw new AppError('account_disabled');
  return {
    kind: 'user',
    id: user.id,
    username: user.username,
    roles: parseRoles(user),
    sessionId: claims.jti,
  };
}

/** The roles column as a typed array. */
export function parseRoles(user: Pick<UserRow, 'roles'>): Role[] {
  return JSON.parse(user.roles) as Role[];
}

/** Ends the caller's session: its token stops working at once. */
export async function signOut(ctx: ServiceContext, principal: Principal): Promise<void> {
  if (principal.kind !== 'user' && principal.kind !== 'borrower') return;
  await ctx.store.transaction(async (tx) => {
    await revokeSession(tx, principal.sessionId, nowIso(ctx));
    await audit(ctx, tx, principal, {
      action: 'auth.sign_out',
      subjectType: principal.kind,
      subjectId: principal.id,
    });
  });
}

/**
 * Changes the caller's password after checking the current one; every other session of the user is
 * revoked.
 *
 * @example await changePassword(ctx, principal, { currentPassword, newPassword });
 */
export async function changePassword(
  ctx: ServiceContext,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (principal.kind !== 'user') throw new AppError('forbidden');
  const user = await findUserById(ctx.store.db, principal.id);
  if (!user) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw new AppError('invalid_credentials');
  assertPasswordPolicy(input.newPassword, user.username, 'body.newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new AppError('password_too_weak', 'The new password must differ from the current one', [
      { path: 'body.newPassword', message: 'same as current password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = nowIso(ctx);
  await ctx.store.transaction(async (tx) => {
    await updateUser(tx, user.id, { password_hash: passwordHash, password_changed_at: now, updated_at: now });
    await revokeSessionsOf(tx, 'user', user.id, now);
    await audit(ctx, tx, principal, {
      action: 'auth.password_changed',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
}
