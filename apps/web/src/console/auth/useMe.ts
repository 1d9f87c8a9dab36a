import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { can, type Me, type Permission } from '../../shared/permissions.ts';
import { api, consoleSession } from '../context.ts';

/**
 * The signed-in staff user (`GET /api/v1/auth/me`): who they are and their permissions.
 *
 * @example const { data: me } = useMe(); me?.username;
 */
export function useMe() {
  const session = useSession(consoleSession);
  return useQuery({
    queryKey: ['auth', 'me', session?.token],
    queryFn: () => call(api.GET('/api/v1/auth/me')),
    enabled: session !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * Whether the signed-in user holds `permission` — for showing menus and buttons only; the server
 * checks every request again.
 *
 * @example const canCreate = useCan('users:manage');
 */
export function useCan(permission: Permission | undefined): boolean {
  const { data } = useMe();
  return can(data as Me | undefined, permission);
}
