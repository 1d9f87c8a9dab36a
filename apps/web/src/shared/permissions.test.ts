import { permissions, permissionsOf, roles } from '@puhui/core';
import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES } from './permissions.ts';

describe('the web app’s view of roles and permissions', () => {
  it('knows exactly the server’s permissions and roles', () => {
    expect([...PERMISSIONS].sort()).toEqual([...permissions].sort());
    expect([...ROLES].sort()).toEqual([...roles].sort());
  });

  it('decides from the permissions /auth/me lists', () => {
    const auditor = { permissions: [...permissionsOf(['auditor'])] };
    expect(can(auditor, 'audit:verify')).toBe(true);
    expect(can(auditor, 'users:manage')).toBe(false);
    expect(can(undefined, 'audit:read')).toBe(false);
    expect(can(undefined, undefined)).toBe(true);
  });
});
