import type { Executor } from '@kasa/db';
import { and, asc, count, eq, gt, isNotNull, ne, sql } from 'drizzle-orm';
import { memberPrograms, requests } from './schema.ts';

/** Keeps the member's program as of an approval, unless a later approval is known already. */
export async function recordMemberProgram(
  tx: Executor,
  memberId: number,
  programId: number,
  approvedAt: Date,
): Promise<void> {
  await tx
    .insert(memberPrograms)
    .values({ memberId, programId, approvedAt })
    .onDuplicateKeyUpdate({
      // Left to right: `program_id` is compared with the time still stored.
      set: {
        programId: sql`IF(VALUES(approved_at) >= approved_at, VALUES(program_id), program_id)`,
        approvedAt: sql`GREATEST(approved_at, VALUES(approved_at))`,
      },
    });
}

export async function programOf(tx: Executor, memberId: number): Promise<number | null> {
  const [row] = await tx
    .select({ programId: memberPrograms.programId })
    .from(memberPrograms)
    .where(eq(memberPrograms.memberId, memberId))
    .limit(1);
  return row?.programId ?? null;
}

/**
 * The amounts (kopiyky) granted on the other requests of members on a program, at the given
 * share from the smallest (0.95: the amount 95% of them do not exceed), and how many there are.
 */
export async function grantedQuantileOnProgram(
  tx: Executor,
  programId: number,
  share: number,
  exceptRequestId: number,
): Promise<{ amount: number; count: number } | null> {
  const granted = and(
    eq(memberPrograms.programId, programId),
    isNotNull(requests.grantedAmount),
    gt(requests.grantedAmount, 0),
    ne(requests.id, exceptRequestId),
  );
  const [counted] = await tx
    .select({ n: count() })
    .from(requests)
    .innerJoin(memberPrograms, eq(memberPrograms.memberId, requests.memberId))
    .where(granted);
  const n = Number(counted?.n ?? 0);
  if (n === 0) return null;
  const [row] = await tx
    .select({ amount: requests.grantedAmount })
    .from(requests)
    .innerJoin(memberPrograms, eq(memberPrograms.memberId, requests.memberId))
    .where(granted)
    .orderBy(asc(requests.grantedAmount))
    .limit(1)
    .offset(Math.min(n - 1, Math.ceil(share * n) - 1));
  return { amount: row!.amount!, count: n };
}
