import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, type MenuProps, Spin, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { can, type Me } from '../../shared/permissions.ts';
import { useMe } from '../auth/useMe.ts';
import { LanguageButton } from '../components/LanguageButton.tsx';
import { api, consoleSession } from '../context.ts';
import { CONSOLE_PAGES, MENU_GROUPS } from '../pages.tsx';

/**
 * The console's frame: the menu (only the pages the user's role may see), the top bar (user,
 * language, password change, sign-out) and the page in `<main>`.
 */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { data } = useMe();
  const me = data as Me | undefined;
  const navigate = useNavigate();
  const location = useLocation();
  const items = useMemo<MenuProps['items']>(
    () =>
      MENU_GROUPS.map((group) => ({
        type: 'group' as const,
        key: group,
        label: t(`nav.groups.${group}`),
        children: CONSOLE_PAGES.filter((p) => p.group === group && can(me, p.permission)).map((p) => ({
          key: `/${p.path}`,
          icon: p.icon,
          label: t(`nav.${p.label}`),
        })),
      })).filter((g) => g.children.length > 0),
    [me, t],
  );
  const selected = `/${location.pathname.split('/')[1] ?? ''}`;
  const signOut = async () => {
    try {
      await api.POST('/api/v1/auth/sign-out');
    } finally {
      consoleSession.clear('signed_out');
      navigate('/sign-in', { replace: true });
    }
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider
        theme="light"
        breakpoint="lg"
        collapsedWidth={0}
        width={220}
        style={{ borderRight: '1px solid #e5e5e5' }}
      >
        <div style={{ padding: '16px 24px', fontWeight: 700, fontSize: 18 }}>
          {t('app.name')} <span style={{ fontWeight: 400, fontSize: 14 }}>{t('app.console')}</span>
        </div>
        <nav aria-label={t('nav.menu')}>
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[selected]}
            onClick={({ key }) => navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 16px', borderBottom: '1px solid #e5e5e5', height: 'auto' }}
        >
          <Flex justify="end" align="center" gap={8} wrap style={{ minHeight: 56 }}>
            <Typography.Text data-testid="signed-in-as">
              {t('common.signedInAs', { name: me?.username ?? me?.id ?? '' })}
            </Typography.Text>
            <LanguageButton />
            <Button type="text" icon={<KeyOutlined />} onClick={() => navigate('/account/password')}>
              {t('nav.password')}
            </Button>
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t('common.signOut')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main id="main" tabIndex={-1} style={{ outline: 'none' }} data-path={location.pathname}>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 48 }}>
                  <Spin aria-label={t('app.loading')} />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
