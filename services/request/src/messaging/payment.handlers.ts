import { PayoutRecorded, PayoutReversed } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { addPaidAmount } from '../db/requests.repository.ts';

/** What has been paid out for each request, from the payment service's register. */
export function paymentHandlers(consumers: Consumers): void {
  consumers.handle(PayoutRecorded, async ({ data }, { tx }) => {
    await paidOut(tx, data.requestId, data.amount, data.paymentId);
  });
  consumers.handle(PayoutReversed, async ({ data }, { tx }) => {
    await paidOut(tx, data.requestId, -data.amount, data.paymentId);
  });
}

async function paidOut(
  tx: Parameters<typeof addPaidAmount>[0],
  requestId: number,
  delta: number,
  paymentId: number,
) {
  // Thrown, not skipped: a payout for a request that does not exist ends in the dead-letter queue, in sight.
  if (!(await addPaidAmount(tx, requestId, delta)))
    throw new Error(`Payout ${paymentId} is for request ${requestId}, which does not exist`);
}
