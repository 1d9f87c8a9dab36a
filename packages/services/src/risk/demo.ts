import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { findRiskRoles } from '@puhui/store';
import type { Principal, ServiceContext } from '../context.ts';
import { trainRiskModel } from './prepare.ts';
import { promoteRiskModel, type RiskModelView, saveRiskModel } from './registry.ts';
import { invalidateRiskModelCache } from './scoring.ts';

/** The German credit data shipped with the risk package (CC BY 4.0; see its fixtures/README.md). */
export const GERMAN_CREDIT_CSV = fileURLToPath(
  new URL('../../../risk/fixtures/german-credit.csv', import.meta.url),
);

/** Name of the demo champion in the registry. */
export const DEMO_RISK_MODEL_NAME = 'German credit scorecard (demo)';

const SYSTEM: Principal = { kind: 'system', id: 'demo' };

/**
 * Trains the demo scorecard on the German credit data (1,000 applicants; protected attributes —
 * sex/marital status, age, foreign-worker status — left out of training, fairness reported by age
 * under/over 25 on a 30 % hold-out, seed 7) and promotes it champion, so `POST /api/v1/risk/score`
 * answers on a fresh demo install. Does nothing when a champion already exists. Takes well under
 * two seconds.
 *
 * @example await seedDemoRiskModel(ctx); // → the champion's registry entry, or null
 */
export async function seedDemoRiskModel(ctx: ServiceContext): Promise<RiskModelView | null> {
  if ((await findRiskRoles(ctx.store.db)).championId) return null;
  const csv = await readFile(GERMAN_CREDIT_CSV, 'utf8');
  const prepared = trainRiskModel({
    name: DEMO_RISK_MODEL_NAME,
    csv,
    target: 'bad',
    model: 'scorecard',
    drop: ['personal_status_sex', 'age_years', 'foreign_worker'],
    group: 'age_years',
    groupCuts: [25],
    seed: 7,
  });
  const champion = await ctx.store.transaction(async (tx) => {
    const saved = await saveRiskModel(ctx, tx, SYSTEM, prepared);
    return (await promoteRiskModel(ctx, tx, SYSTEM, saved.id)).model;
  });
  invalidateRiskModelCache(ctx);
  return champion;
}
