import { hryvniasOf } from '@kasa/contracts';
import type { PaymentRow } from '../db/payments.repository.ts';
import { type Signed, signed } from '../liqpay/liqpay-protocol.ts';
import type { LiqPaySetup } from './payment-deps.ts';

/** What the payer sees on LiqPay's page: no name, no phone, nothing personal. */
const DESCRIPTION = 'Членський внесок до каси взаємодопомоги';

/**
 * The signed checkout of a pending contribution (LiqPay API version 3, action `pay`). Made
 * from the payment alone, so the same payment always gives the same checkout: a repeated
 * request with the same Idempotency-Key gets exactly what the first one got.
 */
export function checkoutOf(payment: PaymentRow, liqpay: LiqPaySetup): Signed {
  return signed(
    {
      version: 3,
      public_key: liqpay.account.publicKey,
      action: 'pay',
      amount: hryvniasOf(payment.amount),
      currency: payment.currency,
      description: DESCRIPTION,
      order_id: payment.orderId,
      server_url: liqpay.callbackUrl,
      language: 'uk',
      ...(liqpay.sandbox ? { sandbox: 1 } : {}),
    },
    liqpay.account.privateKey,
  );
}
