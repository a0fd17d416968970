import type { MemberCounts } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';

/** Members by state, as of the Kyiv day `today` (one pass over the table). */
export async function countMembersByState(tx: Executor, today: string): Promise<Static<typeof MemberCounts>> {
  const [rows] = (await tx.execute(sql`
    SELECT
      COALESCE(SUM(is_active = 0), 0) AS blocked,
      COALESCE(SUM(is_active = 1 AND is_submitted = 0 AND profile_sent_at IS NULL), 0) AS signed_up,
      COALESCE(SUM(is_active = 1 AND is_submitted = 0 AND profile_sent_at IS NOT NULL), 0) AS waiting_review,
      COALESCE(SUM(is_active = 1 AND is_submitted = 1 AND paid_until >= ${today}), 0) AS active,
      COALESCE(SUM(is_active = 1 AND is_submitted = 1 AND paid_until < ${today}), 0) AS lapsed,
      COALESCE(SUM(is_active = 1 AND is_submitted = 1 AND paid_until IS NULL), 0) AS never_paid,
      COUNT(*) AS total
    FROM members`)) as unknown as [Record<keyof Static<typeof MemberCounts>, string | number>[]];
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([state, count]) => [state, Number(count)])) as Static<
    typeof MemberCounts
  >;
}
