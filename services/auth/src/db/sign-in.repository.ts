import type { Executor } from '@kasa/db';
import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { memberAccounts, signPhones, signRequests } from './schema.ts';

export type MemberAccount = typeof memberAccounts.$inferSelect;
export type SignRequest = typeof signRequests.$inferSelect;

/**
 * Serialises everything about one phone's codes until the transaction ends. The upsert takes
 * the phone's row exclusively whether it creates it or finds it; INSERT IGNORE followed by
 * FOR UPDATE left requests for a new phone each holding a share lock and waiting for the
 * others' to go: a deadlock, again on every retry.
 */
export async function lockPhone(tx: Executor, phone: string): Promise<void> {
  await tx.insert(signPhones).values({ phone }).onDuplicateKeyUpdate({ set: { phone } });
}

export async function findAccountByPhone(tx: Executor, phone: string, forUpdate = false) {
  const query = tx.select().from(memberAccounts).where(eq(memberAccounts.phone, phone));
  const [account] = forUpdate ? await query.for('update') : await query;
  return account;
}

export async function findAccount(
  tx: Executor,
  id: number,
  forUpdate = false,
): Promise<MemberAccount | undefined> {
  const query = tx.select().from(memberAccounts).where(eq(memberAccounts.id, id));
  const [account] = forUpdate ? await query.for('update') : await query;
  return account;
}

/** From `at` on, no token of the old system opens a session of this member. */
export async function endSeedSessions(tx: Executor, id: number, at: Date): Promise<void> {
  await tx.update(memberAccounts).set({ seedSessionsEndedAt: at }).where(eq(memberAccounts.id, id));
}

export async function createAccount(tx: Executor, phone: string): Promise<number> {
  const [result] = await tx.insert(memberAccounts).values({ phone });
  return result.insertId;
}

export async function setAccountBlocked(tx: Executor, id: number, blocked: boolean): Promise<void> {
  await tx.update(memberAccounts).set({ blocked }).where(eq(memberAccounts.id, id));
}

export async function setAccountPhone(tx: Executor, id: number, phone: string): Promise<void> {
  await tx.update(memberAccounts).set({ phone }).where(eq(memberAccounts.id, id));
}

/** A member's names and e-mail as of `asOf`, unless newer ones are kept already. */
export async function setAccountContact(
  tx: Executor,
  id: number,
  contact: { firstName: string | null; lastName: string | null; email: string | null },
  asOf: Date,
): Promise<void> {
  await tx
    .update(memberAccounts)
    .set({ ...contact, contactAsOf: asOf })
    .where(
      and(
        eq(memberAccounts.id, id),
        or(isNull(memberAccounts.contactAsOf), lte(memberAccounts.contactAsOf, asOf)),
      ),
    );
}

/** When codes went to this phone and this address lately, newest first. */
export async function sendHistory(tx: Executor, phone: string, address: string, now: Date) {
  const since = (ms: number) => new Date(now.getTime() - ms);
  const times = (rows: { createdAt: Date }[]) => rows.map((row) => row.createdAt);
  const byPhone = await tx
    .select({ createdAt: signRequests.createdAt, usedAt: signRequests.usedAt })
    .from(signRequests)
    .where(and(eq(signRequests.phone, phone), gt(signRequests.createdAt, since(86_400_000))))
    .orderBy(desc(signRequests.createdAt))
    .limit(100);
  const byAddress = await tx
    .select({ createdAt: signRequests.createdAt })
    .from(signRequests)
    .where(and(eq(signRequests.address, address), gt(signRequests.createdAt, since(3_600_000))))
    .orderBy(desc(signRequests.createdAt))
    .limit(1000);
  return { phone: times(byPhone), address: times(byAddress), newestUsed: byPhone[0]?.usedAt != null };
}

/** A new code makes every earlier one for the phone useless. */
export async function replacePendingRequests(tx: Executor, phone: string, at: Date): Promise<void> {
  await tx
    .update(signRequests)
    .set({ replacedAt: at })
    .where(and(eq(signRequests.phone, phone), isNull(signRequests.usedAt), isNull(signRequests.replacedAt)));
}

export async function insertSignRequest(
  tx: Executor,
  row: Pick<
    SignRequest,
    | 'phone'
    | 'address'
    | 'codeSalt'
    | 'codeHash'
    | 'createAccount'
    | 'purpose'
    | 'memberId'
    | 'createdAt'
    | 'expiresAt'
  >,
): Promise<number> {
  const [result] = await tx.insert(signRequests).values(row);
  return result.insertId;
}

/** The phone's latest sign request, locked: parallel guesses are counted one by one. */
export async function latestSignRequestForUpdate(
  tx: Executor,
  phone: string,
): Promise<SignRequest | undefined> {
  const [row] = await tx
    .select()
    .from(signRequests)
    .where(eq(signRequests.phone, phone))
    .orderBy(desc(signRequests.id))
    .limit(1)
    .for('update');
  return row;
}

export async function countWrongTry(tx: Executor, id: number): Promise<void> {
  await tx
    .update(signRequests)
    .set({ tries: sql`${signRequests.tries} + 1` })
    .where(eq(signRequests.id, id));
}

export async function markUsed(tx: Executor, id: number, at: Date): Promise<void> {
  await tx.update(signRequests).set({ usedAt: at }).where(eq(signRequests.id, id));
}
