import { DEMO_PASSWORD } from '@puhui/services';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  browserMissing,
  navigateInApp,
  poll,
  screenshot,
  seriousViolations,
  signedOutConsole,
  signInConsole,
  signOutConsole,
  startWebHarness,
  switchLanguage,
  type WebHarness,
} from './browser.ts';

if (browserMissing) console.warn(`Skipping the console browser tests: ${browserMissing}`);

/** The menu entries the page shows, in order. */
const menuItems = (page: Page) => page.locator('nav [role=menuitem]').allTextContents();

describe.skipIf(browserMissing !== undefined)('staff console in a real browser', () => {
  let h: WebHarness;
  let page: Page;

  const signIn = (username: string, password = DEMO_PASSWORD) => signInConsole(page, username, password);
  const signOut = () => signOutConsole(page);

  const pageProblems: string[] = [];
  beforeAll(async () => {
    h = await startWebHarness();
    page = await h.page({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }, pageProblems);
    await page.goto('/sign-in');
  });
  // Each test starts signed out, in Chinese (one browser context keeps the assets cached).
  beforeEach(() => signedOutConsole(page));
  afterAll(() => h?.close());

  it('sends a visitor to sign-in, refuses a wrong password in place, and shows the menu by role', async () => {
    await page.goto('/users');
    await page.waitForURL('**/sign-in');
    await page.locator('#username').waitFor();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.locator('form button[type=submit]').click();
    await poll(() => page.locator('[data-problem-code]').getAttribute('data-problem-code')).toBe(
      'invalid_credentials',
    );
    await screenshot(page, 'console-sign-in-error');

    // Signing in goes on to the page the visitor asked for.
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/users');
    await page.getByTestId('signed-in-as').waitFor();
    expect(await menuItems(page)).toEqual([
      '仪表盘',
      '贷款产品',
      '贷款',
      '风险模型',
      '网点选址',
      '用户与角色',
      '审计日志',
      '事件发件箱',
      '日终批处理',
      '报表',
    ]);
    await signOut();

    await signIn('ops');
    expect(await menuItems(page)).toEqual([
      '仪表盘',
      '贷款产品',
      '贷款',
      '风险模型',
      '网点选址',
      '事件发件箱',
      '日终批处理',
      '报表',
    ]);
    // A page the role may not see says so (and the server would refuse the data anyway).
    await page.goto('/users');
    await poll(() => page.locator('h1').textContent()).toBe('无权访问');
    await signOut();

    await signIn('officer');
    expect(await menuItems(page)).toEqual([
      '仪表盘',
      '贷款产品',
      '贷款',
      '风险模型',
      '网点选址',
      '日终批处理',
      '报表',
    ]);
    await signOut();
  });

  it('creates a user: the server’s validation error shows under its field, then success', async () => {
    await signIn('admin');
    await page.getByRole('menuitem', { name: '用户与角色' }).click();
    await page.waitForURL('**/users');
    await page.getByRole('button', { name: '新建用户' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByLabel('用户名').fill('x');
    await drawer.getByLabel('姓名').fill('Chen Jing 陈静');
    await drawer.getByLabel('初始密码').fill('Teller-pass-2026');
    await drawer.getByLabel('信贷员').check();
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    // The server's message for body.username appears under the user-name field.
    const usernameItem = drawer.locator('.ant-form-item').filter({ has: page.getByLabel('用户名') });
    await poll(() => usernameItem.locator('.ant-form-item-explain-error').textContent()).toMatch(/2/);
    await screenshot(page, 'console-users-create-error');

    await drawer.getByLabel('用户名').fill('teller1');
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    await poll(() => page.locator('.ant-message').textContent()).toContain('已创建用户 teller1');
    await poll(() => page.locator('table').textContent()).toContain('teller1');
    await screenshot(page, 'console-users');

    // The same user name again: the conflict shows on the field, in the reader's language.
    await page.getByRole('button', { name: '新建用户' }).click();
    await drawer.getByLabel('用户名').fill('teller1');
    await drawer.getByLabel('姓名').fill('Another');
    await drawer.getByLabel('初始密码').fill('Teller-pass-2026');
    await drawer.getByLabel('运营人员').check();
    await drawer.getByRole('button', { name: /创\s*建/ }).click();
    await poll(() => usernameItem.locator('.ant-form-item-explain-error').textContent()).toBe(
      '这个用户名已被使用。',
    );
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    await signOut();
  });

  it('changes a password: a wrong current password shows in place; success signs out everywhere', async () => {
    await signIn('teller1', 'Teller-pass-2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.waitForURL('**/account/password');
    await page.getByLabel('当前密码').fill('not-my-password-1');
    await page.getByLabel('新密码', { exact: true }).fill('Fresh-pass-2027');
    await page.getByLabel('再次输入新密码').fill('Fresh-pass-2027');
    await page.locator('form button[type=submit]').click();
    const current = page.locator('.ant-form-item').filter({ has: page.getByLabel('当前密码') });
    await poll(() => current.locator('.ant-form-item-explain-error').textContent()).toBe(
      '用户名或密码不正确。',
    );

    await page.getByLabel('当前密码').fill('Teller-pass-2026');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/sign-in');
    await poll(() => page.getByRole('status').first().textContent()).toContain('密码已修改');
    await signIn('teller1', 'Fresh-pass-2027');
    await signOut();
  });

  it('lists and filters the audit log, and verifies the chain', async () => {
    await signIn('auditor');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL('**/audit');
    await poll(() => page.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await page.getByLabel('对象类型').fill('user');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await poll(async () => {
      const subjects = await page.locator('tbody tr.ant-table-row td:nth-child(6)').allTextContents();
      return subjects.length > 0 && subjects.every((s) => s.startsWith('user:'));
    }).toBe(true);
    // A record's details open under it.
    await page
      .getByRole('button', { name: /展开第 \d+ 条记录的详情/ })
      .first()
      .click();
    await poll(() => page.locator('.ant-table-expanded-row').first().textContent()).toContain('前一条哈希');
    await page.getByRole('button', { name: '校验哈希链' }).click();
    await poll(() => page.getByTestId('verify-result').textContent()).toMatch(/^哈希链完整：共 \d+ 条记录/);
    await screenshot(page, 'console-audit');
  });

  it('switches the language of the whole console and remembers it', async () => {
    await signIn('admin');
    await poll(() => page.locator('h1').textContent()).toBe('仪表盘');
    await page.getByTestId('language-switch').click();
    await poll(() => page.locator('h1').textContent()).toBe('Dashboard');
    expect(await menuItems(page)).toEqual([
      'Dashboard',
      'Loan products',
      'Loans',
      'Risk models',
      'Siting',
      'Users & roles',
      'Audit log',
      'Event outbox',
      'End of day',
      'Reports',
    ]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await poll(() => page.locator('h1').textContent()).toBe('Dashboard');
    await page.getByTestId('language-switch').click();
    await poll(() => page.locator('h1').textContent()).toBe('仪表盘');
  });

  it('draws the activity chart on the dashboard from the audit log', async () => {
    await signIn('admin');
    const chart = page.getByTestId('card-activity').getByTestId('echart');
    await chart.waitFor();
    await poll(() => chart.locator('canvas').count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/共 [1-9]\d* 条/);
    await screenshot(page, 'console-dashboard');
  });

  it('has no serious or critical accessibility violations on any page, in both languages', async () => {
    const violations: string[] = [];
    const check = async (label: string, name: string, lang: string) => {
      violations.push(...(await seriousViolations(page, `${label} ${lang}`)));
      // Every page in Chinese; in English the first screens only (screenshots cost time).
      if (lang === 'zh-CN' || ['sign-in', 'dashboard'].includes(name))
        await screenshot(page, `console-${name}-${lang}`);
    };
    const switchTo = (lang: 'zh-CN' | 'en') => switchLanguage(page, lang);
    for (const lang of ['zh-CN', 'en'] as const) {
      await switchTo(lang);
      await check('/sign-in', 'sign-in', lang);
    }
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('signed-in-as').waitFor();
    for (const lang of ['zh-CN', 'en'] as const) {
      await switchTo(lang);
      for (const path of ['/dashboard', '/users', '/audit', '/outbox', '/account/password', '/nowhere']) {
        await navigateInApp(page, path);
        await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
        await check(path, path.slice(1).replaceAll('/', '-'), lang);
      }
      await navigateInApp(page, '/users');
      await page.getByRole('button', { name: lang === 'en' ? 'New user' : '新建用户' }).click();
      await page.locator('.ant-drawer-content form').waitFor();
      await check('/users (new user)', 'users-new', lang);
      await page.keyboard.press('Escape');
      await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
    }
    expect(violations).toEqual([]);
  }, 60_000);

  it('ran without Content-Security-Policy violations or page errors', () => {
    expect(pageProblems).toEqual([]);
  });
});
