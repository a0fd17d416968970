import { hryvniasOf } from '@kasa/contracts';
import type { PaymentRow } from '../db/payments.repository.ts';
import type { SubscriptionRow } from '../db/subscriptions.repository.ts';
import { type LiqPayParams, type Signed, signed } from '../liqpay/liqpay-protocol.ts';
import type { LiqPaySetup } from '../liqpay/liqpay-setup.ts';

/** What the payer sees on LiqPay's page: no name, no phone, nothing personal. */
const DESCRIPTION = 'Членський внесок до каси взаємодопомоги';

/**
 * The signed checkout of a pending contribution (LiqPay API version 3, action `pay`). Made
 * from the payment alone, so the same payment always gives the same checkout: a repeated
 * request with the same Idempotency-Key gets exactly what the first one got.
 */
export function checkoutOf(payment: PaymentRow, liqpay: LiqPaySetup): Signed {
  return signedCheckout(liqpay, 'pay', payment, DESCRIPTION, {});
}

/** What the payer sees on LiqPay's page for the automatic dues. */
const SUBSCRIPTION_DESCRIPTION = 'Щомісячний членський внесок до каси взаємодопомоги';

/**
 * The signed checkout of a pending subscription (action `subscribe`): LiqPay takes the first
 * charge when the member pays it and then one a month, by itself, from the same card; each is
 * reported to the same `server_url` under the subscription's order_id. Made from the row alone
 * (the start date is when the subscription was asked for, in UTC as LiqPay reads it), so a
 * pending subscription always gives the same checkout. A start date in the past is no harm:
 * LiqPay then starts the subscription on the day it is paid.
 */
export function subscribeCheckoutOf(subscription: SubscriptionRow, liqpay: LiqPaySetup): Signed {
  return signedCheckout(liqpay, 'subscribe', subscription, SUBSCRIPTION_DESCRIPTION, {
    subscribe: 1,
    subscribe_date_start: utcDateTimeOf(subscription.createdAt),
    subscribe_periodicity: 'month',
  });
}

/** LiqPay API version 3 checkout parameters for an order, signed with the fund's key. */
function signedCheckout(
  liqpay: LiqPaySetup,
  action: 'pay' | 'subscribe',
  order: { amount: number; currency: string; orderId: string | null },
  description: string,
  extra: LiqPayParams,
): Signed {
  return signed(
    {
      version: 3,
      public_key: liqpay.account.publicKey,
      action,
      amount: hryvniasOf(order.amount),
      currency: order.currency,
      description,
      order_id: order.orderId,
      ...extra,
      server_url: liqpay.callbackUrl,
      language: 'uk',
      ...(liqpay.sandbox ? { sandbox: 1 } : {}),
    },
    liqpay.account.privateKey,
  );
}

/** `2026-03-31 09:05:00`: LiqPay's format for dates, in UTC. */
export const utcDateTimeOf = (moment: Date) => moment.toISOString().slice(0, 19).replace('T', ' ');
