import { ContributionAwaitingProgram, MembershipExtended } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { flagAwaitingProgram, recordPaidUntil } from '../db/payments.repository.ts';

/**
 * The member service's answer to a contribution: the day it carried the membership to (the
 * answers that arrive together recorded as a set), or that it waits for the member's program
 * (flagged for staff until it is applied or refunded).
 */
export function memberHandlers(consumers: Consumers): void {
  consumers.handleInBatches(MembershipExtended, (events, { tx }) =>
    recordPaidUntil(
      tx,
      events.map(({ data: { paymentId, paidUntil } }) => ({ paymentId, paidUntil })),
    ),
  );
  consumers.handle(ContributionAwaitingProgram, async ({ data }, { tx }) => {
    await flagAwaitingProgram(tx, data.paymentId);
  });
}
