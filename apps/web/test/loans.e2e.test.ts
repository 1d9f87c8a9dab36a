import { DEMO_PASSWORD } from '@puhui/services';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { amountToMinor } from '../src/shared/decimal.ts';
import { formatRate } from '../src/shared/format.ts';
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

if (browserMissing) console.warn(`Skipping the loans browser tests: ${browserMissing}`);

describe.skipIf(browserMissing !== undefined)('loans pages of the staff console in a real browser', () => {
  let h: WebHarness;
  let page: Page;
  let loanId = '';
  const pageProblems: string[] = [];

  /** Picks `option` in the Ant Design select labelled `label` (typing `search` first when given). */
  async function choose(scope: Page | Locator, label: string, option: string | RegExp, search?: string) {
    const input = scope.getByLabel(label, { exact: true });
    // The chosen value lies over the input: open the select by its frame.
    await scope
      .locator('.ant-select')
      .filter({ has: page.getByLabel(label, { exact: true }) })
      .click();
    if (search !== undefined) await input.fill(search);
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  }

  /** The amount a Statistic or cell shows, in minor units. */
  const minorOf = async (locator: Locator) => amountToMinor((await locator.textContent()) ?? '') as number;
  const outstanding = () => page.getByTestId('loan-outstanding').locator('.ant-statistic-content-value');
  const actionButtons = () =>
    page
      .getByRole('group', { name: /业务操作|Actions/ })
      .getByRole('button')
      .allTextContents();
  const modal = () => page.locator('.ant-modal-content');
  const confirm = async () => {
    await modal()
      .getByRole('button', { name: /确\s*认|Confirm/ })
      .click();
  };

  beforeAll(async () => {
    // A small book: the three demo products, loans in every state, a year of end of day.
    h = await startWebHarness({ loans: 40 });
    // Maker-checker: a second officer approves what the first one submits.
    await apiAs(h, 'admin', '/api/v1/users', {
      body: {
        username: 'officer2',
        displayName: 'Zhou Qiang 周强 (loan officer)',
        password: DEMO_PASSWORD,
        roles: ['loan_officer'],
      },
    });
    page = await h.page({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' }, pageProblems);
    await page.goto('/sign-in');
  }, 120_000);
  beforeEach(() => signedOutConsole(page));
  afterAll(() => h?.close());

  it('an officer creates a loan with a live schedule and annual rate; after approval and disbursement, records a repayment', async () => {
    await signInConsole(page, 'officer');
    // Not 贷款产品 (loan products), the entry above it.
    await page.getByRole('menuitem', { name: /贷款$/ }).click();
    await page.waitForURL('**/loans');
    await page.getByRole('button', { name: '新建贷款' }).click();
    await page.waitForURL('**/loans/new');

    // A new borrower, registered without leaving the form.
    await page.getByRole('button', { name: '新建借款人' }).click();
    await modal().getByLabel('姓名').fill('刘洋');
    await modal().getByLabel('手机号').fill('139 0000 0077');
    await modal()
      .getByRole('button', { name: /创\s*建/ })
      .click();
    await poll(() => page.locator('.ant-message').textContent()).toContain('已创建借款人 刘洋');
    const borrowerField = page.locator('.ant-select').filter({ has: page.locator('#new-loan_borrowerId') });
    await poll(() => borrowerField.textContent()).toContain('刘洋');

    await choose(page, '贷款产品', 'MICRO12');
    await poll(() => page.getByLabel('还款期数').inputValue()).toBe('12');
    // Above the product's limit: the preview says so, and submitting shows it under the principal.
    await page.getByLabel('本金 (CNY)').fill('300000');
    await poll(() =>
      page.getByTestId('schedule-preview').locator('[data-problem-code]').getAttribute('data-problem-code'),
    ).toBe('outside_product_limits');
    await page.getByRole('button', { name: '提交申请' }).click();
    const principalItem = page.locator('.ant-form-item').filter({ has: page.getByLabel('本金 (CNY)') });
    await poll(() => principalItem.locator('.ant-form-item-explain-error').textContent()).toContain(
      '200,000.00',
    );
    await screenshot(page, 'console-loans-new-error');

    // Within the limits: every instalment and the annual rate, as the API computes them.
    await page.getByLabel('本金 (CNY)').fill('12000');
    const rows = page.getByTestId('schedule-preview').locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(12);
    const expected = await apiAs<{
      annualizedRate: { nominal: string; effective: string };
      totals: { total: string };
    }>(h, 'officer', '/api/v1/loans/preview', {
      body: { productCode: 'MICRO12', principalMinor: 1_200_000, repayments: 12 },
    });
    await poll(() => page.getByTestId('preview-apr').textContent()).toBe(
      formatRate(expected.annualizedRate.nominal),
    );
    expect(await page.getByTestId('preview-effective').textContent()).toBe(
      formatRate(expected.annualizedRate.effective),
    );
    expect(formatRate(expected.annualizedRate.nominal)).toMatch(/^1[89]\.\d\d%$/);
    await screenshot(page, 'console-loans-new');

    await choose(page, '支付渠道', '微信支付');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/loans\/loan_/);
    loanId = new URL(page.url()).pathname.split('/').pop() as string;
    await poll(() => page.getByTestId('loan-summary').textContent()).toContain('刘洋');
    expect(await page.getByTestId('loan-summary').locator('[data-status]').getAttribute('data-status')).toBe(
      'submitted',
    );
    // Before disbursement: the schedule it would have if disbursed today, with its annual rate.
    await poll(() => page.getByTestId('schedule-preview').locator('tbody tr.ant-table-row').count()).toBe(12);
    await poll(() => page.getByTestId('preview-apr').textContent()).toBe(
      formatRate(expected.annualizedRate.nominal),
    );
    expect(await actionButtons()).toEqual(['审批通过', '拒 绝', '撤 回']);

    // The submitter may not approve: the server's refusal shows in the confirmation.
    await page.getByRole('button', { name: '审批通过' }).click();
    await poll(() => modal().getByTestId('action-effect').textContent()).toContain('12,000.00');
    await confirm();
    await poll(() => modal().locator('[data-problem-code]').getAttribute('data-problem-code')).toBe(
      'maker_checker',
    );
    await modal()
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await signOutConsole(page);

    // A second officer approves.
    await signInConsole(page, 'officer2');
    await navigateInApp(page, `/loans/${loanId}`);
    await page.getByRole('button', { name: '审批通过' }).click();
    await confirm();
    await poll(() =>
      page.getByTestId('loan-summary').locator('[data-status]').getAttribute('data-status'),
    ).toBe('approved');
    await signOutConsole(page);

    // Operations disburses (it may not approve or withdraw).
    await signInConsole(page, 'ops');
    await navigateInApp(page, `/loans/${loanId}`);
    await poll(() => actionButtons()).toEqual(['放 款']);
    await page.getByRole('button', { name: '放 款' }).click();
    await poll(() => modal().getByTestId('action-effect').textContent()).toContain('微信支付');
    await confirm();
    await poll(() =>
      page.getByTestId('loan-summary').locator('[data-status]').getAttribute('data-status'),
    ).toBe('active');
    await signOutConsole(page);

    // The officer records a repayment of 1,000.50 on the day of disbursement. Nothing is due yet,
    // so the product's order pays the first instalment in advance: its interest (not yet accrued,
    // so not part of the balance) and then principal. The balance falls by exactly the rest.
    await signInConsole(page, 'officer');
    await navigateInApp(page, `/loans/${loanId}`);
    await poll(() => outstanding().textContent()).toMatch(/\d/);
    const before = await minorOf(outstanding());
    expect(before).toBe(1_200_000);
    const firstInstalment = page.getByTestId('loan-schedule').locator('tbody tr.ant-table-row').first();
    const interest1 = await minorOf(firstInstalment.locator('td:nth-child(4)'));
    expect(interest1).toBeGreaterThan(0);
    expect(await actionButtons()).not.toContain('核 销');
    await page.getByRole('button', { name: '登记还款' }).click();
    await modal().getByLabel('金额 (CNY)').fill('1,000.50');
    await choose(modal(), '收款渠道', '微信支付');
    await poll(() => modal().getByTestId('action-effect').textContent()).toContain('1,000.50');
    await confirm();
    await poll(() => page.locator('.ant-message').textContent()).toContain('已完成：登记还款');
    const expectedAfter = before - (100_050 - interest1);
    await poll(() => minorOf(outstanding())).toBe(expectedAfter);
    // The first instalment shows what was paid on it.
    await poll(() => minorOf(firstInstalment.locator('td:nth-child(8)'))).toBe(100_050);

    await page.getByRole('tab', { name: '交易流水' }).click();
    const txns = page.getByTestId('loan-transactions').locator('tbody tr.ant-table-row');
    await poll(() => txns.count()).toBe(2);
    expect(await txns.nth(1).textContent()).toContain('1,000.50');
    await page.getByRole('tab', { name: '会计分录' }).click();
    await poll(() =>
      page.getByTestId('loan-journal').locator('tbody tr.ant-table-row').count(),
    ).toBeGreaterThan(2);
    await page.getByRole('tab', { name: '提前结清报价' }).click();
    await poll(() => minorOf(page.getByTestId('payoff-total'))).toBe(expectedAfter);
    await page.getByRole('tab', { name: '还款计划' }).click();
    await screenshot(page, 'console-loans-detail');
  }, 120_000);

  it('reverses the repayment: the transaction is marked and the balance restored', async () => {
    await signInConsole(page, 'officer');
    await navigateInApp(page, `/loans/${loanId}`);
    await poll(() => outstanding().textContent()).toMatch(/\d/);
    const before = await minorOf(outstanding());
    await page.getByRole('tab', { name: '交易流水' }).click();
    const repayment = page.getByTestId('loan-transactions').locator('tbody tr.ant-table-row').nth(1);
    await repayment.getByRole('button', { name: /冲正交易/ }).click();
    await poll(() => modal().getByTestId('action-effect').textContent()).toContain('1,000.50');
    await confirm();
    await poll(() => repayment.locator('[data-reversed-by]').count()).toBe(1);
    await poll(() => minorOf(outstanding())).toBe(1_200_000);
    expect(before).toBeLessThan(1_200_000);
  }, 60_000);

  it('filters the list by status, product, borrower and days past due, and pages', async () => {
    await signInConsole(page, 'auditor');
    await navigateInApp(page, '/loans');
    const rows = page.locator('tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(20);
    // No "new loan" for a role that cannot submit.
    expect(await page.getByRole('button', { name: '新建贷款' }).count()).toBe(0);
    const firstPage = await rows.first().textContent();
    await page.getByRole('button', { name: /较\s*早/ }).click();
    await poll(() => rows.first().textContent()).not.toBe(firstPage);
    await page.getByRole('button', { name: /较\s*新/ }).click();
    await poll(() => rows.first().textContent()).toBe(firstPage);

    const cells = (n: number) => page.locator(`tbody tr.ant-table-row td:nth-child(${n})`).allTextContents();
    await choose(page, '状态', '还款中');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await poll(async () => {
      const statuses = await cells(9);
      return statuses.length > 0 && statuses.every((s) => s === '还款中');
    }).toBe(true);

    await choose(page, '产品', 'AGRI6');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await poll(async () => {
      const products = await cells(3);
      return products.length > 0 && products.every((p) => p === 'AGRI6');
    }).toBe(true);

    await page.getByRole('button', { name: /重\s*置/ }).click();
    await page.getByLabel('逾期天数至少').fill('1');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await poll(async () => {
      const dpd = await cells(7);
      return dpd.length > 0 && dpd.every((d) => Number(d) >= 1);
    }).toBe(true);
    await screenshot(page, 'console-loans-filtered');

    await page.getByRole('button', { name: /重\s*置/ }).click();
    await choose(page, '借款人', /刘洋/, '139 0000 0077');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await poll(() => cells(2)).toEqual(['刘洋']);
    await page.locator('tbody tr.ant-table-row a').first().click();
    await page.waitForURL(`**/loans/${loanId}`);
  }, 60_000);

  it('operations classifies a late loan (never better than its arrears floor) and writes it off', async () => {
    const late = await apiAs<{ items: Array<{ id: string; dpd: number; totalOutstandingMinor: number }> }>(
      h,
      'ops',
      '/api/v1/loans?status=active&minDpd=1&limit=200',
    );
    const target = late.items.sort((a, b) => b.dpd - a.dpd)[0];
    expect(target).toBeDefined();
    await signInConsole(page, 'ops');
    await navigateInApp(page, `/loans/${target?.id}`);
    await poll(() => actionButtons()).toContain('调整五级分类');

    // Better than the floor set by days past due: refused, and the refusal shows under the field.
    await page.getByRole('button', { name: '调整五级分类' }).click();
    await choose(modal(), '五级分类', '正常');
    await confirm();
    const category = modal()
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel('五级分类', { exact: true }) });
    await poll(() => category.locator('.ant-form-item-explain-error').textContent()).toBe(
      '五级分类不能好于逾期天数对应的最低分类。',
    );
    await choose(modal(), '五级分类', '损失');
    await poll(() => modal().getByTestId('action-effect').textContent()).toContain('「损失」');
    await confirm();
    await poll(() =>
      page.getByTestId('loan-summary').locator('[data-category]').getAttribute('data-category'),
    ).toBe('loss');

    await page.getByRole('button', { name: '核 销' }).click();
    await poll(() => modal().getByTestId('action-effect').textContent()).toContain(target?.id as string);
    await confirm();
    await poll(() =>
      page.getByTestId('loan-summary').locator('[data-status]').getAttribute('data-status'),
    ).toBe('written_off');
    await poll(() => minorOf(outstanding())).toBe(0);
    expect(await actionButtons()).toEqual(['登记核销后收回']);
    await page.getByRole('tab', { name: '交易流水' }).click();
    await poll(() => page.getByTestId('loan-transactions').textContent()).toContain('核销');
    // The classification history names staff's change to loss.
    await page.getByRole('tab', { name: '分类变更' }).click();
    const lastChange = page.getByRole('tabpanel').locator('tbody tr.ant-table-row').last();
    await poll(() => lastChange.textContent()).toContain('人工认定');
    expect(await lastChange.textContent()).toContain('损失');
  }, 60_000);

  it('has no serious or critical accessibility violations on the list, new and detail pages, in both languages', async () => {
    const violations: string[] = [];
    await signInConsole(page, 'officer');
    for (const lang of ['zh-CN', 'en'] as const) {
      await switchLanguage(page, lang);
      await navigateInApp(page, '/loans');
      await poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(20);
      violations.push(...(await seriousViolations(page, `/loans ${lang}`)));
      await screenshot(page, `console-loans-${lang}`);

      await navigateInApp(page, '/loans/new');
      await choose(page, lang === 'en' ? 'Loan product' : '贷款产品', 'AGRI6');
      await page.getByLabel(lang === 'en' ? 'Principal (CNY)' : '本金 (CNY)').fill('8000');
      await poll(() => page.getByTestId('schedule-preview').locator('tbody tr.ant-table-row').count()).toBe(
        12,
      );
      violations.push(...(await seriousViolations(page, `/loans/new ${lang}`)));
      await screenshot(page, `console-loans-new-${lang}`);

      await navigateInApp(page, `/loans/${loanId}`);
      await poll(() => page.getByTestId('loan-schedule').locator('tbody tr.ant-table-row').count()).toBe(12);
      violations.push(...(await seriousViolations(page, `/loans/:id ${lang}`)));
      await screenshot(page, `console-loans-detail-${lang}`);
      for (const tab of lang === 'en'
        ? ['Transactions', 'Ledger entries', 'Status history', 'Classification history', 'Payoff quote']
        : ['交易流水', '会计分录', '状态变更', '分类变更', '提前结清报价']) {
        await page.getByRole('tab', { name: tab }).click();
        violations.push(...(await seriousViolations(page, `/loans/:id ${tab} ${lang}`)));
      }
      await page.getByRole('button', { name: lang === 'en' ? 'Record repayment' : '登记还款' }).click();
      await modal().locator('form').waitFor();
      violations.push(...(await seriousViolations(page, `/loans/:id repay ${lang}`)));
      await screenshot(page, `console-loans-repay-${lang}`);
      await page.keyboard.press('Escape');
      await modal().waitFor({ state: 'hidden' });
    }
    expect(violations).toEqual([]);
  }, 120_000);

  it('ran without Content-Security-Policy violations or page errors', () => {
    expect(pageProblems).toEqual([]);
  });
});
