import { MemberContactChanged } from '@kasa/contracts';
import { type AnyEvent, type EventMeta, newEvent } from '@kasa/messaging';
import type { MemberPatch, MemberRow } from '../db/members.repository.ts';

/**
 * What an edit of `member` by `patch` tells the auth service, which writes a member's names and
 * e-mail into their tokens (the seed's `name` and `email` claims): the new values, when any of
 * them changes; nothing otherwise.
 */
export function contactChanges(member: MemberRow, patch: MemberPatch, meta: EventMeta): AnyEvent[] {
  const firstName = patch.firstName === undefined ? member.firstName : patch.firstName;
  const lastName = patch.lastName === undefined ? member.lastName : patch.lastName;
  const email = patch.email === undefined ? member.email : patch.email;
  if (firstName === member.firstName && lastName === member.lastName && email === member.email) return [];
  return [newEvent(MemberContactChanged, { memberId: member.id, firstName, lastName, email }, meta)];
}
