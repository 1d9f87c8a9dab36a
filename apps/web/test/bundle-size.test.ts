import { expect, it } from 'vitest';
import { measure } from '../scripts/bundle-size.mjs';
import { ensureBuild } from '../scripts/ensure-build.mjs';

/** The portal's first page must stay light for cheap phones on slow networks (issue 7). */
const PORTAL_FIRST_LOAD_BUDGET = 200 * 1024;

it('keeps the portal’s first-load JavaScript under 200 KB gzip and code-splits both apps', () => {
  ensureBuild({ quiet: true });
  const { entries, chunks } = measure();
  const portal = entries.find((e) => e.name === 'portal/index.html');
  const console_ = entries.find((e) => e.name === 'index.html');
  expect(portal).toBeDefined();
  expect(console_).toBeDefined();
  if (!portal || !console_) return;
  expect(portal.jsGzip).toBeLessThan(PORTAL_FIRST_LOAD_BUDGET);
  // The portal loads no component library and no charts up front.
  const heavy = portal.js.filter((f) => /echarts|antd|table|ProblemAlert/.test(f));
  expect(heavy).toEqual([]);
  // ECharts and the lazy pages are chunks of their own, outside both first loads.
  const lazy = chunks
    .filter((c) => /echarts|UsersPage|AuditPage|CalculatorPage/.test(c.file))
    .map((c) => c.file);
  expect(lazy.length).toBeGreaterThanOrEqual(4);
  for (const file of lazy) {
    expect(portal.js).not.toContain(file);
    expect(console_.js).not.toContain(file);
  }
});
