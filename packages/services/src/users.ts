import { AppError, roles as allRoles, type Role } from '@puhui/core';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers as listUserRows,
  type Tx,
  type UserRow,
} from '@puhui/store';
import { assertPasswordPolicy, hashPassword } from './auth/passwords.ts';
import { parseRoles } from './auth/staff.ts';
import { nowIso, type Principal, type ServiceContext } from './context.ts';
import { audit } from './platform/audit.ts';

/** A staff user as the API shows it (never the password hash). */
export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly status: 'active' | 'disabled';
  readonly locked: boolean;
  readonly createdAt: string;
}

/** The public view of a user row at an instant (for the lock flag). */
export function userView(row: UserRow, now: Date): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: parseRoles(row),
    status: row.status,
    locked: row.locked_until !== null && new Date(row.locked_until) > now,
    createdAt: row.created_at,
  };
}

/** Input of {@link createUser}. */
export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly string[];
}

/**
 * Creates a staff user with argon2id-hashed password and at least one role, inside the caller's
 * transaction. Fails with `user_exists`, `unknown_role` or `password_too_weak`.
 *
 * @example await ctx.store.transaction((tx) => createUser(ctx, tx, admin, { username: 'li.wei', displayName: '李伟', password: 'Secret-2026', roles: ['loan_officer'] }));
 */
export async function createUser(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  input: NewUser,
): Promise<UserView> {
  const unknown = input.roles.filter((r) => !(allRoles as readonly string[]).includes(r));
  if (unknown.length > 0 || input.roles.length === 0) {
    throw new AppError(
      'unknown_role',
      input.roles.length === 0 ? 'At least one role is required' : `Unknown role: ${unknown.join(', ')}`,
      [{ path: 'body.roles', message: `allowed: ${allRoles.join(', ')}` }],
    );
  }
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(input.username)) {
    throw new AppError('validation_failed', 'User names are 2–63 of a–z, 0–9, . _ -', [
      { path: 'body.username', message: 'invalid format' },
    ]);
  }
  assertPasswordPolicy(input.password, input.username);
  if (await findUserByUsername(tx, input.username)) throw new AppError('user_exists');
  const passwordHash = await hashPassword(input.password);
  const now = nowIso(ctx);
  const row: UserRow = {
    id: ctx.ids.next('usr'),
    username: input.username,
    display_name: input.displayName,
    password_hash: passwordHash,
    roles: JSON.stringify([...new Set(input.roles)]),
    status: 'active',
    failed_attempts: 0,
    locked_until: null,
    password_changed_at: now,
    created_at: now,
    updated_at: now,
  };
  const view = userView(row, ctx.clock.now());
  await insertUser(tx, row);
  await audit(ctx, tx, actor, { action: 'user.create', subjectType: 'user', subjectId: row.id, after: view });
  return view;
}

/** Staff users, a page at a time. */
export async function listUsers(
  ctx: ServiceContext,
  page: { limit: number; offset: number },
): Promise<UserView[]> {
  const now = ctx.clock.now();
  return (await listUserRows(ctx.store.db, page)).map((r) => userView(r, now));
}

/** One staff user, or `not_found`. */
export async function getUser(ctx: ServiceContext, id: string): Promise<UserView> {
  const row = await findUserById(ctx.store.db, id);
  if (!row) throw new AppError('not_found', `No user ${id}`);
  return userView(row, ctx.clock.now());
}
