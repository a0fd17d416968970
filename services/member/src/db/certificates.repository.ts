import type { Executor, Tx } from '@kasa/db';
import { eq, sql } from 'drizzle-orm';
import { members } from './schema.ts';

/**
 * The counter's next number. The upsert locks the one row until the transaction ends, so
 * concurrent callers queue up and each gets its own; `LAST_INSERT_ID(expr)` hands the value to
 * this connection alone (the first call's insert sets it too, or it would read a stale one).
 */
export async function nextCertificateNumber(tx: Tx): Promise<number> {
  await tx.execute(
    sql`INSERT INTO certificate_counter (id, last) VALUES (1, LAST_INSERT_ID(1))
        ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)`,
  );
  const [rows] = (await tx.execute(sql`SELECT LAST_INSERT_ID() AS value`)) as unknown as [
    { value: unknown }[],
  ];
  return Number(rows[0]?.value);
}

/** The member who holds this certificate number, if any. */
export async function certificateHolder(tx: Executor, certificate: string): Promise<number | undefined> {
  const [row] = await tx
    .select({ id: members.id })
    .from(members)
    .where(eq(members.certificate, certificate))
    .limit(1);
  return row?.id;
}
