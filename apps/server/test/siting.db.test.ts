import { describeEachDatabase } from '@puhui/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, type Harness, idemKey, openHarness } from './harness.ts';

describeEachDatabase('siting studies', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(db);
  });
  afterAll(async () => h?.close());
  const ops = () => bearer(h.tokens.ops as string);

  it('seeds the demo county default study and serves the map data', async () => {
    const list = await h.app.inject({
      url: '/api/v1/siting/studies',
      headers: bearer(h.tokens.auditor as string),
    });
    expect(list.statusCode).toBe(200);
    const def = list.json().items.find((s: { isDefault: boolean }) => s.isDefault);
    expect(def.model).toBe('mclp');
    const study = (await h.app.inject({ url: `/api/v1/siting/studies/${def.id}`, headers: ops() })).json();
    const county = (await h.app.inject({ url: '/api/v1/siting/demo-county', headers: ops() })).json();
    // Every existing station stays open in the default study.
    for (const s of county.stations) expect(study.result.selected).toContain(s.id);
    expect(study.result.coveredShare).toBeGreaterThan(0);
    expect(study.result.coveredShare).toBeLessThanOrEqual(1);
    const geo = await h.app.inject({ url: `/api/v1/siting/studies/${def.id}/geojson`, headers: ops() });
    expect(geo.json().type).toBe('FeatureCollection');
    expect(geo.json().features.length).toBeGreaterThan(county.villages.length);
  });

  it('runs a study on supplied points: a hand-checked p-median', async () => {
    // Two clusters on a line: demand at 0 and 1 (weight 10 each) and at 10 (weight 1). With one
    // site, site B at x=1 costs 10*1 + 10*0 + 1*9 = 19 against A at 0: 0 + 10 + 10 = 20, C at 10: 100+90 = 190.
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/siting/studies',
      headers: { ...ops(), 'idempotency-key': idemKey() },
      payload: {
        name: 'Line',
        model: 'pmedian',
        p: 1,
        problem: {
          coordinates: 'projected',
          demand: [
            { id: 'd0', x: 0, y: 0, weight: 10 },
            { id: 'd1', x: 1, y: 0, weight: 10 },
            { id: 'd10', x: 10, y: 0, weight: 1 },
          ],
          candidates: [
            { id: 'A', x: 0, y: 0 },
            { id: 'B', x: 1, y: 0 },
            { id: 'C', x: 10, y: 0 },
          ],
        },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().result).toMatchObject({ selected: ['B'], objective: 19, gap: 0 });
  });

  it('reports unknown fixed sites and infeasible models with specific codes, storing nothing', async () => {
    const count = async () => (await h.store.db.selectFrom('siting_studies').select('id').execute()).length;
    const before = await count();
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/v1/siting/studies',
      headers: { ...ops(), 'idempotency-key': idemKey() },
      payload: { name: 'x', model: 'mclp', p: 3, radius: 5, fixed: ['NOPE'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('unknown_id');
    const infeasible = await h.app.inject({
      method: 'POST',
      url: '/api/v1/siting/studies',
      headers: { ...ops(), 'idempotency-key': idemKey() },
      payload: {
        name: 'far',
        model: 'lscp',
        radius: 1,
        problem: {
          coordinates: 'projected',
          demand: [{ id: 'd', x: 0, y: 0, weight: 1 }],
          candidates: [{ id: 'A', x: 50, y: 0 }],
        },
      },
    });
    expect(infeasible.statusCode).toBe(422);
    expect(infeasible.json().code).toBe('infeasible');
    expect(await count()).toBe(before);
  });
});
