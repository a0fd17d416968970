import { MemberBlocked, MemberContactChanged, MemberUnblocked, PhoneChanged } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { endMemberSessions } from '../application/end-member-sessions.ts';
import { setAccountBlocked, setAccountContact, setAccountPhone } from '../db/sign-in.repository.ts';

/**
 * The member service decides who is blocked and which phone a member has; sign-in follows.
 * Blocking and a new phone end every session of the member (end-member-sessions.ts).
 */
export function memberHandlers(consumers: Consumers): void {
  consumers.handle(MemberBlocked, async (event, { tx }) => {
    await setAccountBlocked(tx, event.data.memberId, true);
    await endMemberSessions(tx, event.data.memberId, new Date());
  });
  consumers.handle(MemberUnblocked, async (event, { tx }) => {
    await setAccountBlocked(tx, event.data.memberId, false);
  });
  // The names and e-mail the member's next tokens carry (the seed's `name` and `email` claims).
  consumers.handle(MemberContactChanged, async (event, { tx }) => {
    const { memberId, firstName, lastName, email } = event.data;
    await setAccountContact(tx, memberId, { firstName, lastName, email }, new Date(event.occurredAt));
  });
  consumers.handle(PhoneChanged, async (event, { tx }) => {
    await setAccountPhone(tx, event.data.memberId, event.data.phone);
    await endMemberSessions(tx, event.data.memberId, new Date());
  });
}
