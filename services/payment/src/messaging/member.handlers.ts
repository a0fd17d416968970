import { MembershipExtended } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { recordPaidUntil } from '../db/payments.repository.ts';

/** The member service's answer to a contribution: the day it carried the membership to. */
export function memberHandlers(consumers: Consumers): void {
  consumers.handle(MembershipExtended, async ({ data }, { tx }) => {
    await recordPaidUntil(tx, data.paymentId, data.paidUntil);
  });
}
