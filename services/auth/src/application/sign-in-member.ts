import { MemberSignedUp } from '@kasa/contracts';
import { forbidden, notFound, unauthorized } from '@kasa/http';
import type { Logger } from '@kasa/log';
import { newEvent, type UnitOfWork } from '@kasa/messaging';
import { createAccount, findAccountByPhone } from '../db/sign-in.repository.ts';
import { memberSession } from './refresh-tokens.ts';
import { openSession, type SessionPolicy } from './sessions.ts';
import type { TokenPair } from './token-issuer.ts';
import { type UseCodeDeps, useCode } from './use-code.ts';

const DENIED = 'Access denied for this user';

export interface SignInMemberDeps extends UseCodeDeps {
  unitOfWork: UnitOfWork;
  logger: Logger;
  sessions: SessionPolicy;
}

/**
 * Trades the SMS code for tokens. A wrong guess is counted (and committed) before the 401;
 * the first successful sign-in of a new phone creates the member's account and tells the
 * member service to create the profile.
 */
export async function signInMember(deps: SignInMemberDeps, phone: string, code: string): Promise<TokenPair> {
  const { unitOfWork, logger } = deps;
  const outcome = await unitOfWork.run(async ({ tx, emit }) => {
    const use = await useCode(deps, tx, { phone, code, target: { purpose: 'sign_in', memberId: null } });
    if (!use.used) return { kind: 'denied', reason: use.reason } as const;
    const { request, at: now } = use;

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
        seedSessionsEndedAt: null,
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
