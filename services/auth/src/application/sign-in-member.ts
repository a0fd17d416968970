import { MemberSignedUp } from '@kasa/contracts';
import { forbidden, notFound, unauthorized } from '@kasa/http';
import { newEvent } from '@kasa/messaging';
import {
  countWrongTry,
  createAccount,
  findAccountByPhone,
  latestSignRequestForUpdate,
  markUsed,
} from '../db/sign-in.repository.ts';
import { signCodeMatches } from '../domain/sign-code.ts';
import { checkSignRequest } from '../domain/sign-in.ts';
import type { AuthDeps } from './auth-deps.ts';
import { memberSession } from './refresh-tokens.ts';
import { openSession } from './sessions.ts';
import type { TokenPair } from './token-issuer.ts';

const DENIED = 'Access denied for this user';

/**
 * Trades the SMS code for tokens. A wrong guess is counted (and committed) before the 401;
 * the first successful sign-in of a new phone creates the member's account and tells the
 * member service to create the profile.
 */
export async function signInMember(deps: AuthDeps, phone: string, code: string): Promise<TokenPair> {
  const { messaging, logger } = deps.context;
  const outcome = await messaging.unitOfWork.run(async ({ tx, emit }) => {
    const request = await latestSignRequestForUpdate(tx, phone);
    if (!request) return { kind: 'denied', reason: 'no code was sent' } as const;
    const now = new Date();
    const matches = signCodeMatches(deps.keys.codeKey, request.codeSalt, code, request.codeHash);
    const check = checkSignRequest(request, matches, deps.codeMaxTries, now);
    if (check === 'wrong') await countWrongTry(tx, request.id);
    if (check !== 'accepted') return { kind: 'denied', reason: check } as const;

    await markUsed(tx, request.id, now);
    let account = await findAccountByPhone(tx, phone, true);
    if (!account) {
      if (!request.createAccount) return { kind: 'missing' } as const;
      const id = await createAccount(tx, phone);
      await emit(
        newEvent(
          MemberSignedUp,
          { memberId: id, phone },
          { aggregateId: id, actor: { kind: 'member', id: String(id) } },
        ),
      );
      account = {
        id,
        phone,
        blocked: false,
        firstName: null,
        lastName: null,
        email: null,
        contactAsOf: null,
        createdAt: now,
      };
    }
    if (account.blocked) return { kind: 'blocked' } as const;
    const tokens = await openSession(tx, deps.sessions, memberSession(account));
    return { kind: 'signed in', tokens } as const;
  });
  if (outcome.kind === 'signed in') return outcome.tokens;
  if (outcome.kind === 'missing') throw notFound('User does not exist', 'account_missing');
  if (outcome.kind === 'blocked')
    throw forbidden('This account is blocked; please contact the fund', 'account_blocked');
  logger.info({ phone, reason: outcome.reason }, 'member sign-in refused');
  throw unauthorized(DENIED, 'sign_in_denied');
}
