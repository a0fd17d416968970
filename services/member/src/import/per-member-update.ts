import type { Tx } from '@kasa/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Sets one column of many members, each to its own value, in one statement (a batch's worth of
 * single-row updates would be thousands of round trips), and `also` beside it when given. The
 * members' `updated_at` is left as the seed had it: the import changes no member's history.
 * The number of members changed.
 */
export async function setPerMember(
  tx: Tx,
  column: 'program_id' | 'pending_program_id',
  values: ReadonlyMap<number, number | null>,
  also: SQL | null = null,
): Promise<number> {
  if (values.size === 0) return 0;
  const cases = [...values].map(([id, value]) => sql`WHEN ${id} THEN ${value}`);
  const ids = sql.join(
    [...values.keys()].map((id) => sql`${id}`),
    sql`, `,
  );
  const [result] = (await tx.execute(
    sql`UPDATE members SET ${sql.raw(column)} = CASE id ${sql.join(cases, sql` `)} END${
      also === null ? sql`` : sql`, ${also}`
    } WHERE id IN (${ids})`,
  )) as unknown as [{ affectedRows: number }];
  return result.affectedRows;
}
