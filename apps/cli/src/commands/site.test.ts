import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';

const dir = mkdtempSync(join(tmpdir(), 'puhui-site-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough();
  stdin.end('');
  const stdout = new PassThrough().on('data', (c) => out.push(String(c)));
  const stderr = new PassThrough().on('data', (c) => err.push(String(c)));
  const code = await main(args, { stdin, stdout, stderr, cwd: dir, env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

// Villages on a line: A(0) 100, B(2) 40, C(5) 70, D(8) 60, E(9) 30; sites s1(1), s2(6), s3(4).
// Radius 3: s1 covers A, B (140); s2 covers C, D, E (160); s3 covers B, C (110). p = 2 → s1 + s2
// cover all 300; p = 1 → s2 alone (160).
const demand = file('D.csv', 'id,x,y,weight\nA,0,0,100\nB,2,0,40\nC,5,0,70\nD,8,0,60\nE,9,0,30\n');
const candidates = file('C.csv', 'id,x,y\ns1,1,0\ns2,6,0\ns3,4,0\n');

describe('puhui site', () => {
  it('prints the result JSON in the documented shape', async () => {
    const r = await run([
      'site',
      '--model',
      'mclp',
      '--demand',
      demand,
      '--candidates',
      candidates,
      '--p',
      '1',
      '--radius',
      '3',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      'model',
      'selected',
      'objective',
      'coveredWeight',
      'coveredShare',
      'uncovered',
      'assignment',
      'gap',
      'solver',
      'seconds',
    ]);
    expect(json).toMatchObject({
      model: 'mclp',
      selected: ['s2'],
      objective: 160,
      uncovered: ['A', 'B'],
      gap: 0,
    });
  });

  it('writes --out and --geojson files', async () => {
    const r = await run([
      'site',
      '--model',
      'mclp',
      '--demand',
      demand,
      '--candidates',
      candidates,
      '--p',
      '2',
      '--radius',
      '3',
      '--out',
      'result.json',
      '--geojson',
      'map.geojson',
      '--origin',
      '105,29',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')).selected).toEqual(['s1', 's2']);
    const geo = JSON.parse(readFileSync(join(dir, 'map.geojson'), 'utf8'));
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features[0].geometry.coordinates[0]).toBeGreaterThan(105);
  });

  it('renamed columns, fixed sites and a cost matrix', async () => {
    const d = file('D2.csv', 'code,e,n,pop\nA,0,0,100\nB,2,0,40\n');
    const c = file('C2.csv', 'code,e,n\ns1,1,0\ns2,6,0\n');
    // Road costs make s2 the nearer site for both villages.
    const m = file('M.csv', 'demand_id,site_id,cost\nA,s1,9\nA,s2,1\nB,s1,9\nB,s2,2\n');
    const cols = ['--id-column', 'code', '--x-column', 'e', '--y-column', 'n', '--weight-column', 'pop'];
    const r = await run([
      'site',
      '--model',
      'pmedian',
      '--demand',
      d,
      '--candidates',
      c,
      '--costs',
      m,
      '--p',
      '1',
      ...cols,
    ]);
    expect(r.code).toBe(0);
    // Weighted cost of s2: 100·1 + 40·2 = 180; of s1: 100·9 + 40·9 = 1260.
    expect(JSON.parse(r.stdout)).toMatchObject({ selected: ['s2'], objective: 180 });
    const fixed = await run([
      'site',
      '--model',
      'pmedian',
      '--demand',
      d,
      '--candidates',
      c,
      '--costs',
      m,
      '--p',
      '1',
      '--fixed',
      's1',
      ...cols,
    ]);
    expect(JSON.parse(fixed.stdout)).toMatchObject({ selected: ['s1'], objective: 1260 });
  });

  it.each([
    [
      ['--fixed', 's9', '--p', '1', '--radius', '3'],
      "puhui: fixed site 's9' is not a candidate (unknown_id)\n",
      2,
    ],
    [['--radius', '3'], 'puhui: model mclp needs p (missing_parameter)\n', 2],
    [['--p', 'two', '--radius', '3'], "puhui: --p must be a number, got 'two'\n", 2],
    [['--p', '1', '--radius', '3', '--costs', 'M1.csv'], 'puhui: the cost matrix lacks 14 of 15', 2],
  ] as const)('bad input %o exits %i with one line', async (extra, message, code) => {
    file('M1.csv', 'demand_id,site_id,cost\nA,s1,1\n');
    const r = await run([
      'site',
      '--model',
      'mclp',
      '--demand',
      demand,
      '--candidates',
      candidates,
      ...extra,
    ]);
    expect(r.code).toBe(code);
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  // Radius 1: A and B are 1 km from s1, C 1 km from s2 and s3; D (2 km from s2) and E (3 km) are out of reach.
  it('an infeasible model exits 1 and names the unreachable points', async () => {
    const r = await run([
      'site',
      '--model',
      'lscp',
      '--demand',
      demand,
      '--candidates',
      candidates,
      '--radius',
      '1',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("puhui: no candidate lies within radius 1 of demand point 'D', 'E' (infeasible)\n");
  });

  it('rejects an unknown model and missing files', async () => {
    expect(
      (await run(['site', '--model', 'median', '--demand', demand, '--candidates', candidates])).stderr,
    ).toContain("unknown --model 'median'");
    expect(
      (await run(['site', '--model', 'mclp', '--demand', 'nope.csv', '--candidates', candidates])).stderr,
    ).toBe('puhui: file not found: nope.csv\n');
  });
});
