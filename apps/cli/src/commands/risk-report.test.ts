import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sampleCsv } from './risk-test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'puhui-risk-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('puhui risk report', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'train.csv'), sampleCsv(400, 4));
    writeFileSync(join(dir, 'test.csv'), sampleCsv(200, 5));
    await runCli(
      ['risk', 'train', '--data', 'train.csv', '--target', 'target', '--drop', 'grp', '--out', 'm.json'],
      dir,
    );
  });

  it('writes a JSON report with metrics and fairness for a group column', async () => {
    const r = await runCli(
      [
        'risk',
        'report',
        '--model',
        'm.json',
        '--data',
        'test.csv',
        '--target',
        'target',
        '--group',
        'grp',
        '--out',
        'r.json',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^AUC 0\.\d{4} \[0\.\d{4}, 0\.\d{4}\], KS 0\.\d{4}/);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(report.data.rows).toBe(200);
    expect(report.fairness.column).toBe('grp');
    expect(report.fairness.groups.map((g: { group: string }) => g.group)).toEqual(['F', 'M']);
  });

  it('writes a self-contained HTML report when --out ends in .html', async () => {
    const r = await runCli(
      [
        'risk',
        'report',
        '--model',
        'm.json',
        '--data',
        'test.csv',
        '--target',
        'target',
        '--group',
        'income',
        '--group-cuts',
        '5000',
        '--out',
        'r.html',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Fairness: income');
    expect(html).not.toMatch(/<script|https?:/);
  });

  it('rejects a bad cut-off and a missing target flag', async () => {
    const a = await runCli(
      ['risk', 'report', '--model', 'm.json', '--data', 'test.csv', '--target', 'target', '--cutoff', '2'],
      dir,
    );
    expect(a.code).toBe(2);
    expect(a.stderr).toBe('puhui: --cutoff must be in (0, 1]\n');
    const b = await runCli(['risk', 'report', '--model', 'm.json', '--data', 'test.csv'], dir);
    expect(b.stderr).toBe('puhui: --target is required\n');
  });
});
