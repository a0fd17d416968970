import { CONTRIBUTION_CHART_DAYS, type ContributionTotals } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';

type Totals = Static<typeof ContributionTotals>;

/**
 * Confirmed contributions moved on the Kyiv day `today`, since `monthStart`, and on each of the
 * last 30 days: how many (reversing entries not counted) and their sum (reversing entries
 * netted). Refunded LiqPay contributions are `reversed` and count nowhere. One read of the
 * `paid_on` index over the longer of the two periods.
 */
export async function contributionTotals(tx: Executor, today: string, monthStart: string): Promise<Totals> {
  const chartStart = daysBefore(today, CONTRIBUTION_CHART_DAYS - 1);
  const from = chartStart < monthStart ? chartStart : monthStart;
  const [rows] = (await tx.execute(sql`
    SELECT DATE_FORMAT(paid_on, '%Y-%m-%d') AS day, SUM(amount > 0) AS count, SUM(amount) AS sum
    FROM payments
    WHERE kind = 'contribution' AND state = 'confirmed' AND paid_on BETWEEN ${from} AND ${today}
    GROUP BY paid_on`)) as unknown as [{ day: string; count: string | number; sum: string | number }[]];
  const byDay = new Map(rows.map((row) => [row.day, { count: Number(row.count), sum: Number(row.sum) }]));
  const sumSince = (first: string, what: 'count' | 'sum') =>
    [...byDay].reduce((total, [day, figures]) => (day >= first ? total + figures[what] : total), 0);
  const days = Array.from({ length: CONTRIBUTION_CHART_DAYS }, (_, index) => {
    const day = daysBefore(today, CONTRIBUTION_CHART_DAYS - 1 - index);
    return { day, count: byDay.get(day)?.count ?? 0, sum: byDay.get(day)?.sum ?? 0 };
  });
  return {
    today,
    month_start: monthStart,
    today_count: byDay.get(today)?.count ?? 0,
    today_sum: byDay.get(today)?.sum ?? 0,
    month_count: sumSince(monthStart, 'count'),
    month_sum: sumSince(monthStart, 'sum'),
    days,
  };
}

/** The calendar day `count` days before `day` (both YYYY-MM-DD). */
function daysBefore(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - count);
  return date.toISOString().slice(0, 10);
}
