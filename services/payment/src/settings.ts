import { CommonConfig, url } from '@kasa/config';
import { Type } from 'typebox';

/** The payment service's own variables: the token key, LiqPay's account, the checkout's limit. */
export const PaymentSettings = Type.Object({
  NODE_ENV: CommonConfig.NODE_ENV,
  /** The auth service's public key (PEM, or the path of a PEM file): members' and staff's tokens. */
  JWT_PUBLIC_KEY: Type.String({ minLength: 1 }),
  JWT_ISSUER: Type.String({ default: 'kasa-auth' }),
  /** The mobile gateway's public address: LiqPay calls back to `/user/payments/liqpay-callback` there. */
  PUBLIC_URL: url('http://127.0.0.1:8080', ['http', 'https']),
  /** The fund's LiqPay keys. Without them checkouts and callbacks answer 503. */
  LIQPAY_PUBLIC_KEY: Type.Optional(Type.String({ minLength: 1 })),
  LIQPAY_PRIVATE_KEY: Type.Optional(Type.String({ minLength: 1 })),
  LIQPAY_API_URL: url('https://www.liqpay.ua/api/', ['https', 'http']),
  /** Test payments (`sandbox: 1` in checkouts, `sandbox` callbacks credited); on outside production by default. */
  LIQPAY_SANDBOX: Type.Optional(Type.Boolean()),
  /** A checkout pending this long without a callback is asked about with LiqPay's status API. */
  RECONCILE_AFTER_SECONDS: Type.Integer({ minimum: 0, maximum: 86_400, default: 900 }),
  /** How often the pending checkouts are looked at. */
  RECONCILE_EVERY_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
  /** A checkout LiqPay still does not know after this long was never paid: it fails as `expired`. */
  CHECKOUT_EXPIRES_AFTER_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 24 }),
  /** The largest contribution one checkout may ask for, in kopiyky (100,000 UAH). */
  CHECKOUT_MAX_AMOUNT: Type.Integer({ minimum: 100, maximum: 1_000_000_000, default: 10_000_000 }),
});
