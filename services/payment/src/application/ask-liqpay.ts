import { serviceUnavailable, unprocessable } from '@kasa/http';
import { LiqPayRefusedError, LiqPayUnavailableError } from '../liqpay/liqpay-client.ts';

export interface LiqPayWords {
  /** What to tell the caller when LiqPay refuses with `code`: a 422. */
  refused(code: string): string;
  /** What to tell the caller when LiqPay cannot be asked: a 503. */
  unavailable: string;
  /** Refusals that mean what was asked is done already: no error, the call's answer is undefined. */
  done?: ReadonlySet<string>;
}

/** The fund's LiqPay account, or 503: without keys the fund takes no payments. */
export function payable<Account>(liqpay: Account | null): Account {
  if (!liqpay)
    throw serviceUnavailable('Payments are not available at the moment', 'payments_not_configured');
  return liqpay;
}

/**
 * One call to LiqPay's server API on a member's or staff's behalf, its failures in words they
 * can act on: a refusal is 422, LiqPay out of reach 503; nothing has changed either way.
 */
export async function askLiqPay<T>(call: () => Promise<T>, words: LiqPayWords): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof LiqPayRefusedError) {
      if (words.done?.has(error.code)) return undefined;
      throw unprocessable(words.refused(error.code), 'liqpay_refused');
    }
    if (error instanceof LiqPayUnavailableError)
      throw serviceUnavailable(words.unavailable, 'liqpay_unavailable', error);
    throw error;
  }
}
