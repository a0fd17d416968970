import { readPem } from '@kasa/config';
import type { ServiceContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import { CallbackBatches } from './application/callback-batches.ts';
import { LiqPayClient } from './liqpay/liqpay-client.ts';
import type { LiqPaySetup } from './liqpay/liqpay-setup.ts';
import type { PaymentSettings } from './settings.ts';

export type PaymentContext = ServiceContext<Static<typeof PaymentSettings>>;

/** The fund's LiqPay account, and the service's group commit of its callbacks. */
export type LiqPayService = LiqPaySetup & { callbacks: CallbackBatches };

/** What the payment service's routes and jobs hand its use cases: each takes the part it needs. */
export interface PaymentDeps {
  context: PaymentContext;
  /** Null without LiqPay keys: checkouts and callbacks then answer 503. */
  liqpay: LiqPayService | null;
  publicKeyPem: string;
  issuer: string;
}

/** The mobile gateway's route LiqPay posts to (SPEC §6 row 19). */
export const CALLBACK_PATH = '/user/payments/liqpay-callback';

/** The service's composition root: built once per process by the runtime (`deps` in service.ts). */
export function buildPaymentDeps(context: PaymentContext): PaymentDeps {
  const { settings } = context;
  return {
    context,
    liqpay: liqpayOf(context),
    publicKeyPem: readPem(settings.JWT_PUBLIC_KEY),
    issuer: settings.JWT_ISSUER,
  };
}

function liqpayOf(context: PaymentContext): LiqPayService | null {
  const { settings } = context;
  const { LIQPAY_PUBLIC_KEY: publicKey, LIQPAY_PRIVATE_KEY: privateKey } = settings;
  if (!publicKey || !privateKey) {
    context.logger.warn('LIQPAY_PUBLIC_KEY and LIQPAY_PRIVATE_KEY are not set: payments answer 503');
    return null;
  }
  const account = { publicKey, privateKey, apiUrl: settings.LIQPAY_API_URL };
  const setup: LiqPaySetup = {
    account,
    client: new LiqPayClient(account),
    sandbox: settings.LIQPAY_SANDBOX ?? settings.NODE_ENV !== 'production',
    callbackUrl: new URL(CALLBACK_PATH, settings.PUBLIC_URL).toString(),
  };
  return { ...setup, callbacks: new CallbackBatches(context.messaging.unitOfWork) };
}
