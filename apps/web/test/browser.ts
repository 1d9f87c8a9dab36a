import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type RunningServer, startServer } from '@puhui/server';
import { DEMO_PASSWORD } from '@puhui/services';
import { openStore, type Store } from '@puhui/store';
import axe from 'axe-core';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { ensureBuild } from '../scripts/ensure-build.mjs';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.PUHUI_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export const browserMissing = existsSync(CHROMIUM)
  ? undefined
  : `no Chromium at ${CHROMIUM} (install it with: apt-get install -y chromium)`;

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Screenshots for review land here (git-ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../../.screenshots/', import.meta.url));

/** The real server on a temporary SQLite database with demo data, and a headless Chromium. */
export interface WebHarness {
  readonly url: string;
  readonly browser: Browser;
  /** A second connection to the server's database, for reading what an SMS gateway would deliver. */
  readonly store: Store;
  /** A fresh browser context (cookies/storage of its own) on the server. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  /**
   * A page in a fresh context, its CSP reports and page errors collected into `problems` (see
   * {@link watchPage}); one page across a file's tests keeps the assets cached.
   */
  page(options?: BrowserContextOptions, problems?: string[]): Promise<Page>;
  /** The newest one-time code sent to `phone` (from the outbox table). */
  lastOtp(phone: string): Promise<string>;
  /** Closes the browser (its contexts with it), the database connection and the server. */
  close(): Promise<void>;
}

/**
 * Builds the web app when needed, starts Puhui on a free port with a fresh database and demo data
 * (with `loans`, also a demo loan book of that many loans over a year of history: products, loans
 * in every state, end of day every date), and launches Chromium headless.
 *
 * @example const h = await startWebHarness(); const page = await (await h.context()).newPage();
 */
export async function startWebHarness(options: { loans?: number } = {}): Promise<WebHarness> {
  ensureBuild({ quiet: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'puhui-web-e2e-'));
  const config = loadConfig({
    PUHUI_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error',
    PUHUI_RATE_LIMIT_PER_MINUTE: '100000',
    PUHUI_AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  });
  let server: RunningServer | undefined;
  let store: Store | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer(config, { demo: true, demoLoans: options.loans ?? 0, print: () => {} });
    store = openStore(config.store);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  } catch (error) {
    await browser?.close();
    await store?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const s = server;
  const db = store;
  const b = browser;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const url = s.url.replace('localhost', '127.0.0.1');
  const context = async (options?: BrowserContextOptions) => {
    const created = await b.newContext({ baseURL: url, ...options });
    // Fail at the step that waits, well before the test's own time-out.
    created.setDefaultTimeout(10_000);
    return created;
  };
  return {
    url,
    browser: b,
    store: db,
    context,
    async page(options, problems) {
      const page = await (await context(options)).newPage();
      watchPage(page, problems);
      return page;
    },
    async lastOtp(phone) {
      const row = await db.db
        .selectFrom('outbox')
        .select('payload')
        .where('subject', '=', `phone:${phone}`)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      return (JSON.parse(row.payload) as { params: { code: string } }).params.code;
    },
    async close() {
      await b.close();
      await db.close();
      await s.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs axe-core in the page and returns its serious and critical violations, one line each.
 *
 * @example expect(await seriousViolations(page, 'portal home')).toEqual([]);
 */
export async function seriousViolations(page: Page, label: string): Promise<string[]> {
  // Judge the page at rest: no hover under a leftover mouse position, no running transition.
  await page.mouse.move(1, 1);
  await settled(page);
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
  });
  return violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.join(' | ')}`);
}

/** Collects Content-Security-Policy violations and uncaught errors a page reports into `problems`. */
export function watchPage(page: Page, problems: string[] = []): string[] {
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Saves a full-page screenshot under .screenshots/ for review. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Moves the single-page app to `path` the way a link does (history API, no reload), and waits
 * until the page there has rendered its heading. `path` is what the address bar will show
 * (`/learn` in the portal is `/portal/learn`), with a query string if the page takes one.
 *
 * @example await navigateInApp(page, '/portal/learn/rate');
 * @example await navigateInApp(page, '/reports?tab=flows');
 */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
  const pathname = path.split('?')[0] ?? path;
  await page.locator(`main[data-path="${pathname.replace(/\/$/, '') || '/'}"] h1`).waitFor();
}

/**
 * `expect.poll` with a time-out for a busy two-core machine (the default is one second).
 *
 * @example await poll(() => page.locator('h1').textContent()).toBe('Dashboard');
 */
export function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 10_000, interval: 100 });
}

/** Waits until no CSS transition or animation runs in the page (Ant Design's motions, toggles). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running'),
    undefined,
    {
      timeout: 5_000,
    },
  );
}

/**
 * Signs a demo staff user in on the console's sign-in page (whatever its language; a previous
 * user's session in the tab is dropped first) and waits for the frame.
 *
 * @example await signInConsole(page, 'risk');
 */
export async function signInConsole(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  if (await page.evaluate(() => sessionStorage.length > 0)) {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/sign-in');
  }
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('signed-in-as').waitFor();
}

/**
 * Starts a console test signed out and in Chinese: clears the tab's session and stored choices and
 * opens the sign-in page (one browser context across tests keeps the assets cached).
 *
 * @example beforeEach(() => signedOutConsole(page));
 */
export async function signedOutConsole(page: Page): Promise<void> {
  await page.evaluate(() => {
    sessionStorage.clear();
    localStorage.clear();
  });
  await page.goto('/sign-in');
  await page.locator('#username').waitFor();
}

/** Signs out of the console (either language) and waits for the sign-in page. */
export async function signOutConsole(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退出登录|Sign out/ }).click();
  await page.waitForURL('**/sign-in');
}

/**
 * Switches the console or the portal to `lang` with the page's own language button (when it is not
 * already in it; no reload, so axe-core stays injected) and waits for `<html lang>`.
 */
export async function switchLanguage(page: Page, lang: 'zh-CN' | 'en'): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) !== lang) await page.getByTestId('language-switch').click();
  await poll(() => page.getAttribute('html', 'lang')).toBe(lang);
}

/**
 * Calls the harness's API as a demo staff user (signing in once per user; a POST with a fresh
 * Idempotency-Key when `post` is given), for comparing what a page shows with what the API says
 * and for setting up what the browser does not test. Throws on an error status.
 *
 * @example const par = await apiAs(h, 'auditor', '/api/v1/reports/par');
 */
export async function apiAs<T = unknown>(
  h: Pick<WebHarness, 'url'>,
  username: string,
  path: string,
  post?: { body: unknown },
): Promise<T> {
  const token = await staffToken(h.url, username);
  const res = await fetch(`${h.url}${path}`, {
    method: post ? 'POST' : 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(post
        ? { 'content-type': 'application/json', 'idempotency-key': `e2e-${crypto.randomUUID()}` }
        : {}),
    },
    ...(post ? { body: JSON.stringify(post.body) } : {}),
  });
  if (!res.ok)
    throw new Error(`${post ? 'POST' : 'GET'} ${path} as ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const tokens = new Map<string, string>();

async function staffToken(url: string, username: string): Promise<string> {
  const key = `${url} ${username}`;
  const known = tokens.get(key);
  if (known) return known;
  const res = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const token = ((await res.json()) as { accessToken: string }).accessToken;
  tokens.set(key, token);
  return token;
}
