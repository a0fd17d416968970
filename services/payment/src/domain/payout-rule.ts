import type { PayoutKind } from '@kasa/contracts';

export type PayoutVerdict =
  | { allowed: true }
  | {
      allowed: false;
      reason: 'not_granted' | 'over_granted' | 'not_the_rest' | 'nothing_left';
      message: string;
    };

const uah = (kopiyky: number) => (kopiyky / 100).toFixed(2);

/**
 * Whether staff may pay `amount` out for a request that was granted `granted` and has had
 * `paid` paid out already (kopiyky). Payouts never add up to more than the grant; a full payout
 * (`payout`) is the whole rest, a partial one (`partial_payout`) leaves something.
 */
export function judgePayout(
  kind: PayoutKind,
  amount: number,
  granted: number | null,
  paid: number,
): PayoutVerdict {
  if (granted === null || granted === 0)
    return {
      allowed: false,
      reason: 'not_granted',
      message: 'No amount has been granted for this request yet: assess it first',
    };
  const rest = granted - paid;
  if (rest <= 0)
    return {
      allowed: false,
      reason: 'nothing_left',
      message: `The granted ${uah(granted)} UAH has been paid out in full`,
    };
  if (amount > rest)
    return {
      allowed: false,
      reason: 'over_granted',
      message: `Only ${uah(rest)} UAH of the granted ${uah(granted)} UAH is left to pay out`,
    };
  if (kind === 'payout' && amount !== rest)
    return {
      allowed: false,
      reason: 'not_the_rest',
      message: `A full payout is the whole ${uah(rest)} UAH left; record a smaller sum as a partial payout`,
    };
  if (kind === 'partial_payout' && amount === rest)
    return {
      allowed: false,
      reason: 'not_the_rest',
      message: `${uah(rest)} UAH is all that is left: record it as a full payout`,
    };
  return { allowed: true };
}
