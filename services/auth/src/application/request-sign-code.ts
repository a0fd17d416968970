import { AppError, forbidden, tooManyRequests, unprocessable } from '@kasa/http';
import type { UnitOfWork } from '@kasa/messaging';
import { findAccountByPhone, lockPhone } from '../db/sign-in.repository.ts';
import { DAILY_LIMIT_REASON } from '../domain/send-limits.ts';
import { type SendCodeDeps, sendCode } from './send-code.ts';

export interface SignCodeRequest {
  phone: string;
  create: boolean;
  /** The client's address, as the gateway saw it. */
  address: string;
}

/**
 * Sends a new sign-in code by SMS (through the outbox and the notification service), within
 * the per-phone and per-address limits. Answers as the seed did: 422 when the account's
 * existence does not match `create`.
 */
export async function requestSignCode(
  deps: SendCodeDeps & { unitOfWork: UnitOfWork },
  { phone, create, address }: SignCodeRequest,
): Promise<void> {
  await deps.unitOfWork.run(async (work) => {
    await lockPhone(work.tx, phone);
    const account = await findAccountByPhone(work.tx, phone);
    if (account && create) throw unprocessable('User already exist', 'account_exists');
    if (!account && !create) throw unprocessable('User does not exist', 'account_missing');
    if (account?.blocked)
      throw forbidden('This account is blocked; please contact the fund', 'account_blocked');
    await sendCode(
      deps,
      work,
      { phone, address, purpose: 'sign_in', memberId: null, createAccount: create },
      overLimit,
    );
  });
}

/**
 * The seed answered its daily limit 401 `{message: 'Access denied'}` and the app knows that
 * answer; Kasa's other limits (a cooldown, caps per ten minutes and per address) are its own
 * and answer 429. Both say when to try again.
 */
function overLimit(retryAfterSeconds: number, reason: string): AppError {
  const tooMany = tooManyRequests(retryAfterSeconds, reason);
  if (reason !== DAILY_LIMIT_REASON) return tooMany;
  return new AppError({
    statusCode: 401,
    code: 'daily_limit',
    message: 'Access denied',
    headers: tooMany.headers,
  });
}
