import type { Tx } from '@kasa/db';
import {
  countWrongTry,
  latestSignRequestForUpdate,
  markUsed,
  type SignRequest,
} from '../db/sign-in.repository.ts';
import { signCodeMatches } from '../domain/sign-code.ts';
import { type CodeCheck, type CodeTarget, checkSignRequest, codeOpens } from '../domain/sign-in.ts';
import type { AuthKeys } from './keys.ts';

/** What checking a code takes: the key of its hash and how many guesses it allows. */
export interface UseCodeDeps {
  keys: Pick<AuthKeys, 'codeKey'>;
  codeMaxTries: number;
}

export type CodeUse =
  | { used: true; request: SignRequest; at: Date }
  | { used: false; reason: Exclude<CodeCheck, 'accepted'> | 'no code was sent' | 'sent for another use' };

/**
 * Spends the code last sent to `phone`, in the transaction of what it opens, if it was sent for
 * `target` and is right: single use, until it expires, `codeMaxTries` guesses. A wrong guess is
 * counted, and stays counted when the caller commits its refusal. A code sent for something else
 * opens nothing; guessing at it counts nothing either, as no guess could open anything.
 */
export async function useCode(
  deps: UseCodeDeps,
  tx: Tx,
  { phone, code, target }: { phone: string; code: string; target: CodeTarget },
): Promise<CodeUse> {
  const request = await latestSignRequestForUpdate(tx, phone);
  if (!request) return { used: false, reason: 'no code was sent' };
  if (!codeOpens(request, target)) return { used: false, reason: 'sent for another use' };
  const now = new Date();
  const matches = signCodeMatches(deps.keys.codeKey, request.codeSalt, code, request.codeHash);
  const check = checkSignRequest(request, matches, deps.codeMaxTries, now);
  if (check === 'wrong') await countWrongTry(tx, request.id);
  if (check !== 'accepted') return { used: false, reason: check };
  await markUsed(tx, request.id, now);
  return { used: true, request, at: now };
}
