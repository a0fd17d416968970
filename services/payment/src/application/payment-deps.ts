import { readPem } from '@kasa/config';
import type { ServiceContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import { type LiqPayAccount, LiqPayClient } from '../liqpay/liqpay-client.ts';
import type { PaymentSettings } from '../settings.ts';
import { CallbackBatches } from './callback-batches.ts';

export type PaymentContext = ServiceContext<Static<typeof PaymentSettings>>;

/** The fund's LiqPay account as the checkout and the callback use it. */
export interface LiqPaySetup {
  account: LiqPayAccount;
  client: LiqPayClient;
  /** Test payments: `sandbox: 1` in checkouts, and `sandbox` callbacks credited. */
  sandbox: boolean;
  /** `server_url` of every checkout. */
  callbackUrl: string;
}

/** The account, and the service's group commit of its callbacks. */
export type LiqPayService = LiqPaySetup & { callbacks: CallbackBatches };

export interface PaymentDeps {
  context: PaymentContext;
  /** Null without LiqPay keys: checkouts and callbacks then answer 503. */
  liqpay: LiqPayService | null;
  publicKeyPem: string;
  issuer: string;
}

/** The mobile gateway's route LiqPay posts to (SPEC §6 row 19). */
export const CALLBACK_PATH = '/user/payments/liqpay-callback';

const built = new WeakMap<PaymentContext, PaymentDeps>();

/** The service's dependencies, built once per service (its routes and its jobs share them). */
export function paymentDeps(context: PaymentContext): PaymentDeps {
  const existing = built.get(context);
  if (existing) return existing;
  const deps = buildDeps(context);
  built.set(context, deps);
  return deps;
}

function buildDeps(context: PaymentContext): PaymentDeps {
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
  if (!publicKey || !privateKey) return null;
  const account = { publicKey, privateKey, apiUrl: settings.LIQPAY_API_URL };
  const setup: LiqPaySetup = {
    account,
    client: new LiqPayClient(account),
    sandbox: settings.LIQPAY_SANDBOX ?? settings.NODE_ENV !== 'production',
    callbackUrl: new URL(CALLBACK_PATH, settings.PUBLIC_URL).toString(),
  };
  return { ...setup, callbacks: new CallbackBatches(context.messaging.unitOfWork, setup) };
}
