import type { Selectable } from 'kysely';
import type { SitingStudiesTable } from './schema.ts';
import type { Executor } from './store.ts';

export type SitingStudyRow = Selectable<SitingStudiesTable>;

/** Stores a solved siting study. */
export async function insertSitingStudy(db: Executor, row: SitingStudyRow): Promise<void> {
  await db.insertInto('siting_studies').values(row).execute();
}

/** One study with its inputs and result, if any. */
export async function findSitingStudy(db: Executor, id: string): Promise<SitingStudyRow | undefined> {
  return db.selectFrom('siting_studies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Study summaries (no inputs or result), newest first. */
export async function listSitingStudies(
  db: Executor,
  page: { limit: number; offset: number },
): Promise<Omit<SitingStudyRow, 'problem' | 'result'>[]> {
  return db
    .selectFrom('siting_studies')
    .select([
      'id',
      'name',
      'model',
      'demand_count',
      'candidate_count',
      'covered_share',
      'is_default',
      'created_by',
      'created_at',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
