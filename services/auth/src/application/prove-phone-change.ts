import { forbidden, unprocessable } from '@kasa/http';
import type { Logger } from '@kasa/log';
import type { UnitOfWork } from '@kasa/messaging';
import { findAccount, findAccountByPhone } from '../db/sign-in.repository.ts';
import type { PhoneProofIssuer } from './phone-proof-issuer.ts';
import { type UseCodeDeps, useCode } from './use-code.ts';

export interface ProvePhoneChangeDeps extends UseCodeDeps {
  unitOfWork: UnitOfWork;
  logger: Logger;
  phoneProofs: PhoneProofIssuer;
}

export interface PhoneProof {
  proof: string;
  expiresInSeconds: number;
}

/**
 * Trades the code texted to a member's new phone for the proof the member service asks for
 * (`PhoneChangeProofClaims`): that this member may move from their phone to that one. A wrong
 * guess is counted and committed before the refusal, as for a sign-in. A phone that is the
 * member's already needs no code: the proof then moves nothing, and a form sent again after its
 * change went through is answered as the first was.
 */
export async function provePhoneChange(
  deps: ProvePhoneChangeDeps,
  { memberId, phone, code }: { memberId: number; phone: string; code: string },
): Promise<PhoneProof> {
  const { unitOfWork, logger } = deps;
  const outcome = await unitOfWork.run(async ({ tx }) => {
    const account = await findAccount(tx, memberId);
    if (!account || account.blocked) return { kind: 'blocked' } as const;
    if (account.phone === phone) return { kind: 'proven', from: phone } as const;
    const holder = await findAccountByPhone(tx, phone);
    if (holder) return { kind: 'taken' } as const;
    const use = await useCode(deps, tx, { phone, code, target: { purpose: 'phone_change', memberId } });
    if (!use.used) return { kind: 'denied', reason: use.reason } as const;
    return { kind: 'proven', from: account.phone } as const;
  });
  if (outcome.kind === 'proven') {
    return {
      proof: deps.phoneProofs.proof(memberId, outcome.from, phone),
      expiresInSeconds: deps.phoneProofs.ttlSeconds,
    };
  }
  if (outcome.kind === 'blocked')
    throw forbidden('This account is blocked; please contact the fund', 'account_blocked');
  if (outcome.kind === 'taken') throw unprocessable('Can not assign this phone number', 'phone_taken');
  logger.info({ memberId, reason: outcome.reason }, 'phone change code refused');
  throw unprocessable('The code is wrong or has expired: ask for a new one', 'phone_code_denied');
}
