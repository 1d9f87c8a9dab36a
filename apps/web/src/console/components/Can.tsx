import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions.ts';
import { useCan } from '../auth/useMe.ts';

/**
 * Renders its children only for users holding `permission` (actions such as "New user").
 *
 * @example <Can permission="users:manage"><Button>New user</Button></Can>
 */
export function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : null;
}
