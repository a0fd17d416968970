import { randomInt } from 'node:crypto';
import {
  MemberBlocked,
  MemberSignedUp,
  MembershipExtended,
  memberActor,
  PayoutRecorded,
  PhoneChanged,
  RequestMessagePosted,
  RequestStatusChanged,
  SYSTEM,
  staffActor,
} from '@kasa/contracts';
import { newEvent } from '@kasa/messaging';

/** Events about one member, as the auth, member, request and payment services publish them. */
export function memberEvents(memberId = randomInt(1, 2 ** 31)) {
  const member = { aggregateId: memberId, actor: memberActor(memberId) };
  const staff = (aggregateId: number) => ({ aggregateId, actor: staffActor(7) });
  return {
    memberId,
    signedUp: (phone: string) => newEvent(MemberSignedUp, { memberId, phone }, member),
    phoneChanged: (phone: string) => newEvent(PhoneChanged, { memberId, phone }, member),
    blocked: () => newEvent(MemberBlocked, { memberId }, staff(memberId)),
    staffWrote: (requestId: number, internal = false) =>
      newEvent(
        RequestMessagePosted,
        { requestId, memberId, messageId: randomInt(1, 2 ** 31), author: 'staff', internal },
        staff(requestId),
      ),
    memberWrote: (requestId: number) =>
      newEvent(
        RequestMessagePosted,
        { requestId, memberId, messageId: randomInt(1, 2 ** 31), author: 'member', internal: false },
        { aggregateId: requestId, actor: memberActor(memberId) },
      ),
    closed: (requestId: number) =>
      newEvent(
        RequestStatusChanged,
        { requestId, memberId, from: 'awaiting_client', to: 'closed', version: 3 },
        staff(requestId),
      ),
    payout: (requestId: number, amount: number) => {
      const paymentId = randomInt(1, 2 ** 31);
      return newEvent(
        PayoutRecorded,
        { paymentId, memberId, requestId, kind: 'partial_payout', amount, currency: 'UAH' },
        staff(paymentId),
      );
    },
    extended: (paidUntil: string, days = 30) =>
      newEvent(
        MembershipExtended,
        { memberId, paymentId: randomInt(1, 2 ** 31), days, previousPaidUntil: null, paidUntil },
        { aggregateId: memberId, actor: SYSTEM },
      ),
  };
}
