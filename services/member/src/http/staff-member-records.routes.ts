import { MemberRecord } from '@kasa/contracts';
import { type HttpApp, staffMayAct } from '@kasa/http';
import { Type } from 'typebox';
import { membersByIds } from '../db/member-records.repository.ts';
import type { MemberDeps } from '../deps.ts';
import { memberRecordView } from './member.view.ts';

const MemberId = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });

/** Most members one call answers: a page of the admin lists, with room to spare. */
export const MEMBER_RECORDS_LIMIT = 1000;

/**
 * Whole member records by id, for the admin lists whose seed rows nest the member
 * (requests, payments): one call for a page instead of one per row.
 */
export function staffMemberRecordRoutes(app: HttpApp, deps: MemberDeps): void {
  app.post(
    '/staff/members/records',
    {
      ...staffMayAct,
      schema: {
        tags: ['staff: members'],
        summary: 'Members by id, whole, in the order asked (unknown ids left out)',
        body: Type.Object({ ids: Type.Array(MemberId, { maxItems: MEMBER_RECORDS_LIMIT }) }),
        response: { 200: Type.Object({ data: Type.Array(MemberRecord) }) },
      },
    },
    async (request) => {
      const rows = await membersByIds(deps.context.database.db, request.body.ids);
      return { data: rows.map(memberRecordView) };
    },
  );
}
