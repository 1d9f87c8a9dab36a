import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { RequirePermission } from './auth/RequirePermission.tsx';
import { RequireSession } from './auth/RequireSession.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { i18n, queryClient } from './context.ts';
import { ConsoleLayout } from './layout/ConsoleLayout.tsx';
import { CONSOLE_PAGES } from './pages.tsx';
import { consoleTheme } from './theme.ts';

const PasswordPage = lazy(() => import('./auth/PasswordPage.tsx'));
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx'));

/** The console's routes: sign-in outside the frame; every registered page inside it, by permission. */
const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <ConsoleLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/dashboard" replace /> },
      ...CONSOLE_PAGES.map((page) => ({
        path: page.nested ? `${page.path}/*` : page.path,
        element: (
          <RequirePermission permission={page.permission}>
            <page.component />
          </RequirePermission>
        ),
      })),
      { path: 'account/password', element: <PasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

function Themed() {
  const { i18n: current } = useTranslation();
  const locale = useMemo(() => (current.language === 'en' ? enUS : zhCN), [current.language]);
  return (
    <ConfigProvider locale={locale} theme={consoleTheme}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

/** The staff console: translations, query cache, Ant Design theme and locale, and the router. */
export function ConsoleApp() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Themed />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
