import {
  type AidRequest,
  hryvniasOf,
  MemberSummary,
  Nullable,
  RequestFile,
  RequestFlags,
  RequestMessage,
  type StaffAidRequest,
} from '@kasa/contracts';
import { type Static, Type } from 'typebox';

/** Requests as the admin site reads them: amounts in hryvnias. */
const SiteRequestFields = {
  id: Type.Integer(),
  member_id: Type.Integer(),
  status: Type.String(),
  comment: Type.String(),
  diagnos: Type.String(),
  sum: Type.Number({ description: 'hryvnias granted' }),
  date: Type.String({ description: 'dd.mm.yyyy' }),
  date_modified: Type.String({ description: 'dd.mm.yyyy' }),
  files: Type.Array(RequestFile),
};

export const SiteRequest = Type.Object({ ...SiteRequestFields, member: Nullable(MemberSummary) });

export const SiteRequestDetail = Type.Object({
  ...SiteRequestFields,
  messages: Type.Array(RequestMessage, { description: 'Oldest first, internal notes included' }),
  flags: Type.Object(
    {
      duplicate_files: RequestFlags.properties.duplicate_files,
      unusual_amount: Nullable(
        Type.Object({
          granted: Type.Number({ description: 'hryvnias' }),
          usual_max: Type.Number({ description: 'hryvnias' }),
          note: Type.String(),
        }),
      ),
    },
    { description: 'Warnings for the reviewer: duplicate receipts, an unusual amount' },
  ),
  charges: Type.Array(Type.Unknown(), { description: 'Payouts recorded against the request' }),
  types: Type.Array(Type.Unknown(), { description: 'The kinds of payout staff can record' }),
});

export function siteRequest(
  request: Static<typeof AidRequest>,
  member: Static<typeof MemberSummary> | null,
): Static<typeof SiteRequest> {
  return { ...request, sum: hryvniasOf(request.sum), member };
}

export function siteRequestDetail(request: Static<typeof StaffAidRequest>): Static<typeof SiteRequestDetail> {
  const flags = request.flags.unusual_amount
    ? {
        ...request.flags,
        unusual_amount: {
          ...request.flags.unusual_amount,
          granted: hryvniasOf(request.flags.unusual_amount.granted),
          usual_max: hryvniasOf(request.flags.unusual_amount.usual_max),
        },
      }
    : request.flags;
  // Payouts come with the payment service; until then there are none to show.
  return { ...request, sum: hryvniasOf(request.sum), flags, charges: [], types: [] };
}
