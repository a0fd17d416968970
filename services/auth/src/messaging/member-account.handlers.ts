import { MemberBlocked, MemberUnblocked, PhoneChanged } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { revokeSubject } from '../db/refresh-tokens.repository.ts';
import { setAccountBlocked, setAccountPhone } from '../db/sign-in.repository.ts';

/**
 * The member service decides who is blocked and which phone a member has; sign-in follows.
 * Blocking also ends every session: refresh is refused at once, access within its lifetime.
 */
export function memberAccountHandlers(consumers: Consumers): void {
  consumers.handle(MemberBlocked, async (event, { tx }) => {
    await setAccountBlocked(tx, event.data.memberId, true);
    await revokeSubject(tx, 'member', event.data.memberId, new Date());
  });
  consumers.handle(MemberUnblocked, async (event, { tx }) => {
    await setAccountBlocked(tx, event.data.memberId, false);
  });
  consumers.handle(PhoneChanged, async (event, { tx }) => {
    await setAccountPhone(tx, event.data.memberId, event.data.phone);
  });
}
