import { readFile } from 'node:fs/promises';
import { startEodRun } from '@puhui/store';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPORT_KINDS } from '../src/console/pages/reports/names.ts';
import { sumAmounts } from '../src/shared/decimal.ts';
import { formatAmount, formatDate, formatRate } from '../src/shared/format.ts';
import {
  apiAs,
  browserMissing,
  navigateInApp,
  poll,
  screenshot,
  seriousViolations,
  signedOutConsole,
  signInConsole,
  startWebHarness,
  switchLanguage,
  type WebHarness,
} from './browser.ts';

if (browserMissing) console.warn(`Skipping the operations browser tests: ${browserMissing}`);

interface EodList {
  openDate: string;
  runs: { date: string; status: string; loans: number; batches: number; pending: number }[];
}
interface Bucket {
  principal: string;
  ratio: string;
  loans: number;
}
interface Par {
  date: string;
  currencies: {
    currency: string;
    loans: number;
    principal: string;
    par: Record<'par1' | 'par30' | 'par60' | 'par90', Bucket>;
    npl: { principal: string; ratio: string };
  }[];
}

describe.skipIf(browserMissing !== undefined)(
  'end of day, reports and the dashboard in the staff console',
  () => {
    let h: WebHarness;
    let page: Page;
    const pageProblems: string[] = [];
    const cny = (par: Par) => par.currencies.find((c) => c.currency === 'CNY') as Par['currencies'][number];

    beforeAll(async () => {
      h = await startWebHarness({ loans: 40 });
      page = await h.page(
        { viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true },
        pageProblems,
      );
      await page.goto('/sign-in');
    }, 120_000);
    beforeEach(() => signedOutConsole(page));
    afterAll(() => h?.close());

    it('shows a run in progress and follows it to completion without reloading', async () => {
      const before = await apiAs<EodList>(h, 'ops', '/api/v1/eod');
      await signInConsole(page, 'ops');
      await page.getByRole('menuitem', { name: '日终批处理' }).click();
      await page.waitForURL('**/eod');
      await poll(() => page.getByTestId('open-date').getAttribute('data-date')).toBe(before.openDate);
      expect(await page.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(20);

      // Another worker (say, `puhui eod` from cron) starts the open date: the page shows it running.
      await startEodRun(h.store.db, before.openDate, new Date().toISOString());
      await navigateInApp(page, '/dashboard');
      await navigateInApp(page, '/eod');
      const first = page.locator('tbody tr.ant-table-row').first();
      await poll(() => first.locator('[data-status]').getAttribute('data-status')).toBe('running');
      const running = await apiAs<EodList>(h, 'ops', '/api/v1/eod');
      expect(running.runs[0]).toMatchObject({ date: before.openDate, status: 'running', loans: 0 });
      expect(await first.textContent()).toContain(`已处理 0 / ${running.runs[0]?.pending} 笔贷款`);
      await screenshot(page, 'eod-running');

      // The worker finishes; the page polls and shows the run completed.
      await apiAs(h, 'ops', '/api/v1/eod', { body: { date: before.openDate } });
      await poll(() => first.locator('[data-status]').getAttribute('data-status')).toBe('completed');
      const after = await apiAs<EodList>(h, 'ops', '/api/v1/eod');
      await poll(() => page.getByTestId('open-date').getAttribute('data-date')).toBe(after.openDate);
      expect(after.openDate > before.openDate).toBe(true);
    });

    it('lets operations run end of day after confirming, and shows what it did', async () => {
      const before = await apiAs<EodList>(h, 'ops', '/api/v1/eod');
      await signInConsole(page, 'ops');
      await navigateInApp(page, '/eod');
      await poll(() => page.getByTestId('open-date').getAttribute('data-date')).toBe(before.openDate);
      await page.getByRole('button', { name: '运行日终' }).click();
      const confirm = page.locator('.ant-modal-confirm');
      await poll(() => confirm.textContent()).toContain(
        `将结束营业日 ${formatDate(before.openDate, 'zh-CN')}`,
      );
      await screenshot(page, 'eod-confirm');
      await confirm.getByRole('button', { name: '运行日终' }).click();

      const result = page.getByTestId('eod-result');
      await poll(() => result.textContent()).toContain('日终完成');
      const after = await apiAs<EodList>(h, 'ops', '/api/v1/eod');
      const run = after.runs[0];
      expect(run).toMatchObject({ date: before.openDate, status: 'completed', pending: 0 });
      expect(await result.textContent()).toContain(
        `${formatDate(before.openDate, 'zh-CN')}：${run?.loans} 笔贷款，${run?.batches} 批`,
      );
      expect(await result.textContent()).toContain('分户账与总账一致');
      await poll(() => page.getByTestId('open-date').getAttribute('data-date')).toBe(after.openDate);
      const first = page.locator('tbody tr.ant-table-row').first();
      await poll(() => first.textContent()).toContain(formatDate(before.openDate, 'zh-CN'));
      expect(await first.locator('[data-status]').getAttribute('data-status')).toBe('completed');
      await screenshot(page, 'eod-done');
    });

    it('shows PAR and NPL equal to the API’s, live and as of a closed date', async () => {
      const par = await apiAs<Par>(h, 'auditor', '/api/v1/reports/par');
      const home = cny(par);
      expect(home.loans).toBeGreaterThan(0);
      await signInConsole(page, 'auditor');
      await page.getByRole('menuitem', { name: '报表' }).click();
      await page.waitForURL('**/reports');
      for (const k of ['par1', 'par30', 'par60', 'par90'] as const)
        await poll(() => page.getByTestId(`${k}-ratio`).textContent()).toBe(formatRate(home.par[k].ratio));
      expect(await page.getByTestId('npl-ratio').textContent()).toBe(formatRate(home.npl.ratio));
      expect(await page.locator('.ant-statistic').first().textContent()).toContain(
        formatAmount(home.principal),
      );
      await screenshot(page, 'reports-par');

      // As of a closed date: the figures that date's end of day stored.
      const eod = await apiAs<EodList>(h, 'auditor', '/api/v1/eod');
      const closed = eod.runs[3]?.date as string;
      const then = cny(await apiAs<Par>(h, 'auditor', `/api/v1/reports/par?date=${closed}`));
      await page.getByLabel('营业日', { exact: true }).fill(closed);
      await poll(() => new URL(page.url()).searchParams.get('date')).toBe(closed);
      await poll(() => page.getByTestId('par30-ratio').textContent()).toBe(formatRate(then.par.par30.ratio));
      expect(await page.getByTestId('npl-ratio').textContent()).toBe(formatRate(then.npl.ratio));
      expect(await page.locator('.ant-statistic').first().textContent()).toContain(
        formatAmount(then.principal),
      );
    });

    it('downloads the report as Excel and CSV', async () => {
      const { openDate } = await apiAs<EodList>(h, 'auditor', '/api/v1/eod');
      await signInConsole(page, 'auditor');
      await navigateInApp(page, '/reports');
      await page.getByTestId('par30-ratio').waitFor();
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载 Excel' }).click(),
      ]);
      expect(xlsx.suggestedFilename()).toBe(`puhui-par-${openDate}.xlsx`);
      const bytes = await readFile((await xlsx.path()) as string);
      expect(bytes.length).toBeGreaterThan(1000);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');

      await page.getByRole('tab', { name: '试算平衡表' }).click();
      await page.getByTestId('tb-balanced').waitFor();
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载 CSV' }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe(`puhui-trial-balance-${openDate}.csv`);
      const text = await readFile((await csv.path()) as string, 'utf8');
      expect(text.split('\r\n')[0]).toBe('account,name,nameZh,type,normalSide,currency,debit,credit,balance');
    });

    it('shows the trial balance with debits equal to credits, and the other reports', async () => {
      interface Tb {
        balanced: boolean;
        totals: { currency: string; debit: string; credit: string }[];
        rows: unknown[];
      }
      const tb = await apiAs<Tb>(h, 'auditor', '/api/v1/reports/trial-balance');
      expect(tb.balanced).toBe(true);
      await signInConsole(page, 'auditor');
      await navigateInApp(page, '/reports');
      await page.getByRole('tab', { name: '试算平衡表' }).click();
      await poll(() => page.getByTestId('tb-balanced').getAttribute('data-balanced')).toBe('true');
      const total = formatAmount(tb.totals[0]?.debit as string);
      expect(await page.getByTestId('tb-debit').textContent()).toBe(total);
      expect(await page.getByTestId('tb-credit').textContent()).toBe(total);
      expect(await page.locator('tbody tr.ant-table-row').count()).toBe(tb.rows.length);
      await screenshot(page, 'reports-trial-balance');

      // Flows: the chart and the totals over the default range (twelve months).
      await page.getByRole('tab', { name: '放款与回收' }).click();
      await page.getByTestId('flows-disbursed').waitFor();
      const from = (await page.getByLabel('开始日期').inputValue()) as string;
      const to = (await page.getByLabel('结束日期').inputValue()) as string;
      const flows = await apiAs<{ rows: { currency: string; disbursements: string; collections: string }[] }>(
        h,
        'auditor',
        `/api/v1/reports/flows?from=${from}&to=${to}&period=month`,
      );
      const disbursed = formatAmount(sumAmounts(flows.rows.map((r) => r.disbursements)));
      expect(await page.getByTestId('flows-disbursed').textContent()).toBe(disbursed);
      expect(await page.getByTestId('flows-collected').textContent()).toBe(
        formatAmount(sumAmounts(flows.rows.map((r) => r.collections))),
      );
      const chart = page.getByTestId('echart');
      await poll(() => chart.locator('canvas').count()).toBe(1);
      expect(await chart.getAttribute('aria-label')).toContain(`共放款 CNY ${disbursed}`);
      await screenshot(page, 'reports-flows');

      await page.getByRole('tab', { name: '分户账核对' }).click();
      await poll(() => page.getByTestId('reconciled').textContent()).toContain('分户账与总账控制科目一致');
      await page.getByRole('tab', { name: '产品构成' }).click();
      await poll(() => page.locator('table').last().textContent()).toContain('MICRO12');
    });

    it('shows the portfolio on the dashboard, equal to the API’s', async () => {
      const home = cny(await apiAs<Par>(h, 'admin', '/api/v1/reports/par'));
      await signInConsole(page, 'admin');
      await poll(() => page.getByTestId('card-portfolio').locator('.ant-statistic').textContent()).toBe(
        `CNY ${formatAmount(home.principal)}`,
      );
      expect(await page.getByTestId('card-par30').locator('.ant-statistic').textContent()).toBe(
        formatRate(home.par.par30.ratio),
      );
      expect(await page.getByTestId('card-npl').locator('.ant-statistic').textContent()).toBe(
        formatRate(home.npl.ratio),
      );
      for (const card of ['card-flows', 'card-classification', 'card-products']) {
        const chart = page.getByTestId(card).getByTestId('echart');
        await poll(() => chart.locator('canvas').count()).toBe(1);
        expect((await chart.getAttribute('aria-label'))?.length).toBeGreaterThan(20);
      }
      expect(
        await page.getByTestId('card-classification').getByTestId('echart').getAttribute('aria-label'),
      ).toContain('正常');
      await screenshot(page, 'dashboard-portfolio');

      // Every demo role may read reports; a role without it (as /auth/me would say) sees why the
      // cards are empty, and the page asks the reports API nothing.
      await page.route('**/api/v1/auth/me', async (route) => {
        const response = await route.fetch();
        const me = (await response.json()) as { permissions: string[] };
        await route.fulfill({
          response,
          json: { ...me, permissions: me.permissions.filter((p) => p !== 'reports:read') },
        });
      });
      const reportCalls: string[] = [];
      const watch = (r: { url(): string }) => {
        if (r.url().includes('/api/v1/reports/')) reportCalls.push(r.url());
      };
      page.on('request', watch);
      await page.reload();
      for (const card of ['card-portfolio', 'card-par30', 'card-npl', 'card-flows', 'card-classification'])
        await poll(() => page.getByTestId(card).textContent()).toContain('您的角色不能查看报表');
      expect(reportCalls).toEqual([]);
      expect(await page.locator('nav [role=menuitem]').allTextContents()).not.toContain('报表');
      await screenshot(page, 'dashboard-no-reports');
      page.off('request', watch);
      await page.unroute('**/api/v1/auth/me');
    });

    it('has no serious or critical accessibility violations on these pages, in both languages', async () => {
      await signInConsole(page, 'ops');
      const violations: string[] = [];
      for (const lang of ['zh-CN', 'en'] as const) {
        await switchLanguage(page, lang);
        const pages = [
          ['/dashboard', 'dashboard'],
          ['/eod', 'eod'],
          ...REPORT_KINDS.map((tab) => [`/reports?tab=${tab}`, `reports-${tab}`]),
        ];
        for (const [path, name] of pages as [string, string][]) {
          await navigateInApp(page, path);
          await page.locator('.ant-skeleton, .ant-spin-spinning').first().waitFor({ state: 'detached' });
          await page.locator('.ant-table-row, .ant-statistic').first().waitFor();
          violations.push(...(await seriousViolations(page, `${path} ${lang}`)));
          await screenshot(page, `console-${name}-${lang}`);
        }
      }
      expect(violations).toEqual([]);
    }, 120_000);

    it('ran without Content-Security-Policy violations or page errors', () => {
      expect(pageProblems).toEqual([]);
    });
  },
);
