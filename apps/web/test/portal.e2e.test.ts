import { calculateSchedule, DEMO_BORROWERS, DEMO_PASSWORD, defaultProductConfig } from '@puhui/services';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minorToAmount } from '../src/shared/decimal.ts';
import { formatAmount, formatDate, formatRate } from '../src/shared/format.ts';
import {
  apiAs,
  browserMissing,
  navigateInApp,
  poll,
  screenshot,
  seriousViolations,
  startWebHarness,
  switchLanguage,
  type WebHarness,
} from './browser.ts';

if (browserMissing) console.warn(`Skipping the portal browser tests: ${browserMissing}`);

const BORROWER = DEMO_BORROWERS[0];

/** How the portal shows an amount in minor units. */
const yuan = (minor: number) => `¥${formatAmount(minorToAmount(minor))}`;

/**
 * Gives a demo borrower an active loan the way staff would: the product manager creates a product
 * and the risk manager approves it, an officer submits the loan, a second officer approves it, and
 * operations disburses it. Returns the loan id.
 */
async function seedLoanFor(h: WebHarness, phone: string): Promise<string> {
  const post = (username: string, path: string, body: unknown = {}) =>
    apiAs<{ id: string }>(h, username, `/api/v1${path}`, { body });
  await post('admin', '/users', {
    username: 'officer2',
    displayName: 'Second officer',
    password: DEMO_PASSWORD,
    roles: ['loan_officer'],
  });
  const product = await post('pm', '/products', {
    code: 'PORTAL12',
    name: 'Micro loan 小额贷',
    config: defaultProductConfig(),
  });
  await post('risk', `/products/${product.id}/approve`);
  const borrowers = await apiAs<{ items: { id: string; phone: string }[] }>(
    h,
    'officer',
    '/api/v1/borrowers?limit=50',
  );
  const borrowerId = borrowers.items.find((b) => b.phone === phone)?.id;
  const loan = await post('officer', '/loans', {
    borrowerId,
    productCode: 'PORTAL12',
    principalMinor: 1_200_000,
    repayments: 12,
    disbursement: { kind: 'channel', channel: 'alipay' },
  });
  await post('officer2', `/loans/${loan.id}/approve`);
  await post('ops', `/loans/${loan.id}/disburse`);
  return loan.id;
}

type Due = {
  date: string;
  next: { n: number; dueDate: string; principalMinor: number; interestMinor: number } | null;
  nextPaymentMinor: number;
  payoffMinor: number;
};

/** A cheap phone: 360 px wide, Chinese. */
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, locale: 'zh-CN' };

/** The root element's computed font size in px. */
const rootFontSize = (page: Page) =>
  page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));

