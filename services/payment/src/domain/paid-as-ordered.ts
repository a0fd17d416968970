import { hryvniasOf } from '@kasa/contracts';

/** What LiqPay says was paid, as the edge read it. */
export interface Paid {
  /** Kopiyky; null when LiqPay named no amount. */
  amount: number | null;
  currency: string | null;
  /** The report names the fund's LiqPay account (its public key). */
  toFundAccount: boolean;
}

/**
 * Why money LiqPay reports as received may not be credited to what was ordered (another
 * account, currency or amount), or null when it matches. Not credited means flagged for staff:
 * the money is somewhere, and a person decides where it goes.
 */
export function mismatchOf(paid: Paid, ordered: { currency: string; amount: number }): string | null {
  if (!paid.toFundAccount) return 'the callback names another LiqPay account';
  if (paid.currency !== ordered.currency)
    return `paid in ${paid.currency ?? 'no currency'}, ordered in ${ordered.currency}`;
  if (paid.amount !== ordered.amount)
    return `paid ${paid.amount === null ? 'no amount' : hryvniasOf(paid.amount)}, ordered ${ordered.amount / 100}`;
  return null;
}
