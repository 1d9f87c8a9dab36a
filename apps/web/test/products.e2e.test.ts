import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiAs,
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

if (browserMissing) console.warn(`Skipping the loan products browser tests: ${browserMissing}`);

interface Product {
  id: string;
  code: string;
  version: number;
  status: string;
  maker: string;
  config: { annualRate: string; limits: { minPrincipalMinor: number; maxPrincipalMinor: number } };
}

describe.skipIf(browserMissing !== undefined)('loan products in the staff console', () => {
  let h: WebHarness;
  let page: Page;
  let productPath = '';
  const pageProblems: string[] = [];

  /** The Ant Design form item holding the field labelled `label`. */
  const item = (label: string) =>
    page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  const fieldError = (label: string) => item(label).locator('.ant-form-item-explain-error');
  /** Confirms an open Popconfirm with its OK button (Ant Design spaces two-character labels). */
  const confirmPopover = (name: RegExp) =>
    page.locator('.ant-popconfirm').getByRole('button', { name }).click();

  beforeAll(async () => {
    h = await startWebHarness({ loans: 40 });
    page = await h.page({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' }, pageProblems);
    await page.goto('/sign-in');
  }, 120_000);
  beforeEach(() => signedOutConsole(page));
  afterAll(() => h?.close());

  it('lists the products with their status and key terms', async () => {
    await signInConsole(page, 'pm');
    await page.getByRole('menuitem', { name: '贷款产品' }).click();
    await page.waitForURL('**/products');
    await poll(() => page.locator('tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(3);
    const table = await page.locator('table').textContent();
    for (const code of ['MICRO12', 'AGRI6']) expect(table).toContain(code);
    expect(table).toContain('生效中');
    expect(table).toContain('等额本息');
    // MICRO12 is the server's default terms: 18 % a year, 1,000–200,000 yuan.
    const micro = page.locator('tbody tr.ant-table-row').filter({ hasText: 'MICRO12' });
    expect(await micro.textContent()).toContain('18%');
    expect(await micro.textContent()).toContain('CNY 1,000.00–200,000.00');
    await screenshot(page, 'products-list');
  });

  it('creates a product: the server’s findings show under the fields, then it waits for approval', async () => {
    await signInConsole(page, 'pm');
    await navigateInApp(page, '/products');
    await page.getByRole('button', { name: '新建产品' }).click();
    await page.waitForURL('**/products/new');
    await poll(() => page.locator('h1').textContent()).toBe('新建贷款产品');
    await page.getByLabel('产品代码', { exact: true }).fill('SEASON9');
    await page.getByLabel('产品名称', { exact: true }).fill('Harvest loan 丰收贷 (9 months)');
    // An empty rate passes the form (it only checks numbers) and the server names the field.
    await page.getByLabel('名义年利率', { exact: true }).fill('');
    await page.getByRole('button', { name: '提交审批' }).click();
    await poll(() => fieldError('名义年利率').count()).toBe(1);
    expect(page.url()).toContain('/products/new');

    // A maximum below the minimum: the use case's finding shows under the limits.
    await page.getByLabel('名义年利率', { exact: true }).fill('9.5');
    await page.getByLabel('最高本金', { exact: true }).fill('500');
    await page.getByRole('button', { name: '提交审批' }).click();
    await poll(() =>
      page.getByTestId('limits-errors').locator('.ant-form-item-explain-error').textContent(),
    ).toMatch(/min ≤ max/);
    expect(await fieldError('名义年利率').count()).toBe(0);
    await screenshot(page, 'products-new-errors');

    await page.getByLabel('最高本金', { exact: true }).fill('50000');
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.waitForURL(/\/products\/prd_/);
    productPath = new URL(page.url()).pathname;
    await poll(() => page.locator('h1').textContent()).toBe('Harvest loan 丰收贷 (9 months)');
    expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('pending');

    // What the API stored is what was typed, in its units.
    const stored = await apiAs<Product>(h, 'pm', `/api/v1${productPath}`);
    expect(stored).toMatchObject({ code: 'SEASON9', version: 1, status: 'pending' });
    expect(stored.config.annualRate).toBe('0.095');
    expect(stored.config.limits).toMatchObject({ minPrincipalMinor: 100_000, maxPrincipalMinor: 5_000_000 });

    // The maker holds products:approve, yet sees why they may not decide, and no buttons.
    await page.getByTestId('maker-note').waitFor();
    expect(await page.getByRole('button', { name: /批\s*准/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /驳\s*回/ }).count()).toBe(0);
    await screenshot(page, 'products-pending-maker');
  });

  it('shows the server’s maker-checker refusal when the page offers the maker a decision', async () => {
    await signInConsole(page, 'pm');
    // As if the page could not tell who made the version: the server still refuses the maker.
    await page.route('**/api/v1/products/*', async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), maker: 'user:someone-else' } });
    });
    await navigateInApp(page, productPath);
    await page.getByRole('button', { name: /批\s*准/ }).click();
    await confirmPopover(/批\s*准/);
    const alert = page.locator('[data-problem-code]');
    await poll(() => alert.getAttribute('data-problem-code')).toBe('maker_checker');
    expect(await alert.textContent()).toContain('审批人不能是发起人本人。');
    await screenshot(page, 'products-maker-checker-refused');
    await page.unroute('**/api/v1/products/*');
    const still = await apiAs<Product>(h, 'pm', `/api/v1${productPath}`);
    expect(still.status).toBe('pending');
  });

  it('lets a second user approve it, and the product becomes active', async () => {
    await signInConsole(page, 'risk');
    await navigateInApp(page, productPath);
    expect(await page.getByTestId('maker-note').count()).toBe(0);
    await page.getByRole('button', { name: /批\s*准/ }).click();
    await confirmPopover(/批\s*准/);
    await poll(() => page.locator('.ant-message').textContent()).toContain('SEASON9 第 1 版已生效');
    await poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('active');
    const active = await apiAs<Product>(h, 'risk', `/api/v1${productPath}`);
    expect(active.status).toBe('active');
    // The history names the checker as "you" for the risk manager.
    expect(await page.getByTestId('versions').textContent()).toContain('（您）');
    await screenshot(page, 'products-detail-active');

    await navigateInApp(page, '/products');
    const row = page.locator('tbody tr.ant-table-row').filter({ hasText: 'SEASON9' });
    await poll(() => row.locator('[data-status]').getAttribute('data-status')).toBe('active');
    expect(await row.textContent()).toContain('9.5%');
  });

  it('proposes a change as a new version, which a second user rejects', async () => {
    await signInConsole(page, 'pm');
    await navigateInApp(page, productPath);
    await page.getByRole('button', { name: '提出变更' }).click();
    await page.waitForURL('**/change');
    await poll(() => page.locator('h1').textContent()).toBe('变更 SEASON9');
    // The form starts from the version's terms.
    expect(await page.getByLabel('名义年利率', { exact: true }).inputValue()).toBe('9.5');
    expect(await page.getByLabel('最高本金', { exact: true }).inputValue()).toBe('50000.00');
    await page.getByLabel('名义年利率', { exact: true }).fill('8.8');
    await page.getByRole('button', { name: '提交变更' }).click();
    await page.waitForURL(/\/products\/prd_(?!.*change)/);
    const v2Path = new URL(page.url()).pathname;
    expect(v2Path).not.toBe(productPath);
    await poll(() => page.getByTestId('versions').locator('tbody tr.ant-table-row').count()).toBe(2);
    await signOutConsole(page);

    await signInConsole(page, 'risk');
    await navigateInApp(page, v2Path);
    await page.getByRole('button', { name: /驳\s*回/ }).click();
    await confirmPopover(/驳\s*回/);
    await poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('rejected');
    const versions = await apiAs<{ items: Product[] }>(h, 'risk', '/api/v1/products?code=SEASON9');
    expect(versions.items.map((v) => [v.version, v.status, v.config.annualRate])).toEqual([
      [2, 'rejected', '0.088'],
      [1, 'active', '0.095'],
    ]);
  });

  it('has no serious or critical accessibility violations on the product pages, in both languages', async () => {
    const versions = await apiAs<{ items: Product[] }>(h, 'pm', '/api/v1/products?code=MICRO12');
    const micro = versions.items[0] as Product;
    await signInConsole(page, 'pm');
    const violations: string[] = [];
    for (const lang of ['zh-CN', 'en'] as const) {
      await switchLanguage(page, lang);
      for (const [path, name] of [
        ['/products', 'products'],
        [`/products/${micro.id}`, 'products-detail'],
        [productPath, 'products-detail-season'],
        ['/products/new', 'products-new'],
        [`/products/${micro.id}/change`, 'products-change'],
      ] as const) {
        await navigateInApp(page, path);
        await page.locator('.ant-skeleton').waitFor({ state: 'detached' });
        await page.locator('.ant-table-placeholder, .ant-table-row, form').first().waitFor();
        violations.push(...(await seriousViolations(page, `${path} ${lang}`)));
        await screenshot(page, `console-${name}-${lang}`);
      }
    }
    expect(violations).toEqual([]);
  }, 90_000);

  it('ran without Content-Security-Policy violations or page errors', () => {
    expect(pageProblems).toEqual([]);
  });
});
