import { PaymentConfirmed, PaymentRefunded } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { extendMembershipsBy } from '../application/extend-membership.ts';
import { shortenMembershipBy } from '../application/shorten-membership.ts';

/** The payment service's news, each onto the use case it drives (SPEC §3). */
export function paymentHandlers(consumers: Consumers): void {
  // Confirmations that arrive together extend their memberships as a set.
  consumers.handleInBatches(PaymentConfirmed, (events, context) =>
    extendMembershipsBy(
      context,
      events.flatMap(({ data: { kind, paymentId, memberId, amount } }) =>
        kind === 'contribution' ? [{ paymentId, memberId, amount }] : [],
      ),
    ),
  );
  consumers.handle(PaymentRefunded, ({ data }, context) =>
    shortenMembershipBy(context, { paymentId: data.paymentId, memberId: data.memberId }),
  );
}
