import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../shared/permissions.ts';
import { useCan } from './useMe.ts';

/** A page for users with `permission`; others see "not allowed" (the server would refuse them anyway). */
export function RequirePermission({
  permission,
  children,
}: {
  permission?: Permission;
  children: ReactNode;
}) {
  const allowed = useCan(permission);
  const { t } = useTranslation();
  if (allowed) return children;
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24 }}>{t('forbidden.title')}</h1>}
      subTitle={t('forbidden.text')}
    />
  );
}
