import type { Executor } from '@kasa/db';
import { forgetOldHistory } from '../db/webhook-deliveries.repository.ts';

/** Forgets delivered deliveries and attempts older than `retentionDays`, batch after batch until none is left. */
export async function forgetOldDeliveries(db: Executor, retentionDays: number): Promise<void> {
  while ((await forgetOldHistory(db, retentionDays)) > 0);
}
