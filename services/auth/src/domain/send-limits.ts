/** How often one phone and one client address may ask for a code. */
export interface SendLimits {
  cooldownSeconds: number;
  perPhonePerTenMinutes: number;
  perPhonePerDay: number;
  perAddressPerHour: number;
}

/** When earlier codes were sent, newest first. */
export interface SendHistory {
  phone: readonly Date[];
  address: readonly Date[];
  /**
   * Whether the phone's newest code was used: the cooldown is a wait for a code still on its
   * way, so it ends once that code opened what it was sent for (a phone change proven, the next
   * step a sign-in). The caps count every send all the same.
   */
  newestUsed?: boolean;
}

export type SendDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: string };

const MINUTE = 60_000;

/** The one limit the seed had too: it answered 401 "Access denied" for it. */
export const DAILY_LIMIT_REASON = 'Daily limit of codes for this phone is reached';

/**
 * The SPEC's guard against burning the fund's SMS money or guessing codes: a cooldown
 * between sends and rolling caps per phone and per address. Says how long to wait.
 */
export function decideSend(history: SendHistory, limits: SendLimits, now: Date): SendDecision {
  const waits: Array<{ until: number; reason: string }> = [];
  const [latest] = history.phone;
  if (latest && !history.newestUsed)
    waits.push({
      until: latest.getTime() + limits.cooldownSeconds * 1000,
      reason: 'Please wait before asking for a new code',
    });
  waits.push(
    capWait(
      history.phone,
      limits.perPhonePerTenMinutes,
      10 * MINUTE,
      'Too many codes for this phone; try again later',
    ),
  );
  waits.push(capWait(history.phone, limits.perPhonePerDay, 24 * 60 * MINUTE, DAILY_LIMIT_REASON));
  waits.push(
    capWait(
      history.address,
      limits.perAddressPerHour,
      60 * MINUTE,
      'Too many codes requested from this address',
    ),
  );
  const blocking = waits.filter((wait) => wait.until > now.getTime()).sort((a, b) => b.until - a.until)[0];
  if (!blocking) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.ceil((blocking.until - now.getTime()) / 1000),
    reason: blocking.reason,
  };
}

/** At most `cap` sends in any `windowMs`: the next is allowed when the oldest counted leaves the window. */
function capWait(sends: readonly Date[], cap: number, windowMs: number, reason: string) {
  const counted = sends[cap - 1];
  return { until: counted ? counted.getTime() + windowMs : 0, reason };
}
