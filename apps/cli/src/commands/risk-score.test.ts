import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '@puhui/risk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sampleCsv } from './risk-test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'puhui-risk-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('puhui risk score', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'train.csv'), sampleCsv(400, 2));
    writeFileSync(join(dir, 'new.csv'), sampleCsv(50, 3));
    for (const model of ['scorecard', 'gbdt'])
      await runCli(
        [
          'risk',
          'train',
          '--data',
          'train.csv',
          '--target',
          'target',
          '--model',
          model,
          '--out',
          `${model}.json`,
        ],
        dir,
      );
  });

  it.each(['scorecard', 'gbdt'])(
    'writes one row per input row with the contract columns (%s)',
    async (model) => {
      const r = await runCli(
        ['risk', 'score', '--model', `${model}.json`, '--data', 'new.csv', '--out', 'scores.csv'],
        dir,
      );
      expect(r.code).toBe(0);
      const t = parseCsv(readFileSync(join(dir, 'scores.csv'), 'utf8'));
      expect(t.header).toEqual(['probability', 'score', 'reason_1', 'reason_2', 'reason_3']);
      expect(t.rows).toHaveLength(50);
      for (const row of t.rows) {
        const p = Number(row[0]);
        expect(p > 0 && p < 1).toBe(true);
        expect(Number.isInteger(Number(row[1]))).toBe(true);
      }
      expect(t.rows.some((row) => row[2] !== '')).toBe(true);
    },
  );

  it('prints to stdout without --out and ignores the target column', async () => {
    const withTarget = await runCli(['risk', 'score', '--model', 'gbdt.json', '--data', 'new.csv'], dir);
    const csv = readFileSync(join(dir, 'new.csv'), 'utf8')
      .split('\n')
      .map((l) => l.split(',').slice(0, 4).join(','))
      .join('\n');
    writeFileSync(join(dir, 'no-target.csv'), csv);
    const without = await runCli(['risk', 'score', '--model', 'gbdt.json', '--data', 'no-target.csv'], dir);
    expect(withTarget.stdout).toBe(without.stdout);
  });

  it('rejects a file that is not a model', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"format":"other"}');
    const r = await runCli(['risk', 'score', '--model', 'bad.json', '--data', 'new.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("puhui: bad.json: model format must be 'puhui-risk-model'\n");
  });
});
