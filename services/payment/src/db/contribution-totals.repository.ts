import type { ContributionTotals } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';

/**
 * Confirmed contributions moved on the Kyiv day `today` and since `monthStart`: how many
 * (reversing entries not counted) and their sum (reversing entries netted). Refunded LiqPay
 * contributions are `reversed` and count nowhere.
 */
export async function contributionTotals(
  tx: Executor,
  today: string,
  monthStart: string,
): Promise<Static<typeof ContributionTotals>> {
  const [rows] = (await tx.execute(sql`
    SELECT
      COALESCE(SUM(paid_on = ${today} AND amount > 0), 0) AS today_count,
      COALESCE(SUM(IF(paid_on = ${today}, amount, 0)), 0) AS today_sum,
      COALESCE(SUM(amount > 0), 0) AS month_count,
      COALESCE(SUM(amount), 0) AS month_sum
    FROM payments
    WHERE kind = 'contribution' AND state = 'confirmed' AND paid_on BETWEEN ${monthStart} AND ${today}`)) as unknown as [
    Record<string, string | number>[],
  ];
  const row = rows[0]!;
  return {
    today,
    month_start: monthStart,
    today_count: Number(row.today_count),
    today_sum: Number(row.today_sum),
    month_count: Number(row.month_count),
    month_sum: Number(row.month_sum),
  };
}
