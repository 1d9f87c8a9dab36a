import type { Role } from '@puhui/core';
import { countUsers, findPartnerByApiKey } from '@puhui/store';
import { createBorrower } from './borrowers.ts';
import type { Principal, ServiceContext } from './context.ts';
import { seedDemoBook } from './lending/demo-book.ts';
import { createPartner } from './partners.ts';
import { seedDemoRiskModel } from './risk/index.ts';
import { seedDefaultSitingStudy } from './siting.ts';
import { createUser } from './users.ts';

/** The demo sign-ins `npm start` prints. Public knowledge: never use demo data in production. */
export const DEMO_PASSWORD = 'Puhui-demo-2026';
export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; roles: Role[] }> = [
  { username: 'admin', displayName: 'Administrator 管理员', roles: ['admin'] },
  { username: 'pm', displayName: 'Zhang Min 张敏 (product)', roles: ['product_manager'] },
  { username: 'risk', displayName: 'Chen Jie 陈杰 (risk)', roles: ['risk_manager'] },
  { username: 'officer', displayName: 'Li Wei 李伟 (loan officer)', roles: ['loan_officer'] },
  { username: 'ops', displayName: 'Wang Fang 王芳 (operations)', roles: ['operations'] },
  { username: 'auditor', displayName: 'Zhao Lei 赵磊 (audit)', roles: ['auditor'] },
];
export const DEMO_PARTNER = {
  name: 'Village Mall 村淘商城',
  apiKey: 'pk_demo_village_mall',
  secret: 'sk_demo_village_mall_0123456789abcdef0123456789abcdef',
} as const;
export const DEMO_BORROWERS = [
  { phone: '+8613800000001', fullName: 'Liu Yang 刘洋' },
  { phone: '+8613800000002', fullName: 'Huang Li 黄丽' },
  { phone: '+8613800000003', fullName: 'Zhou Qiang 周强' },
] as const;

const SYSTEM: Principal = { kind: 'system', id: 'demo' };

/** What {@link seedDemo} did. */
export interface DemoSummary {
  readonly seeded: boolean;
  readonly users: number;
  readonly partners: number;
  readonly borrowers: number;
}

/**
 * Seeds the demo data set into an empty database: one user per role, a scenario partner and a few
 * borrowers (one referred by the partner). Does nothing when users already exist.
 *
 * @example await seedDemo(ctx);
 */
export async function seedDemo(ctx: ServiceContext, options: { loans?: number } = {}): Promise<DemoSummary> {
  if ((await countUsers(ctx.store.db)) > 0) return { seeded: false, users: 0, partners: 0, borrowers: 0 };
  await ctx.store.transaction(async (tx) => {
    for (const u of DEMO_USERS) await createUser(ctx, tx, SYSTEM, { ...u, password: DEMO_PASSWORD });
    const partner =
      (await findPartnerByApiKey(tx, DEMO_PARTNER.apiKey)) ??
      (await createPartner(ctx, tx, SYSTEM, DEMO_PARTNER));
    const [first, second, third] = DEMO_BORROWERS;
    await createBorrower(ctx, tx, SYSTEM, first);
    await createBorrower(ctx, tx, SYSTEM, second);
    await createBorrower(ctx, tx, { kind: 'partner', id: partner.id }, { ...third, externalRef: 'VM-0001' });
  });
  await seedDefaultSitingStudy(ctx, SYSTEM);
  if (options.loans) await seedDemoBook(ctx, { loans: options.loans, seed: 2026 });
  await seedDemoRiskModel(ctx);
  return { seeded: true, users: DEMO_USERS.length, partners: 1, borrowers: DEMO_BORROWERS.length };
}
