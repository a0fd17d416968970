import type { Executor } from '@kasa/db';
import { and, asc, between, eq, isNotNull, sql } from 'drizzle-orm';
import { memberContacts, membershipReminders } from './schema.ts';

export interface MemberContact {
  phone: string | null;
  blocked: boolean;
  paidUntil: string | null;
}

/**
 * Each fact is written only over an older one: `at` is when the event that carries it
 * happened, so a late retry of an old event never overwrites what a newer one said. In
 * MariaDB the assignments of ON DUPLICATE KEY UPDATE run left to right, so the fact is
 * judged against its time before the time moves.
 */
export async function recordPhone(tx: Executor, memberId: number, phone: string, at: Date): Promise<void> {
  await tx.execute(sql`
    INSERT INTO member_contacts (member_id, phone, phone_set_at) VALUES (${memberId}, ${phone}, ${at})
    ON DUPLICATE KEY UPDATE
      phone = IF(phone_set_at IS NULL OR phone_set_at <= VALUES(phone_set_at), VALUES(phone), phone),
      phone_set_at = GREATEST(COALESCE(phone_set_at, VALUES(phone_set_at)), VALUES(phone_set_at)),
      updated_at = CURRENT_TIMESTAMP(3)`);
}

export async function recordBlocked(
  tx: Executor,
  memberId: number,
  blocked: boolean,
  at: Date,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO member_contacts (member_id, blocked, blocked_set_at) VALUES (${memberId}, ${blocked}, ${at})
    ON DUPLICATE KEY UPDATE
      blocked = IF(blocked_set_at IS NULL OR blocked_set_at <= VALUES(blocked_set_at), VALUES(blocked), blocked),
      blocked_set_at = GREATEST(COALESCE(blocked_set_at, VALUES(blocked_set_at)), VALUES(blocked_set_at)),
      updated_at = CURRENT_TIMESTAMP(3)`);
}

export async function recordPaidUntil(
  tx: Executor,
  memberId: number,
  paidUntil: string,
  at: Date,
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO member_contacts (member_id, paid_until, paid_until_set_at) VALUES (${memberId}, ${paidUntil}, ${at})
    ON DUPLICATE KEY UPDATE
      paid_until = IF(paid_until_set_at IS NULL OR paid_until_set_at <= VALUES(paid_until_set_at),
                      VALUES(paid_until), paid_until),
      paid_until_set_at = GREATEST(COALESCE(paid_until_set_at, VALUES(paid_until_set_at)), VALUES(paid_until_set_at)),
      updated_at = CURRENT_TIMESTAMP(3)`);
}

export async function findContact(tx: Executor, memberId: number): Promise<MemberContact | undefined> {
  const [contact] = await tx
    .select({
      phone: memberContacts.phone,
      blocked: memberContacts.blocked,
      paidUntil: memberContacts.paidUntil,
    })
    .from(memberContacts)
    .where(eq(memberContacts.memberId, memberId));
  return contact;
}

export interface LapsingMembership {
  memberId: number;
  paidUntil: string;
}

/**
 * Memberships paid until a day in [from, to] that can be texted and have not been reminded
 * of for that day, earliest first.
 */
export async function findUnremindedLapsing(
  tx: Executor,
  from: string,
  to: string,
  limit: number,
): Promise<LapsingMembership[]> {
  const rows = await tx
    .select({ memberId: memberContacts.memberId, paidUntil: memberContacts.paidUntil })
    .from(memberContacts)
    .leftJoin(
      membershipReminders,
      and(
        eq(membershipReminders.memberId, memberContacts.memberId),
        eq(membershipReminders.paidUntil, memberContacts.paidUntil),
      ),
    )
    .where(
      and(
        between(memberContacts.paidUntil, from, to),
        eq(memberContacts.blocked, false),
        isNotNull(memberContacts.phone),
        sql`${membershipReminders.memberId} IS NULL`,
      ),
    )
    .orderBy(asc(memberContacts.paidUntil), asc(memberContacts.memberId))
    .limit(limit);
  return rows as LapsingMembership[];
}

/** Claims the reminder for one period: false when another run (or instance) already has it. */
export async function claimReminder(
  tx: Executor,
  { memberId, paidUntil }: LapsingMembership,
): Promise<boolean> {
  const [result] = await tx.insert(membershipReminders).ignore().values({ memberId, paidUntil });
  return result.affectedRows === 1;
}
