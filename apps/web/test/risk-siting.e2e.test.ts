import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  browserMissing,
  navigateInApp,
  poll,
  screenshot,
  seriousViolations,
  settled,
  signInConsole,
  startWebHarness,
  switchLanguage,
  type WebHarness,
} from './browser.ts';

if (browserMissing) console.warn(`Skipping the risk and siting browser tests: ${browserMissing}`);

const GERMAN = new URL('../../../packages/risk/fixtures/german-credit.csv', import.meta.url);

/** Picks `option` in the Ant Design select inside `item` (a form item) by typing and Enter. */
async function choose(page: Page, item: Locator, option: string) {
  await item.locator('.ant-select-selector').click();
  await item.locator('input').first().fill(option);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** The form item labelled `label` (exactly) inside `scope`. */
const formItem = (scope: Locator, label: string) =>
  scope.locator('.ant-form-item').filter({ has: scope.page().getByText(label, { exact: true }) });

describe.skipIf(browserMissing !== undefined)('risk models and siting pages in a real browser', () => {
  let h: WebHarness;
  let page: Page;
  let dir: string;
  let csvPath: string;
  const pageProblems: string[] = [];

  beforeAll(async () => {
    h = await startWebHarness();
    page = await h.page(
      { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', acceptDownloads: true },
      pageProblems,
    );
    // A small training file: the header and the first 300 applicants of the German credit data.
    dir = mkdtempSync(join(tmpdir(), 'puhui-risk-e2e-'));
    csvPath = join(dir, 'small-card.csv');
    writeFileSync(csvPath, `${readFileSync(GERMAN, 'utf8').split('\n').slice(0, 301).join('\n')}\n`);
  });
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Confirms the open pop-confirm with its OK button. */
  async function confirm() {
    const pop = page.locator('.ant-popconfirm:visible');
    await pop.locator('.ant-btn-primary').click();
    await pop.waitFor({ state: 'hidden' });
  }

  /** Scores `n` applicants of the German data through the API (the champion answers; a challenger runs in shadow). */
  async function scoreApplicants(n: number) {
    const [header, ...rows] = readFileSync(GERMAN, 'utf8').trim().split('\n');
    const columns = (header ?? '').split(',');
    for (const [i, row] of rows.slice(500, 500 + n).entries()) {
      const cells = row.split(',');
      const applicant = Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? null]));
      await apiAs(h, 'risk', '/api/v1/risk/score', { body: { applicant, applicantRef: `E2E-${i}` } });
    }
  }

  it('shows a risk manager the demo model: ROC and KS charts, binning and points tables, fairness', async () => {
    await signInConsole(page, 'risk');
    await page.getByRole('menuitem', { name: '风险模型' }).click();
    await page.waitForURL('**/risk');
    const list = page.getByTestId('risk-models');
    await poll(() => list.locator('tbody').textContent()).toContain('German credit scorecard (demo) v1');
    expect(await list.locator('tbody tr.ant-table-row').first().textContent()).toMatch(
      /冠军.*0\.821.*0\.538.*0\.641/,
    );
    await screenshot(page, 'risk-models');

    await list.getByRole('link', { name: 'German credit scorecard (demo) v1' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('German credit scorecard (demo) v1');
    expect(page.url()).toMatch(/\/risk\?model=rsk_/);
    expect(await page.getByTestId('metric-auc').textContent()).toMatch(/^0\.821/);
    // Five charts drawn from the stored report, each named with its key numbers.
    const charts = page.getByTestId('echart');
    await poll(() => charts.locator('canvas').count()).toBe(5);
    const labels = await charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels[0]).toMatch(
      /^ROC 曲线：AUC 0\.821（95% 区间 0\.77\d–0\.86\d），Gini 0\.641，基于 300 个验证样本/,
    );
    expect(labels[1]).toMatch(/^KS 曲线：KS 统计量 0\.538；图中两条曲线在评分 \d{3} 处相距最远/);
    expect(labels[2]).toMatch(/^校准图：10 组/);
    expect(labels[3]).toMatch(/^评分分布：好客户 210 人.*坏客户 90 人/);
    expect(labels[4]).toMatch(/^收益图：风险最高的 10% 客户中包含全部坏客户的 \d+\.\d%/);
    // Fairness by age: applicants under 25 break the four-fifths rule.
    const fairness = page.getByTestId('fairness-table');
    expect(await fairness.textContent()).toMatch(/< 25.*0\.68.*违反/);
    // Binning per variable with IV; the attribute-points table with its download.
    const binning = page.getByTestId('binning-tables');
    expect(await binning.textContent()).toContain('checking_status（IV 0.570）');
    expect(await binning.locator('table').count()).toBe(10);
    await page.getByRole('tab', { name: '属性分值表' }).click();
    const points = page.getByTestId('points-table');
    await points.waitFor();
    expect(await points.locator('tbody tr').count()).toBeGreaterThan(40);
    expect(await points.textContent()).toContain('(unseen value)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rsk_\w+-points\.csv$/);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^variable,attribute,/);
    expect(csv).toContain('checking_status');
    await screenshot(page, 'risk-model-detail');
  });

  it('trains a tree model from an uploaded CSV, runs it as challenger in shadow, promotes it and rolls back', async () => {
    await signInConsole(page, 'risk');
    await navigateInApp(page, '/risk');
    await page.getByRole('button', { name: '训练新模型' }).click();
    const drawer = page.locator('.ant-drawer-open .ant-drawer-content');
    await drawer.locator('input[type=file]').setInputFiles(csvPath);
    await poll(() => drawer.getByTestId('csv-summary').textContent()).toBe(
      'small-card.csv：300 行数据，21 列',
    );
    // The target was guessed from the header; a column that is not a good/bad flag is refused in place.
    const target = formItem(drawer, '目标列（好/坏）');
    expect(await target.locator('.ant-select-selection-item').textContent()).toBe('bad');
    await choose(page, target, 'duration_months');
    await drawer.getByRole('button', { name: '开始训练' }).click();
    await poll(() => drawer.locator('[data-problem-code]').getAttribute('data-problem-code')).toBe(
      'dataset_invalid',
    );
    expect(await drawer.locator('[data-problem-code]').textContent()).toContain(
      'must have exactly two values',
    );
    await screenshot(page, 'risk-train-error');

    await choose(page, target, 'bad');
    await drawer.getByLabel('模型名称').fill('Small trees');
    await drawer.getByLabel('梯度提升树').check();
    const drop = formItem(drawer, '不入模的列');
    for (const column of ['personal_status_sex', 'age_years', 'foreign_worker'])
      await choose(page, drop, column);
    await page.keyboard.press('Escape');
    await choose(page, formItem(drawer, '公平性分组列（可选）'), 'age_years');
    await drawer.getByLabel('数值分组的分界点（可选）').fill('25');
    await drawer.getByRole('button', { name: '开始训练' }).click();
    const result = drawer.getByTestId('train-result');
    await poll(() => result.textContent()).toMatch(/^已训练 Small trees v1：AUC 0\.\d{3}，KS 0\.\d{3}。/);
    expect(await drawer.locator('[data-problem-code]').count()).toBe(0);
    await screenshot(page, 'risk-train-done');

    // The new model opens as a candidate with its own report; trees show their feature importance.
    await result.getByRole('button', { name: '查看模型' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('Small trees v1');
    await poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('candidate');
    await poll(() => page.getByTestId('echart').locator('canvas').count()).toBe(6);
    expect(await page.getByTestId('echart').last().getAttribute('aria-label')).toMatch(
      /^变量重要性条形图：共 \d+ 个变量，最重要的是 \w+/,
    );
    expect(await page.getByTestId('binning-tables').count()).toBe(0);
    expect(await page.getByTestId('fairness-table').textContent()).toContain('< 25');
    const smallUrl = page.url();

    // Challenger: scored in shadow on live requests.
    await page.getByRole('button', { name: '设为挑战者' }).click();
    await confirm();
    await poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('challenger');
    await scoreApplicants(12);
    await page.getByRole('button', { name: '返回模型列表' }).click();
    const list = page.getByTestId('risk-models');
    await poll(() => list.locator('tbody').textContent()).toContain('Small trees v1');
    const shadow = page.getByTestId('shadow-summary');
    await poll(() => shadow.textContent()).toContain('双方都评过的申请12');
    expect(await page.getByTestId('shadow-card').textContent()).toContain('挑战者Small trees v1');
    await screenshot(page, 'risk-shadow');

    // Compare the two models on the same labelled file.
    await page.getByRole('button', { name: '比较模型' }).click();
    const compare = page.locator('.ant-drawer-open .ant-drawer-content');
    const models = formItem(compare, '要比较的模型（至少两个）');
    await choose(page, models, 'German credit');
    await choose(page, models, 'Small trees');
    await page.keyboard.press('Escape');
    await compare.locator('input[type=file]').setInputFiles(csvPath);
    await poll(() => compare.getByTestId('csv-summary').textContent()).toContain('300 行数据');
    await compare
      .getByRole('button', { name: /比\s*较/ })
      .last()
      .click();
    const compared = compare.getByTestId('compare-result');
    await poll(() => compared.locator('h2').textContent()).toBe('比较结果：300 个样本，其中坏样本 80 个');
    expect(await compared.locator('tbody tr.ant-table-row').count()).toBe(2);
    expect(await compared.locator('tbody').textContent()).toContain('最优');
    await poll(() => compared.getByTestId('echart').locator('canvas').count()).toBe(1);
    await screenshot(page, 'risk-compare');
    await compare
      .getByRole('button', { name: /关\s*闭/ })
      .last()
      .click();

    // Promote the new model: the demo champion retires; then roll back.
    await page.goto(smallUrl);
    await page.getByRole('button', { name: '设为冠军模型' }).click();
    await confirm();
    await poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('champion');
    await page.getByRole('button', { name: '返回模型列表' }).click();
    const demoRow = list.locator('tbody tr', { hasText: 'German credit scorecard (demo) v1' });
    await poll(() => demoRow.locator('[data-status]').getAttribute('data-status')).toBe('retired');
    await demoRow.getByRole('link').click();
    await page.getByRole('button', { name: '设为冠军模型' }).click();
    await confirm();
    await poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('champion');
    await page.getByRole('button', { name: '返回模型列表' }).click();
    await poll(() =>
      list
        .locator('tbody tr', { hasText: 'Small trees v1' })
        .locator('[data-status]')
        .getAttribute('data-status'),
    ).toBe('retired');
  }, 90_000);

  it('shows operations the siting map with the default study, and runs a new study', async () => {
    await signInConsole(page, 'ops');
    await page.getByRole('menuitem', { name: '网点选址' }).click();
    await page.waitForURL('**/siting');
    const map = page.getByTestId('siting-map');
    await map.waitFor();
    // The default study: the six stations kept open plus six new sites, 5 km circles.
    expect(await map.locator('desc').textContent()).toMatch(
      /^Qingshan County \(synthetic\)：347 个村庄共 442,883 人，6 个现有服务站。研究“Demo county: 5 km coverage with existing stations”选定 12 个网点（其中新建 6 个），覆盖半径 5 公里，覆盖 8\d\.\d% 的人口。$/,
    );
    expect(await map.locator('[data-station]').count()).toBe(6);
    expect(await map.locator('[data-site]').count()).toBe(6);
    expect(await map.locator('[data-layer=coverage] circle').count()).toBe(12);
    expect(await map.locator('[data-village]').count()).toBe(347);
    const sites = page.getByTestId('siting-sites');
    expect(await sites.locator('tbody tr.ant-table-row').count()).toBe(12);
    await screenshot(page, 'siting');

    // An infeasible request (fewer sites than the stations kept open) is explained in place.
    await page.getByRole('button', { name: '运行新研究' }).click();
    const drawer = page.locator('.ant-drawer-open .ant-drawer-content');
    await drawer.getByLabel('研究名称').fill('Ten sites, 6 km');
    await drawer.getByLabel('网点数 p').fill('3');
    await drawer.getByRole('button', { name: /运\s*行/ }).click();
    await poll(() => drawer.locator('[data-problem-code]').getAttribute('data-problem-code')).toBe(
      'infeasible',
    );
    await screenshot(page, 'siting-run-error');

    await drawer.getByLabel('网点数 p').fill('10');
    await drawer.getByLabel('覆盖半径').fill('6');
    await drawer.getByRole('button', { name: /运\s*行/ }).click();
    await poll(() => page.locator('.ant-message').textContent()).toMatch(
      /研究“Ten sites, 6 km”已完成：覆盖 \d+\.\d% 的人口。/,
    );
    await page.waitForURL(/\/siting\?study=sit_/);
    await poll(() => map.locator('desc').textContent()).toMatch(
      /研究“Ten sites, 6 km”选定 10 个网点（其中新建 4 个），覆盖半径 6 公里/,
    );
    expect(await map.locator('[data-layer=coverage] circle').count()).toBe(10);
    await poll(() => sites.locator('tbody tr.ant-table-row').count()).toBe(10);
    expect(await page.getByTestId('siting-studies').textContent()).toContain('Ten sites, 6 km');
    expect(await page.getByTestId('study-summary').textContent()).toContain('6 公里');
    await screenshot(page, 'siting-new-study');

    // The default study is one click away in the list.
    await page
      .getByTestId('siting-studies')
      .getByRole('button', { name: 'Demo county: 5 km coverage with existing stations' })
      .click();
    await poll(() => map.locator('[data-layer=coverage] circle').count()).toBe(12);
  }, 60_000);

  it('has no serious or critical accessibility violations on the risk and siting pages, in both languages', async () => {
    const violations: string[] = [];
    const switchTo = (lang: 'zh-CN' | 'en') => switchLanguage(page, lang);
    const check = async (label: string, name: string, lang: string) => {
      await settled(page);
      violations.push(...(await seriousViolations(page, `${label} ${lang}`)));
      await screenshot(page, `console-${name}-${lang}`);
    };
    const openDrawer = async (name: RegExp) => {
      await page.getByRole('button', { name }).click();
      await page.locator('.ant-drawer-open .ant-drawer-content form').waitFor();
    };
    const closeDrawer = async () => {
      await page.keyboard.press('Escape');
      await poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
    };
    // Risk managers see every risk action; operations staff run siting studies.
    await signInConsole(page, 'risk');
    const demo = await page.evaluate(async () => {
      const token = JSON.parse(sessionStorage.getItem('puhui.console.session') ?? '{}').token as string;
      const res = await fetch('/api/v1/risk/models?status=champion', {
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await res.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    });
    for (const lang of ['zh-CN', 'en'] as const) {
      await switchTo(lang);
      await navigateInApp(page, '/risk');
      await page.getByTestId('risk-models').locator('tbody tr.ant-table-row').first().waitFor();
      await check('/risk', 'risk', lang);
      await openDrawer(lang === 'en' ? /Train a model/ : /训练新模型/);
      await check('/risk (train)', 'risk-train', lang);
      await closeDrawer();
      await openDrawer(lang === 'en' ? /Compare models/ : /比较模型/);
      await check('/risk (compare)', 'risk-compare-form', lang);
      await closeDrawer();
      await page.goto(`/risk?model=${demo}`);
      await poll(() => page.getByTestId('echart').locator('canvas').count()).toBe(5);
      await check('/risk?model', 'risk-model', lang);
    }
    await signInConsole(page, 'ops');
    for (const lang of ['zh-CN', 'en'] as const) {
      await switchTo(lang);
      await navigateInApp(page, '/siting');
      await page.getByTestId('siting-sites').waitFor();
      await check('/siting', 'siting', lang);
      await openDrawer(lang === 'en' ? /Run a new study/ : /运行新研究/);
      await check('/siting (run)', 'siting-run', lang);
      await closeDrawer();
    }
    await switchTo('zh-CN');
    expect(violations).toEqual([]);
  }, 180_000);

  it('ran without Content-Security-Policy violations or page errors', () => {
    expect(pageProblems).toEqual([]);
  });
});
