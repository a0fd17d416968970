import { randomBytes } from 'node:crypto';
import { SignCodeRequested } from '@kasa/contracts';
import { AppError, forbidden, tooManyRequests, unprocessable } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import {
  findAccountByPhone,
  insertSignRequest,
  lockPhone,
  replacePendingRequests,
  sendHistory,
} from '../db/sign-in.repository.ts';
import { DAILY_LIMIT_REASON, decideSend } from '../domain/send-limits.ts';
import { generateSignCode, hashSignCode } from '../domain/sign-code.ts';
import type { AuthDeps } from './auth-deps.ts';

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
  deps: AuthDeps,
  { phone, create, address }: SignCodeRequest,
): Promise<void> {
  const { messaging } = deps.context;
  await messaging.unitOfWork.run(async ({ tx, emit }) => {
    await lockPhone(tx, phone);
    const account = await findAccountByPhone(tx, phone);
    if (account && create) throw unprocessable('User already exist', 'account_exists');
    if (!account && !create) throw unprocessable('User does not exist', 'account_missing');
    if (account?.blocked)
      throw forbidden('This account is blocked; please contact the fund', 'account_blocked');

    const now = new Date();
    const decision = decideSend(await sendHistory(tx, phone, address, now), deps.limits, now);
    if (!decision.allowed) throw overLimit(decision.retryAfterSeconds, decision.reason);

    const code = generateSignCode();
    const codeSalt = randomBytes(16);
    const expiresAt = new Date(now.getTime() + deps.codeTtlSeconds * 1000);
    await replacePendingRequests(tx, phone, now);
    const signRequestId = await insertSignRequest(tx, {
      phone,
      address,
      codeSalt,
      codeHash: hashSignCode(deps.keys.codeKey, codeSalt, code),
      createAccount: create,
      createdAt: now,
      expiresAt,
    });
    await emit(
      newEvent(
        SignCodeRequested,
        { signRequestId, phone, code, expiresAt: expiresAt.toISOString() },
        { aggregateId: phone, actor: { kind: 'member' } },
      ),
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
