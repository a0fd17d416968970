import { PaymentConfirmed, PaymentRefunded } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import { extendMembershipBy } from '../application/extend-membership.ts';
import { shortenMembershipBy } from '../application/shorten-membership.ts';

/** The payment service's news, each onto the use case it drives (SPEC §3). */
export function paymentHandlers(consumers: Consumers): void {
  consumers.handle(PaymentConfirmed, async ({ data }, context) => {
    if (data.kind !== 'contribution') return;
    const { paymentId, memberId, amount } = data;
    await extendMembershipBy(context, { paymentId, memberId, amount });
  });
  consumers.handle(PaymentRefunded, ({ data }, context) =>
    shortenMembershipBy(context, { paymentId: data.paymentId, memberId: data.memberId }),
  );
}
