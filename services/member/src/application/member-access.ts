import type { Executor } from '@kasa/db';
import { conflict, forbidden, unprocessable } from '@kasa/http';
import { findMember, type MemberRow } from '../db/members.repository.ts';

/**
 * The caller's own profile, refused when staff blocked them. The profile is opened from
 * auth's sign-up event, a moment after the first sign-in: until then there is nothing to act on.
 */
export async function callingMember(tx: Executor, memberId: number, forUpdate = false): Promise<MemberRow> {
  const member = await findMember(tx, memberId, forUpdate);
  if (!member)
    throw conflict('Your account is still being set up, try again in a moment', 'member_not_ready');
  if (!member.isActive) throw forbidden('Your account is blocked', 'member_blocked');
  return member;
}

export const memberActor = (memberId: number) => ({
  aggregateId: memberId,
  actor: { kind: 'member' as const, id: String(memberId) },
});

/** A phone signs one member in: it cannot be given to a second. */
export const phoneTaken = () => unprocessable('Can not assign this phone number', 'phone_taken');

/** A new phone without the auth service's proof: the gateway answers it by texting a code there. */
export const phoneUnconfirmed = () =>
  unprocessable('Confirm the new phone with the code we text to it', 'phone_unconfirmed');

export const phoneProofInvalid = () =>
  unprocessable(
    'The confirmation is not for this phone or has expired: ask for a new code',
    'phone_proof_invalid',
  );
