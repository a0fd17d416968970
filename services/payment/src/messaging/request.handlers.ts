import { RequestAssessed } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { recordGrant } from '../db/grants.repository.ts';

/** What staff granted for each request: payouts are held to it. */
export function requestHandlers(consumers: Consumers): void {
  consumers.handle(RequestAssessed, async ({ data, occurredAt }, { tx }) => {
    await recordGrant(tx, {
      requestId: data.requestId,
      memberId: data.memberId,
      grantedAmount: data.grantedAmount,
      assessedAt: new Date(occurredAt),
    });
  });
}
