import type { Executor } from '@kasa/db';
import { and, eq, ne, sql } from 'drizzle-orm';
import { memberRequestLocks, memberRequests, members } from './schema.ts';

export interface RequestState {
  requestId: number;
  memberId: number;
  waitingForStaff: boolean;
  version: number;
}

/**
 * Takes the member's turn at their "new request" flag, until the transaction ends (see
 * `member_request_locks`): what follows reads what the member's other changes committed.
 */
export async function lockMemberRequests(tx: Executor, memberId: number): Promise<void> {
  await tx
    .insert(memberRequestLocks)
    .values({ memberId })
    .onDuplicateKeyUpdate({ set: { memberId: sql`member_id` } });
}

/** Keeps a request's state unless a newer version of it is known already. */
export async function recordRequestState(tx: Executor, state: RequestState): Promise<void> {
  await tx
    .insert(memberRequests)
    .values(state)
    .onDuplicateKeyUpdate({
      // Left to right: `waiting_for_staff` is compared with the version still stored.
      set: {
        waitingForStaff: sql`IF(VALUES(version) > version, VALUES(waiting_for_staff), waiting_for_staff)`,
        version: sql`GREATEST(version, VALUES(version))`,
      },
    });
}

/**
 * Sets `has_new_request` from the requests known for the member: true while one waits for
 * staff. A change of the flag moves the member up the staff attention list.
 */
export async function refreshNewRequestFlag(tx: Executor, memberId: number, now: Date): Promise<void> {
  const waiting = sql`EXISTS (SELECT 1 FROM ${memberRequests} WHERE ${memberRequests.memberId} = ${memberId} AND ${memberRequests.waitingForStaff})`;
  await tx
    .update(members)
    .set({ hasNewRequest: waiting, updatedAt: now })
    .where(and(eq(members.id, memberId), ne(members.hasNewRequest, waiting)));
}
