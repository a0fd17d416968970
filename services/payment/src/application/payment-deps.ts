import { readPem } from '@kasa/config';
import type { ServiceContext } from '@kasa/runtime';
import type { Static } from 'typebox';
import { type LiqPayAccount, LiqPayClient } from '../liqpay/liqpay-client.ts';
import type { PaymentSettings } from '../settings.ts';

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

export interface PaymentDeps {
  context: PaymentContext;
  /** Null without LiqPay keys: checkouts and callbacks then answer 503. */
  liqpay: LiqPaySetup | null;
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
  const { LIQPAY_PUBLIC_KEY: publicKey, LIQPAY_PRIVATE_KEY: privateKey } = settings;
  const liqpay =
    publicKey && privateKey
      ? (() => {
          const account = { publicKey, privateKey, apiUrl: settings.LIQPAY_API_URL };
          return {
            account,
            client: new LiqPayClient(account),
            sandbox: settings.LIQPAY_SANDBOX ?? settings.NODE_ENV !== 'production',
            callbackUrl: new URL(CALLBACK_PATH, settings.PUBLIC_URL).toString(),
          };
        })()
      : null;
  return { context, liqpay, publicKeyPem: readPem(settings.JWT_PUBLIC_KEY), issuer: settings.JWT_ISSUER };
}
