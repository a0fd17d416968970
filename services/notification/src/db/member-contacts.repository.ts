import { clientOf, type Executor, prepared } from '@kasa/db';
import { and, asc, between, eq, isNotNull, sql } from 'drizzle-orm';
import { memberContacts, membershipReminders } from './schema.ts';

export interface MemberContact {
  phone: string | null;
  blocked: boolean;
  paidUntil: string | null;
}

/** A fact about a member, and the column that says when the event carrying it happened. */
const FACTS = {
  phone: 'phone_set_at',
  blocked: 'blocked_set_at',
  paid_until: 'paid_until_set_at',
} as const;

/**
 * Writes one fact only over an older one: `at` is when the event that carries it happened, so
 * a late retry of an old event never overwrites what a newer one said. In MariaDB the
 * assignments of ON DUPLICATE KEY UPDATE run left to right, so the fact is judged against its
 * time before the time moves. (Column names come from FACTS, never from input.)
 */
async function recordFact(
  tx: Executor,
  memberId: number,
  fact: keyof typeof FACTS,
  value: string | boolean,
  at: Date,
): Promise<void> {
  await clientOf(tx).execute(RECORD_FACT[fact], [memberId, value, at]);
}

/** Each fact's statement, written once (every member text passes here). */
const RECORD_FACT = Object.fromEntries(
  Object.entries(FACTS).map(([column, setAt]) => [
    column,
    `INSERT INTO member_contacts (member_id, ${column}, ${setAt}) VALUES (?, ?, ?)
    ON DUPLICATE KEY UPDATE
      ${column} = IF(${setAt} IS NULL OR ${setAt} <= VALUES(${setAt}), VALUES(${column}), ${column}),
      ${setAt} = GREATEST(COALESCE(${setAt}, VALUES(${setAt})), VALUES(${setAt})),
      updated_at = CURRENT_TIMESTAMP(3)`,
  ]),
) as Record<keyof typeof FACTS, string>;

export const recordPhone = (tx: Executor, memberId: number, phone: string, at: Date) =>
  recordFact(tx, memberId, 'phone', phone, at);

export const recordBlocked = (tx: Executor, memberId: number, blocked: boolean, at: Date) =>
  recordFact(tx, memberId, 'blocked', blocked, at);

export const recordPaidUntil = (tx: Executor, memberId: number, paidUntil: string, at: Date) =>
  recordFact(tx, memberId, 'paid_until', paidUntil, at);

export async function findContact(tx: Executor, memberId: number): Promise<MemberContact | undefined> {
  const [contact] = await contactOf(tx, { memberId });
  return contact;
}

const contactOf = prepared<{ memberId: number }, MemberContact[]>((db) =>
  db
    .select({
      phone: memberContacts.phone,
      blocked: memberContacts.blocked,
      paidUntil: memberContacts.paidUntil,
    })
    .from(memberContacts)
    .where(eq(memberContacts.memberId, sql.placeholder('memberId'))),
);

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
