import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FundOutlined,
  ScheduleOutlined,
  SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Permission } from '../shared/permissions.ts';
import type { ConsoleStrings } from './i18n/zh-CN.ts';

/** A menu group: the key of its label under `nav.groups`. */
export type MenuGroup = keyof ConsoleStrings['nav']['groups'];

/** A page's menu label: a key of `nav` in the console's translations. */
export type NavKey = Exclude<keyof ConsoleStrings['nav'], 'groups' | 'menu'>;

/** One page of the staff console: its route, its menu entry and who may see it. */
export interface ConsolePage {
  /** The URL path under `/` (no leading slash): `users` → `/users`. */
  readonly path: string;
  /** The menu label, `nav.<label>` in src/console/i18n/*.ts. */
  readonly label: NavKey;
  readonly group: MenuGroup;
  readonly icon: ReactNode;
  /** The permission needed to see the menu entry and the page (the server checks it again). */
  readonly permission?: Permission;
  /** The page component, loaded on first visit (its own chunk). */
  readonly component: LazyExoticComponent<ComponentType>;
  /** Pages below this one (`new` → `/loans/new`, `:id`): routes without a menu entry. */
  readonly subpages?: readonly ConsoleSubpage[];
}

/** A route below a page: its own permission (the page's when absent) and lazy component. */
export interface ConsoleSubpage {
  readonly path: string;
  readonly permission?: Permission;
  readonly component: LazyExoticComponent<ComponentType>;
}

/**
 * Every page of the staff console, in menu order. Adding a page = a component file under
 * `pages/<name>/`, one entry here, and its texts in `i18n/zh-CN.ts` and `i18n/en.ts`
 * (see apps/web/README.md, "How to add a page").
 */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  {
    path: 'dashboard',
    label: 'dashboard',
    group: 'overview',
    icon: <DashboardOutlined />,
    component: lazy(() => import('./pages/dashboard/DashboardPage.tsx')),
  },
  {
    path: 'products',
    label: 'products',
    group: 'lending',
    icon: <AppstoreOutlined />,
    permission: 'products:read',
    component: lazy(() => import('./pages/products/ProductList.tsx')),
    subpages: [
      {
        path: 'new',
        permission: 'products:write',
        component: lazy(() => import('./pages/products/ProductEditor.tsx')),
      },
      { path: ':id', component: lazy(() => import('./pages/products/ProductDetail.tsx')) },
      {
        path: ':id/change',
        permission: 'products:write',
        component: lazy(() => import('./pages/products/ProductEditor.tsx')),
      },
    ],
  },
  {
    path: 'loans',
    label: 'loans',
    group: 'lending',
    icon: <AccountBookOutlined />,
    permission: 'loans:read',
    component: lazy(() => import('./pages/loans/LoansPage.tsx')),
    subpages: [
      {
        path: 'new',
        permission: 'loans:write',
        component: lazy(() => import('./pages/loans/NewLoanPage.tsx')),
      },
      { path: ':id', component: lazy(() => import('./pages/loans/LoanDetailPage.tsx')) },
    ],
  },
  {
    path: 'risk',
    label: 'riskModels',
    group: 'risk',
    icon: <FundOutlined />,
    permission: 'risk:read',
    component: lazy(() => import('./pages/risk/RiskPage.tsx')),
  },
  {
    path: 'siting',
    label: 'siting',
    group: 'risk',
    icon: <EnvironmentOutlined />,
    permission: 'siting:read',
    component: lazy(() => import('./pages/siting/SitingPage.tsx')),
  },
  {
    path: 'users',
    label: 'users',
    group: 'operations',
    icon: <TeamOutlined />,
    permission: 'users:read',
    component: lazy(() => import('./pages/users/UsersPage.tsx')),
  },
  {
    path: 'audit',
    label: 'audit',
    group: 'operations',
    icon: <AuditOutlined />,
    permission: 'audit:read',
    component: lazy(() => import('./pages/audit/AuditPage.tsx')),
  },
  {
    path: 'outbox',
    label: 'outbox',
    group: 'operations',
    icon: <SendOutlined />,
    permission: 'outbox:read',
    component: lazy(() => import('./pages/outbox/OutboxPage.tsx')),
  },
  {
    path: 'eod',
    label: 'eod',
    group: 'operations',
    icon: <ScheduleOutlined />,
    permission: 'reports:read',
    component: lazy(() => import('./pages/eod/EodPage.tsx')),
  },
  {
    path: 'reports',
    label: 'reports',
    group: 'operations',
    icon: <BarChartOutlined />,
    permission: 'reports:read',
    component: lazy(() => import('./pages/reports/ReportsPage.tsx')),
  },
];

/** The order of the menu's groups. */
export const MENU_GROUPS: readonly MenuGroup[] = ['overview', 'lending', 'risk', 'operations'];
