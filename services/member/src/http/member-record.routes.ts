import { MemberRecord } from '@kasa/contracts';
import { callerId, conflict, type HttpApp } from '@kasa/http';
import { findMember } from '../db/members.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { memberRecordView } from './member.view.ts';

/**
 * The caller's own member row, whole and in any state (before staff approve it too): the seed's
 * request answers nest it (`model_to_dict` of a request, its files and its messages), and a
 * member writes requests before approval. `/me/profile` stays the approved member's profile.
 */
export function memberRecordRoutes(app: HttpApp, deps: MemberDeps): void {
  app.get(
    '/me/record',
    {
      schema: {
        summary: "The member's own record, whatever its state",
        description: '409 for the moment between the first sign-in and the profile being opened.',
        response: { 200: MemberRecord },
      },
    },
    async (request) => {
      const member = await findMember(deps.context.database.db, callerId(request));
      if (!member) {
        throw conflict('Your account is still being set up, try again in a moment', 'member_not_ready');
      }
      return memberRecordView(member);
    },
  );
}
