import type { components, paths } from '../api/schema.d.ts';

/**
 * The permissions the server grants (docs/security.md). The web app only uses them to decide what
 * to show: the server enforces every one of them again. `permissions.test.ts` checks this list
 * against the server's table.
 */
export const PERMISSIONS = [
  'users:read',
  'users:manage',
  'audit:read',
  'audit:verify',
  'outbox:read',
  'borrowers:read',
  'borrowers:write',
  'partners:read',
  'partners:manage',
  'products:read',
  'products:write',
  'products:approve',
  'loans:read',
  'loans:write',
  'loans:transact',
  'loans:write_off',
  'eod:run',
  'reports:read',
  'risk:read',
  'risk:train',
  'risk:promote',
  'risk:score',
  'siting:read',
  'siting:run',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** A staff role, as the API's `POST /users` body names them (from the generated types). */
export type Role = NonNullable<
  paths['/api/v1/users']['post']['requestBody']
>['content']['application/json']['roles'][number];

/** Every role, in the order the console lists them. */
export const ROLES = [
  'admin',
  'product_manager',
  'risk_manager',
  'loan_officer',
  'operations',
  'auditor',
] as const satisfies readonly Role[];

// Fails to compile when the server adds a role this list lacks.
const _allRoles: Exclude<Role, (typeof ROLES)[number]> extends never ? true : never = true;
void _allRoles;

/** The caller as `GET /api/v1/auth/me` describes it. */
export type Me = paths['/api/v1/auth/me']['get']['responses']['200']['content']['application/json'];

/** A staff user as the API returns it. */
export type User = components['schemas']['User'];

/**
 * Whether the caller holds `permission` (a missing caller holds none).
 *
 * @example can({ kind: 'user', id: 'u1', roles: ['auditor'], permissions: ['audit:read'] }, 'audit:read'); // true
 */
export function can(me: Pick<Me, 'permissions'> | undefined, permission: Permission | undefined): boolean {
  if (permission === undefined) return true;
  return me?.permissions.includes(permission) ?? false;
}