describe.skipIf(browserMissing !== undefined)('borrower portal in a real browser (360 px wide)', () => {
  let h: WebHarness;
  let page: Page;
  const pageProblems: string[] = [];

  beforeAll(async () => {
    h = await startWebHarness();
    page = await h.page(PHONE, pageProblems);
  });
  afterAll(() => h?.close());

  it('opens in Chinese and switching language changes the text (and is remembered)', async () => {
    await page.goto('/portal/');
    await poll(() => page.locator('h1').textContent()).toBe('您好，欢迎使用普惠');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByTestId('language-switch').click();
    await poll(() => page.locator('h1').textContent()).toBe('Welcome to Puhui');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await poll(() => page.locator('h1').textContent()).toBe('Welcome to Puhui');
    await page.getByTestId('language-switch').click();
    await poll(() => page.locator('h1').textContent()).toBe('您好，欢迎使用普惠');
  });

  it('signs a borrower in with a one-time code and shows the account page', async () => {
    await page.goto('/portal/account');
    await page.waitForURL('**/portal/sign-in');
    await page.getByLabel('手机号').fill('12345');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await poll(() => page.getByTestId('error-phone').textContent()).toContain('11 位手机号');
    await page.getByLabel('手机号').fill(BORROWER.phone.replace('+86', ''));
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel('6 位验证码').waitFor();
    // A wrong code is refused in place.
    const code = await h.lastOtp(BORROWER.phone);
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('6 位验证码').fill(wrong);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await poll(() => page.getByTestId('error-code').textContent()).toContain('验证码不正确');
    await page.getByLabel('6 位验证码').fill(code);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/portal/account');
    const facts = page.getByTestId('account-facts');
    await facts.waitFor();
    expect(await facts.textContent()).toContain(BORROWER.fullName);
    expect(await facts.textContent()).toContain('+86 138****0001');
    await screenshot(page, 'portal-account');
  });

  it('elder mode enlarges the root font to at least 20 px and survives a reload', async () => {
    await page.goto('/portal/');
    await page.locator('h1').waitFor();
    const normal = await rootFontSize(page);
    expect(normal).toBeLessThan(20);
    await page.getByTestId('elder-toggle').click();
    expect(await page.getByTestId('elder-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await rootFontSize(page)).toBeGreaterThanOrEqual(20);
    await page.reload();
    await page.locator('h1').waitFor();
    expect(await rootFontSize(page)).toBeGreaterThanOrEqual(20);
    expect(await page.getByTestId('elder-toggle').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'portal-home-elder');
    await page.getByTestId('elder-toggle').click();
    expect(await rootFontSize(page)).toBe(normal);
  });

  it('the calculator shows every instalment and the annualised rate the loan engine computes', async () => {
    await page.goto('/portal/calculator');
    await page.getByLabel('借多少钱（元）').fill('20000');
    await page.getByLabel('年利率（%）').fill('9.6');
    await page.getByLabel('分几个月还').fill('9');
    await page.getByLabel('等额本金（先多后少）').check();
    await page.getByLabel('一次性手续费（元，可不填）').fill('150');
    await page.getByLabel('放款日期').fill('2026-03-10');
    await page.getByRole('button', { name: '计算' }).click();
    await page.getByTestId('apr').waitFor();
    const expected = calculateSchedule({
      principal: '20000',
      currency: 'CNY',
      annualRate: '9.6%',
      repayments: 9,
      every: 1,
      frequency: 'months',
      disbursementDate: '2026-03-10',
      amortization: 'equal_principal',
      fees: [{ name: 'fee', type: 'flat', amount: '150', at: 'disbursement' }],
    });
    if (!expected.ok || !expected.value.annualizedRate) throw new Error('the engine refused the spec');
    const rows = page.getByTestId('instalment');
    expect(await rows.count()).toBe(9);
    const instalments = expected.value.periods.filter((p) => p.n > 0);
    for (const [i, p] of instalments.entries()) {
      const text = await rows.nth(i).textContent();
      expect(text).toContain(p.dueDate);
      expect(text).toContain(formatAmount(p.total));
    }
    expect(await page.getByTestId('apr').textContent()).toBe(
      formatRate(expected.value.annualizedRate.nominal),
    );
    expect(await page.getByTestId('total-paid').textContent()).toBe(
      formatAmount(expected.value.totals.total),
    );
    // Nothing is wider than the 360 px screen except the scrollable schedule itself.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'portal-calculator');

    // A value the loan engine refuses (over 10 000 %) comes back as a problem and shows on its field.
    await page.getByLabel('年利率（%）').fill('20000');
    await page.getByRole('button', { name: '计算' }).click();
    await poll(() => page.getByTestId('error-rate').textContent()).toContain('0 到 10000');
  });

  describe('my loans', () => {
    let p: Page;
    let loanId: string;
    const due = () => apiAs<Due>(h, 'officer', `/api/v1/loans/${loanId}/due`);

    beforeAll(async () => {
      loanId = await seedLoanFor(h, BORROWER.phone);
      // A fresh context: no session left by the tests above.
      p = await h.page(PHONE, pageProblems);
    });
    afterAll(() => p?.context().close());

    it('a borrower signs in with a one-time code and sees the loan, what is due next and the schedule', async () => {
      await p.goto('/portal/loans');
      await p.waitForURL('**/portal/sign-in');
      await p.getByLabel('手机号').fill(BORROWER.phone.replace('+86', ''));
      await p.getByRole('button', { name: '获取验证码' }).click();
      await p.getByLabel('6 位验证码').fill(await h.lastOtp(BORROWER.phone));
      await p.getByRole('button', { name: '登录', exact: true }).click();
      await p.waitForURL('**/portal/loans');
      // Only this borrower's loans are listed.
      await p.getByTestId('loan-card').first().waitFor();
      expect(await p.getByTestId('loan-card').count()).toBe(1);
      expect(await p.getByTestId('loan-card').textContent()).toContain('还款中');
      await screenshot(p, 'portal-loans');

      await p.getByTestId('loan-card').click();
      await p.waitForURL(`**/portal/loans/${loanId}`);
      const expected = await due();
      await poll(() => p.getByTestId('due-amount').textContent()).toBe(yuan(expected.nextPaymentMinor));
      const next = expected.next as NonNullable<Due['next']>;
      expect(await p.getByTestId('due-date').textContent()).toContain(formatDate(next.dueDate, 'zh-CN'));
      const parts = await p.getByTestId('due-parts').textContent();
      expect(parts).toContain(`本金（借的钱）${yuan(next.principalMinor)}`);
      expect(parts).toContain(`利息${yuan(next.interestMinor)}`);
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(p, 'portal-loan');

      await p.getByTestId('loan-action-schedule').click();
      await p.locator(`main[data-path="/portal/loans/${loanId}/schedule"] h1`).waitFor();
      const rows = p.getByTestId('schedule-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(12);
      expect(await rows.first().getAttribute('data-status')).toBe('upcoming');
      expect(await rows.first().textContent()).toContain(next.dueDate);
      expect(await rows.first().textContent()).toContain('未到期');
      await screenshot(p, 'portal-loan-schedule');
    });

    it('pays the next instalment through the sandbox channel; history shows it and the next due date moves on', async () => {
      const before = await due();
      await p.goto(`/portal/loans/${loanId}/pay`);
      await p.getByLabel(`下一期：${yuan(before.nextPaymentMinor)}`).waitFor();
      expect(await p.getByLabel(`下一期：${yuan(before.nextPaymentMinor)}`).isChecked()).toBe(true);
      await p.getByLabel('演示钱包（不会真的扣钱）').check();
      await screenshot(p, 'portal-loan-pay');
      await p.getByRole('button', { name: '下一步' }).click();
      await poll(() => p.getByTestId('confirm-amount').textContent()).toBe(yuan(before.nextPaymentMinor));
      await screenshot(p, 'portal-loan-pay-confirm');
      await p.getByTestId('confirm-pay').click();
      await p.getByTestId('pay-result').waitFor();
      expect(await p.getByTestId('pay-result').getAttribute('data-status')).toBe('succeeded');
      expect(await p.getByTestId('pay-result').textContent()).toContain(
        `还款成功！${yuan(before.nextPaymentMinor)}`,
      );
      await screenshot(p, 'portal-loan-pay-done');

      await p.getByRole('link', { name: '查看还款记录' }).click();
      await p.locator(`main[data-path="/portal/loans/${loanId}/history"] h1`).waitFor();
      const first = p.getByTestId('history-item').first();
      await first.waitFor();
      expect(await first.getAttribute('data-kind')).toBe('repayment');
      expect(await first.textContent()).toContain(yuan(before.nextPaymentMinor));
      expect(await first.textContent()).toContain('演示钱包');
      expect(await p.getByTestId('history-item').last().getAttribute('data-kind')).toBe('disbursement');
      await screenshot(p, 'portal-loan-history');

      const after = await due();
      expect(after.next?.n).toBe((before.next?.n ?? 0) + 1);
      await p.getByRole('link', { name: '这笔借款' }).click();
      await p.locator(`main[data-path="/portal/loans/${loanId}"] h1`).waitFor();
      await poll(() => p.getByTestId('due-date').textContent()).toContain(
        formatDate(after.next?.dueDate as string, 'zh-CN'),
      );
      expect(await p.getByTestId('due-date').textContent()).toContain(`第 ${after.next?.n} 期`);
      // The paid instalment shows as paid in the schedule.
      await p.getByTestId('loan-action-schedule').click();
      await p.getByTestId('schedule-row').first().waitFor();
      expect(await p.getByTestId('schedule-row').first().getAttribute('data-status')).toBe('paid');
    });

    it('shows the payoff quote, and refuses more than it in place', async () => {
      const expected = await due();
      await p.goto(`/portal/loans/${loanId}/payoff`);
      await poll(() => p.getByTestId('payoff-amount').textContent()).toBe(yuan(expected.payoffMinor));
      expect(await p.getByTestId('payoff-parts').textContent()).toContain('本金（借的钱）');
      await screenshot(p, 'portal-loan-payoff');
      await p.getByRole('link', { name: '按这个金额还清' }).click();
      await p.getByLabel(`全部还清：${yuan(expected.payoffMinor)}`).waitFor();
      expect(await p.getByLabel(`全部还清：${yuan(expected.payoffMinor)}`).isChecked()).toBe(true);
      await p.getByLabel('其他金额').check();
      await p.getByLabel('还多少钱（元）').fill('0');
      await p.getByRole('button', { name: '下一步' }).click();
      await poll(() => p.getByTestId('error-otherAmount').textContent()).toContain('大于 0');
      await p.getByLabel('还多少钱（元）').fill(minorToAmount(expected.payoffMinor + 100));
      await p.getByRole('button', { name: '下一步' }).click();
      await poll(() => p.getByTestId('error-otherAmount').textContent()).toContain(
        yuan(expected.payoffMinor),
      );
    });

    it('elder mode enlarges the loan screen and keeps one task on it', async () => {
      await p.goto(`/portal/loans/${loanId}`);
      const amount = p.getByTestId('due-amount');
      await amount.waitFor();
      const size = () => amount.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      const normal = await size();
      expect(await p.getByRole('heading', { name: '借款概况' }).count()).toBe(1);
      await p.getByTestId('elder-toggle').click();
      await poll(size).toBeGreaterThan(normal);
      expect(await rootFontSize(p)).toBeGreaterThanOrEqual(20);
      expect(await p.getByRole('heading', { name: '借款概况' }).count()).toBe(0);
      await screenshot(p, 'portal-loan-elder');
      await p.getByTestId('elder-toggle').click();
      await poll(size).toBe(normal);
    });

    it('has no serious or critical accessibility violations on the loan screens, in both modes and languages', async () => {
      const violations: string[] = [];
      const paths = [
        '',
        `/${loanId}`,
        `/${loanId}/schedule`,
        `/${loanId}/history`,
        `/${loanId}/payoff`,
        `/${loanId}/pay`,
      ];
      await p.goto('/portal/loans');
      await p.locator('main[data-path="/portal/loans"] h1').waitFor();
      for (const lang of ['zh-CN', 'en'] as const) {
        for (const elder of [false, true]) {
          await switchLanguage(p, lang);
          if ((await p.getByTestId('elder-toggle').getAttribute('aria-pressed')) !== String(elder))
            await p.getByTestId('elder-toggle').click();
          const suffix = `${lang}${elder ? '-elder' : ''}`;
          for (const path of paths) {
            await navigateInApp(p, `/portal/loans${path}`);
            await p.waitForFunction(() => !document.querySelector('main [aria-live="polite"]'));
            violations.push(...(await seriousViolations(p, `/portal/loans${path} ${suffix}`)));
            const name = path.replace(loanId, 'loan').replaceAll('/', '-') || '-list';
            await screenshot(p, `portal-loans${name}-${suffix}`);
          }
          // The confirmation step of paying (not confirmed).
          await p.locator('form button[type=submit]').click();
          if (elder) await p.locator('form button[type=submit]').click();
          await p.getByTestId('confirm-pay').waitFor();
          violations.push(...(await seriousViolations(p, `pay confirmation ${suffix}`)));
          await screenshot(p, `portal-loans-pay-confirm-${suffix}`);
        }
      }
      expect(violations).toEqual([]);
    }, 120_000);
  });

  it('has no serious or critical accessibility violations on any page, in both modes and languages', async () => {
    const violations: string[] = [];
    const check = async (label: string, name: string, lang: string, elder: boolean) => {
      violations.push(...(await seriousViolations(page, `${label} ${lang}${elder ? ' elder' : ''}`)));
      // Every screen in Chinese in both modes; in English the main screens only (screenshots cost time).
      if (lang === 'zh-CN' || (!elder && ['home', 'calculator-result', 'account'].includes(name))) {
        await screenshot(page, `portal-${name}-${lang}${elder ? '-elder' : ''}`);
      }
    };
    const publicPaths = [
      '/portal/',
      '/portal/learn',
      '/portal/learn/rate',
      '/portal/learn/repayment',
      '/portal/learn/late',
      '/portal/learn/fraud',
      '/portal/nowhere',
    ];
    // The checker itself works in this page (under its CSP): a planted nameless button is caught.
    await page.goto('/portal/learn');
    await page.locator('h1').waitFor();
    await page.evaluate(() =>
      document
        .querySelector('main')
        ?.append(Object.assign(document.createElement('button'), { id: 'planted' })),
    );
    expect((await seriousViolations(page, 'planted')).join('\n')).toContain('button-name (critical)');
    await page.evaluate(() => document.getElementById('planted')?.remove());

    // Start signed out (the sign-out button of the account page).
    await page.goto('/portal/account');
    await page.locator('main[data-path="/portal/account"] h1').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('main[data-path="/portal/sign-in"] h1').waitFor();
    let combo = 0;
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const elder of [false, true]) {
        // Switch with the page's own controls (no reload, so axe-core stays injected).
        await switchLanguage(page, lang);
        if ((await page.getByTestId('elder-toggle').getAttribute('aria-pressed')) !== String(elder)) {
          await page.getByTestId('elder-toggle').click();
        }
        for (const path of publicPaths) {
          await navigateInApp(page, path);
          expect(await page.getAttribute('html', 'lang')).toBe(lang);
          await check(path, path.replace(/^\/portal\/?/, '').replaceAll('/', '-') || 'home', lang, elder);
        }
        await navigateInApp(page, '/portal/calculator');
        await page.locator('form button[type=submit]').click();
        await page.getByTestId('apr').waitFor();
        await check('/portal/calculator (result)', 'calculator-result', lang, elder);

        // Sign-in (both steps) and the account page, as another demo borrower each time (codes are
        // limited per number and hour).
        const borrower = DEMO_BORROWERS[1 + (combo++ % 2)] ?? BORROWER;
        await navigateInApp(page, '/portal/sign-in');
        await check('/portal/sign-in (phone)', 'sign-in-phone', lang, elder);
        await page.locator('input[name=phone]').fill(borrower.phone);
        await page.locator('form button[type=submit]').click();
        await page.locator('input[name=code]').waitFor();
        await check('/portal/sign-in (code)', 'sign-in-code', lang, elder);
        await page.locator('input[name=code]').fill(await h.lastOtp(borrower.phone));
        await page.locator('form button[type=submit]').click();
        await page.getByTestId('account-facts').waitFor();
        await check('/portal/account', 'account', lang, elder);
        await page.getByRole('button', { name: lang === 'en' ? 'Sign out' : '退出登录' }).click();
        await page.locator('main[data-path="/portal/sign-in"] h1').waitFor();
      }
    }
    expect(violations).toEqual([]);
  }, 90_000);

  it('ran without Content-Security-Policy violations or page errors', () => {
    expect(pageProblems).toEqual([]);
  });
});
