import { MemberSignedUp } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { insertSignedUpMember } from '../db/members.repository.ts';

/** A member's first sign-in opens their profile, under the id of their account. */
export function signUpHandlers(consumers: Consumers): void {
  consumers.handle(MemberSignedUp, async (event, { tx }) => {
    await insertSignedUpMember(tx, event.data.memberId, event.data.phone);
  });
}
