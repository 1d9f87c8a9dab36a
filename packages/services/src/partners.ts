import { randomBytes } from 'node:crypto';
import { AppError } from '@puhui/core';
import {
  findPartnerById,
  insertPartner,
  listPartners as listRows,
  type PartnerRow,
  type Tx,
} from '@puhui/store';
import { nowIso, type Principal, type ServiceContext } from './context.ts';
import { audit } from './platform/audit.ts';

/** A partner as the API shows it (never the secret). */
export interface PartnerView {
  readonly id: string;
  readonly name: string;
  readonly apiKey: string;
  readonly status: 'active' | 'disabled';
  readonly createdAt: string;
}

export function partnerView(row: PartnerRow): PartnerView {
  return { id: row.id, name: row.name, apiKey: row.api_key, status: row.status, createdAt: row.created_at };
}

/**
 * Registers a scenario partner (inside the caller's transaction) and returns its API key and
 * signing secret. The secret is shown only in this answer; store it in the partner's secret manager.
 *
 * @example const { apiKey, secret } = await createPartner(ctx, tx, admin, { name: '村淘 Village Mall' });
 */
export async function createPartner(
  ctx: ServiceContext,
  tx: Tx,
  actor: Principal,
  input: { name: string; apiKey?: string; secret?: string },
): Promise<PartnerView & { secret: string }> {
  const row: PartnerRow = {
    id: ctx.ids.next('ptn'),
    name: input.name,
    api_key: input.apiKey ?? `pk_${randomBytes(12).toString('hex')}`,
    secret: input.secret ?? `sk_${randomBytes(32).toString('hex')}`,
    status: 'active',
    created_at: nowIso(ctx),
  };
  await insertPartner(tx, row);
  await audit(ctx, tx, actor, {
    action: 'partner.create',
    subjectType: 'partner',
    subjectId: row.id,
    after: partnerView(row),
  });
  return { ...partnerView(row), secret: row.secret };
}

/** Every partner. */
export async function listPartners(ctx: ServiceContext): Promise<PartnerView[]> {
  return (await listRows(ctx.store.db)).map(partnerView);
}

/** One partner, or `not_found`. */
export async function getPartner(ctx: ServiceContext, id: string): Promise<PartnerView> {
  const row = await findPartnerById(ctx.store.db, id);
  if (!row) throw new AppError('not_found', `No partner ${id}`);
  return partnerView(row);
}
