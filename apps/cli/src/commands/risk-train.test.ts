import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, sampleCsv } from './risk-test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'puhui-risk-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'train.csv'), sampleCsv(400, 1));

describe('puhui risk train', () => {
  it('trains a scorecard, writes the artefact and the points table', async () => {
    const r = await runCli(
      [
        'risk',
        'train',
        '--data',
        'train.csv',
        '--target',
        'target',
        '--drop',
        'grp',
        '--seed',
        '3',
        '--out',
        'm.json',
        '--points-out',
        'p.csv',
      ],
      dir,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bad class: '2'/);
    expect(r.stdout).toMatch(/trained scorecard on 400 rows: validation AUC 0\.\d{4}/);
    const model = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'));
    expect(model.format).toBe('puhui-risk-model');
    expect(model.features.map((f: { name: string }) => f.name)).not.toContain('grp');
    expect(readFileSync(join(dir, 'p.csv'), 'utf8').split('\n')[0]).toBe(
      'variable,attribute,rows,share,bad_rate,woe,points',
    );
  });

  it('trains boosted trees with a monotone constraint, byte-identically for the same seed', async () => {
    const args = [
      'risk',
      'train',
      '--data',
      'train.csv',
      '--target',
      'target',
      '--model',
      'gbdt',
      '--monotone',
      'debt=+1',
      '--trees',
      '40',
      '--depth',
      '3',
    ];
    expect((await runCli([...args, '--out', 'g1.json'], dir)).code).toBe(0);
    expect((await runCli([...args, '--out', 'g2.json'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'g1.json'), 'utf8')).toBe(readFileSync(join(dir, 'g2.json'), 'utf8'));
    const model = JSON.parse(readFileSync(join(dir, 'g1.json'), 'utf8'));
    expect(model.gbdt.trees).toHaveLength(40);
  });

  it.each([
    [['risk', 'train', '--target', 'target'], '--data is required'],
    [['risk', 'train', '--data', 'train.csv'], '--target is required'],
    [['risk', 'train', '--data', 'train.csv', '--target', 'nope'], "target column 'nope' not found"],
    [['risk', 'train', '--data', 'missing.csv', '--target', 'target'], 'file not found: missing.csv'],
    [
      ['risk', 'train', '--data', 'train.csv', '--target', 'target', '--model', 'forest'],
      "--model must be scorecard or gbdt, got 'forest'",
    ],
    [
      ['risk', 'train', '--data', 'train.csv', '--target', 'target', '--monotone', 'debt=2'],
      '--monotone debt must be +1, -1 or 0',
    ],
  ])('rejects bad input %j', async (args, message) => {
    const r = await runCli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`puhui: ${message}\n`);
  });
});
