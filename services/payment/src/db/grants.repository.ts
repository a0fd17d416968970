import { PAYOUT_KINDS } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { payments, requestGrants } from './schema.ts';

export type GrantRow = typeof requestGrants.$inferSelect;

/**
 * Keeps what staff granted for a request, unless a later assessment is already kept
 * (`request.assessed` may arrive out of order).
 */
export async function recordGrant(tx: Executor, grant: GrantRow): Promise<void> {
  await tx
    .insert(requestGrants)
    .values(grant)
    .onDuplicateKeyUpdate({
      set: {
        grantedAmount: sql`IF(VALUES(${requestGrants.assessedAt}) >= ${requestGrants.assessedAt}, VALUES(${requestGrants.grantedAmount}), ${requestGrants.grantedAmount})`,
        assessedAt: sql`GREATEST(${requestGrants.assessedAt}, VALUES(${requestGrants.assessedAt}))`,
      },
    });
}

/** A request's grant, locked: payouts for one request are recorded one after the other. */
export async function lockGrant(tx: Executor, requestId: number): Promise<GrantRow | undefined> {
  const [row] = await tx
    .select()
    .from(requestGrants)
    .where(eq(requestGrants.requestId, requestId))
    .limit(1)
    .for('update');
  return row;
}

/** What has been paid out for a request so far, reversals taken off (kopiyky). */
export async function paidOutFor(tx: Executor, requestId: number): Promise<number> {
  const [row] = await tx
    .select({ paid: sql<string | null>`SUM(${payments.amount})` })
    .from(payments)
    .where(
      and(
        eq(payments.requestId, requestId),
        inArray(payments.kind, [...PAYOUT_KINDS]),
        eq(payments.state, 'confirmed'),
      ),
    );
  return Number(row?.paid ?? 0);
}
