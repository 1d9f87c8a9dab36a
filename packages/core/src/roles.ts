/** Staff roles. A user holds one or more. */
export const roles = [
  'admin',
  'product_manager',
  'risk_manager',
  'loan_officer',
  'operations',
  'auditor',
] as const;

export type Role = (typeof roles)[number];

/**
 * Every permission a staff route can require. A route declares exactly one; a role grants a fixed
 * set; anything not granted is denied.
 */
export const permissions = [
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

export type Permission = (typeof permissions)[number];

const read: Permission[] = [
  'borrowers:read',
  'products:read',
  'loans:read',
  'reports:read',
  'risk:read',
  'siting:read',
];

/** What each role may do. Admin administers users and partners; it does not move money. */
export const rolePermissions: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    ...read,
    'users:read',
    'users:manage',
    'partners:read',
    'partners:manage',
    'audit:read',
    'outbox:read',
  ],
  product_manager: [...read, 'products:write', 'products:approve'],
  risk_manager: [...read, 'risk:train', 'risk:promote', 'risk:score', 'products:approve'],
  loan_officer: [...read, 'borrowers:write', 'loans:write', 'loans:transact', 'risk:score'],
  operations: [
    ...read,
    'loans:transact',
    'loans:write_off',
    'eod:run',
    'siting:run',
    'outbox:read',
    'partners:read',
  ],
  auditor: [...read, 'users:read', 'audit:read', 'audit:verify', 'outbox:read', 'partners:read'],
};

/**
 * The union of the permissions of `userRoles`.
 *
 * @example permissionsOf(['auditor']).has('audit:verify'); // true
 */
export function permissionsOf(userRoles: readonly Role[]): ReadonlySet<Permission> {
  const out = new Set<Permission>();
  for (const role of userRoles) for (const p of rolePermissions[role] ?? []) out.add(p);
  return out;
}
