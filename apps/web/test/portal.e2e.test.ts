import { calculateSchedule, DEMO_BORROWERS } from '@puhui/services';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount, formatRate } from '../src/shared/format.ts';
import {
  browserMissing,
  navigateInApp,
  poll,
  screenshot,
  seriousViolations,
  startWebHarness,
  type WebHarness,
  watchPage,
} from './browser.ts';

if (browserMissing) console.warn(`Skipping the portal browser tests: ${browserMissing}`);

const BORROWER = DEMO_BORROWERS[0];

/** The root element's computed font size in px. */
const rootFontSize = (page: Page) =>
  page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));

describe.skipIf(browserMissing !== undefined)('borrower portal in a real browser (360 px wide)', () => {
  let h: WebHarness;
  let context: BrowserContext;
  let page: Page;
  const pageProblems: string[] = [];

  beforeAll(async () => {
    h = await startWebHarness();
    context = await h.context({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
    });
    page = await context.newPage();
    watchPage(page, pageProblems);
  });
  afterAll(async () => {
    await context?.close();
    await h?.close();
  });

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
        if ((await page.getAttribute('html', 'lang')) !== lang)
          await page.getByTestId('language-switch').click();
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
