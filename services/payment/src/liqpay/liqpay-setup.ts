import type { LiqPayAccount, LiqPayClient } from './liqpay-client.ts';

/** The fund's LiqPay account as the checkout and the callback use it. */
export interface LiqPaySetup {
  account: LiqPayAccount;
  client: LiqPayClient;
  /** Test payments: `sandbox: 1` in checkouts, and `sandbox` callbacks credited. */
  sandbox: boolean;
  /** `server_url` of every checkout. */
  callbackUrl: string;
}
