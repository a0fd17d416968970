import { MemberSignedUp } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { lockMemberRequests, refreshNewRequestFlag } from '../db/member-requests.repository.ts';
import { insertSignedUpMember } from '../db/members.repository.ts';

/** A member's first sign-in opens their profile, under the id of their account. */
export function authHandlers(consumers: Consumers): void {
  consumers.handle(MemberSignedUp, async (event, { tx }) => {
    await insertSignedUpMember(tx, event.data.memberId, event.data.phone);
    // A request's events may have come first: the flag reflects them from the start.
    await lockMemberRequests(tx, event.data.memberId);
    await refreshNewRequestFlag(tx, event.data.memberId, new Date());
  });
}
