import { enqueueEvent, type Tx } from '@puhui/store';
import { nowIso, type ServiceContext } from '../context.ts';

/**
 * Writes a domain event to the transactional outbox in the use case's transaction; the dispatcher
 * publishes it after commit, at least once and in order per subject.
 *
 * @example await emit(ctx, tx, `borrower:${id}`, 'borrower.created', { borrowerId: id });
 */
export async function emit(
  ctx: ServiceContext,
  tx: Tx,
  subject: string,
  type: string,
  payload: unknown,
): Promise<string> {
  const id = ctx.ids.next('evt');
  await enqueueEvent(tx, { id, subject, type, payload, createdAt: nowIso(ctx) });
  return id;
}
