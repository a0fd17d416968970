import type { Executor } from '@kasa/db';
import { revokeSubject } from '../db/refresh-tokens.repository.ts';
import { endSeedSessions } from '../db/sign-in.repository.ts';

/**
 * Ends every session of a member (blocked, a new phone): Kasa's, and the old system's tokens,
 * those already traded here and those not yet. Refresh stops at once, access tokens as soon as
 * the gateways learn of the revocation (within a second).
 */
export async function endMemberSessions(tx: Executor, memberId: number, at: Date): Promise<void> {
  await endSeedSessions(tx, memberId, at);
  await revokeSubject(tx, 'member', memberId, at);
}
