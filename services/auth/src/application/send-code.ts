import { randomBytes } from 'node:crypto';
import { SignCodeRequested } from '@kasa/contracts';
import { type AppError, tooManyRequests } from '@kasa/http';
import type { TransactionContext } from '@kasa/messaging';
import { newEvent } from '@kasa/messaging';
import { insertSignRequest, replacePendingRequests, sendHistory } from '../db/sign-in.repository.ts';
import { decideSend, type SendLimits } from '../domain/send-limits.ts';
import { generateSignCode, hashSignCode } from '../domain/sign-code.ts';
import type { CodeTarget } from '../domain/sign-in.ts';
import type { AuthKeys } from './keys.ts';

/** What texting a code takes: the limits every code shares, its lifetime, the key of its hash. */
export interface SendCodeDeps {
  limits: SendLimits;
  codeTtlSeconds: number;
  keys: Pick<AuthKeys, 'codeKey'>;
}

export interface CodeToSend extends CodeTarget {
  phone: string;
  /** The client's address, as the gateway saw it. */
  address: string;
  /** Whether a sign-in with this code opens an account for a new phone. */
  createAccount: boolean;
}

/** How a use case answers a send over the limits; 429 with Retry-After unless it says otherwise. */
export type OverLimit = (retryAfterSeconds: number, reason: string) => AppError;

/**
 * Texts a new code (through the outbox and the notification service), whatever it is for, within
 * the limits every code shares: one phone's and one address's sends are counted together, so
 * asking for another kind of code is no way around them. The newest code is the phone's only
 * one. The caller holds the phone's lock (`lockPhone`) and has decided that a code may go.
 */
export async function sendCode(
  deps: SendCodeDeps,
  { tx, emit }: TransactionContext,
  target: CodeToSend,
  overLimit: OverLimit = (retryAfterSeconds, reason) => tooManyRequests(retryAfterSeconds, reason),
): Promise<void> {
  const { phone, address, purpose } = target;
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
    createAccount: target.createAccount,
    purpose,
    memberId: target.memberId,
    createdAt: now,
    expiresAt,
  });
  await emit(
    newEvent(
      SignCodeRequested,
      { signRequestId, phone, code, expiresAt: expiresAt.toISOString(), purpose },
      {
        aggregateId: phone,
        actor: { kind: 'member', ...(target.memberId === null ? {} : { id: String(target.memberId) }) },
      },
    ),
  );
}
