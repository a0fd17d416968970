import { ContributionAwaitingProgram, MembershipExtended } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { flagAwaitingProgram, recordPaidUntil } from '../db/payments.repository.ts';

/**
 * The member service's answer to a contribution: the day it carried the membership to, or that
 * it waits for the member's program (flagged for staff until it is applied or refunded).
 */
export function memberHandlers(consumers: Consumers): void {
  consumers.handle(MembershipExtended, async ({ data }, { tx }) => {
    await recordPaidUntil(tx, data.paymentId, data.paidUntil);
  });
  consumers.handle(ContributionAwaitingProgram, async ({ data }, { tx }) => {
    await flagAwaitingProgram(tx, data.paymentId);
  });
}
