import { readFileSync } from 'node:fs';
import { solveSitingStudy } from '@puhui/services';
import { describe, expect, it } from 'vitest';
import {
  coveredDemand,
  type DemoCounty,
  onDemoCounty,
  people,
  planarStudy,
  type SitingProblem,
  type SitingResult,
  siteRows,
  townshipRows,
} from './coverage.ts';
import { lonLatToKm } from './projection.ts';
import { studyBody } from './study.ts';

const problem: SitingProblem = {
  coordinates: 'projected',
  demand: [
    { id: 'A', x: 0, y: 0, weight: 100 },
    { id: 'B', x: 1, y: 0, weight: 50 },
    { id: 'C', x: 9, y: 0, weight: 30 },
    { id: 'D', x: 20, y: 0, weight: 7 },
  ],
  candidates: [
    { id: 's1', x: 0, y: 0 },
    { id: 's2', x: 9, y: 0 },
    { id: 's3', x: 20, y: 0 },
  ],
  model: 'pmedian',
  p: 2,
  radius: 5,
  fixed: ['s2'],
};

// p-median assigns every point; D is beyond the radius of its site.
const result: SitingResult = {
  model: 'pmedian',
  selected: ['s1', 's2'],
  objective: 0,
  coveredWeight: 180,
  coveredShare: 180 / 187,
  uncovered: ['D'],
  assignment: { A: 's1', B: 's1', C: 's2', D: 's2' },
  gap: 0,
  solver: 'test',
  seconds: 0,
};

describe('siteRows', () => {
  it('sums the people each chosen site serves within the radius, existing sites first', () => {
    expect(siteRows(problem, result)).toEqual([
      { id: 's2', existing: true, points: 1, covered: 30 },
      { id: 's1', existing: false, points: 2, covered: 150 },
    ]);
    expect(coveredDemand(result)).toEqual(new Set(['A', 'B', 'C']));
  });

  it('lists a chosen site that serves nobody with zeros', () => {
    const rows = siteRows(problem, { ...result, selected: ['s1', 's2', 's3'] });
    expect(rows.find((r) => r.id === 's3')).toEqual({ id: 's3', existing: false, points: 0, covered: 0 });
  });
});

describe('planarStudy', () => {
  it('keeps projected km and projects longitude/latitude around the demand points’ mean', () => {
    expect(planarStudy(problem).demand[2]?.at).toEqual([9, 0]);
    const lonlat: SitingProblem = {
      ...problem,
      coordinates: 'lonlat',
      demand: [
        { id: 'A', x: 105.4, y: 29.3, weight: 1 },
        { id: 'B', x: 105.5, y: 29.4, weight: 1 },
      ],
      candidates: [{ id: 's1', x: 105.45, y: 29.35 }],
    };
    const planar = planarStudy(lonlat);
    expect(planar.origin?.[0]).toBeCloseTo(105.45, 12);
    expect(planar.origin?.[1]).toBeCloseTo(29.35, 12);
    expect(planar.candidates[0]?.at[0]).toBeCloseTo(0, 9);
    expect(planar.demand[1]?.at).toEqual(lonLatToKm([105.5, 29.4], planar.origin ?? [0, 0]));
  });
});

describe('on the demo county', () => {
  const county = JSON.parse(
    readFileSync(new URL('../../../../../../packages/siting/demo/county.json', import.meta.url), 'utf8'),
  ) as DemoCounty;

  it('solves the default study; the sites and townships tables account for every person covered', async () => {
    const stations = county.stations.map((s) => s.id);
    const body = studyBody(
      { name: 'Test', model: 'mclp', p: 12, radius: 5, keepStations: true, method: 'auto' },
      stations,
    );
    const solved = await solveSitingStudy(body);
    const study = { problem: solved.problem, result: solved.result } as unknown as {
      problem: SitingProblem;
      result: SitingResult;
    };
    expect(onDemoCounty(study.problem, county)).toBe(true);
    const sites = siteRows(study.problem, study.result);
    expect(sites).toHaveLength(12);
    expect(sites.filter((s) => s.existing).map((s) => s.id)).toEqual([...stations].sort());
    expect(sites.reduce((s, r) => s + r.covered, 0)).toBe(study.result.coveredWeight);
    const townships = townshipRows(county, study.result);
    expect(townships).toHaveLength(12);
    expect(townships.reduce((s, r) => s + r.population, 0)).toBe(442_883);
    expect(townships.reduce((s, r) => s + r.covered, 0)).toBe(study.result.coveredWeight);
    for (const r of townships) expect(r.share).toBeLessThanOrEqual(1);
  });

  it('tells demo-county studies from studies on other points', () => {
    expect(onDemoCounty(problem, county)).toBe(false);
    expect(onDemoCounty(problem, undefined)).toBe(false);
  });
});

describe('studyBody', () => {
  it('sends p only to models that choose a number of sites, and the stations when kept', () => {
    const values = {
      name: ' Cover all ',
      model: 'lscp' as const,
      p: 12,
      radius: 6,
      keepStations: false,
      method: 'exact' as const,
    };
    expect(studyBody(values, ['C-1'])).toEqual({
      name: 'Cover all',
      model: 'lscp',
      radius: 6,
      fixed: [],
      method: 'exact',
    });
    expect(
      studyBody({ ...values, model: 'pcenter', radius: null, keepStations: true, timeLimitSeconds: 20 }, [
        'C-1',
      ]),
    ).toEqual({
      name: 'Cover all',
      model: 'pcenter',
      p: 12,
      fixed: ['C-1'],
      method: 'exact',
      timeLimitSeconds: 20,
    });
  });

  it('formats people with separators', () => {
    expect(people(442883, 'en')).toBe('442,883');
  });
});
