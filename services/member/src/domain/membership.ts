import { addCalendarDays } from '@kasa/contracts';

export interface MembershipExtension {
  /** Whole days the contribution pays for. */
  days: number;
  previousPaidUntil: string | null;
  /** The new paid-until day; the previous one when the contribution pays for no whole day. */
  paidUntil: string | null;
}

/**
 * SPEC §3: a contribution of `amount` on a program costing `monthPrice` a month (both in
 * kopiyky) pays for floor(30 × amount / monthPrice) days, counted from today when the
 * membership has lapsed or never started, else from the day it is paid until. Days are Kyiv
 * calendar days (`YYYY-MM-DD`); a membership paid until today is still running.
 */
export function extendMembership({
  paidUntil,
  today,
  amount,
  monthPrice,
}: {
  paidUntil: string | null;
  today: string;
  amount: number;
  monthPrice: number;
}): MembershipExtension {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError('amount must be whole kopiyky');
  if (!Number.isSafeInteger(monthPrice) || monthPrice <= 0)
    throw new RangeError('monthPrice must be positive');
  const days = Math.floor((30 * amount) / monthPrice);
  if (days === 0) return { days, previousPaidUntil: paidUntil, paidUntil };
  const running = paidUntil !== null && paidUntil >= today;
  return {
    days,
    previousPaidUntil: paidUntil,
    paidUntil: addCalendarDays(running ? paidUntil : today, days),
  };
}

/**
 * A refund takes back the days its payment added: the paid-until day moves back by them,
 * whatever has been added since. Null stays null (nothing was ever added).
 */
export function shortenMembership(paidUntil: string | null, days: number): string | null {
  return paidUntil === null || days === 0 ? paidUntil : addCalendarDays(paidUntil, -days);
}
