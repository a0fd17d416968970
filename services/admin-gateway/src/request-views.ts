import {
  type AidRequest,
  hryvniasOf,
  isPayout,
  MemberSummary,
  Nullable,
  PAYMENT_TYPES,
  type PaymentRecord,
  PaymentTypeView,
  RequestFile,
  RequestFlags,
  RequestMessage,
  type StaffAidRequest,
} from '@kasa/contracts';
import { type Static, Type } from 'typebox';
import { SitePayment, sitePayment } from './payment-views.ts';

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
  paid: Type.Number({ description: 'hryvnias paid out so far' }),
  charges: Type.Array(SitePayment, { description: 'Payouts recorded against the request, and reversals' }),
  types: Type.Array(PaymentTypeView, {
    description: 'The kinds of payout staff can record (`type` of PUT /payment)',
  }),
});

export function siteRequest(
  request: Static<typeof AidRequest>,
  member: Static<typeof MemberSummary> | null,
): Static<typeof SiteRequest> {
  return { ...request, sum: hryvniasOf(request.sum), member };
}

/** The seed's payout types, offered on the request's card. */
const PAYOUT_TYPES = PAYMENT_TYPES.filter((type) => isPayout(type.kind)).map(({ id, name }) => ({
  id,
  name,
}));

export function siteRequestDetail(
  request: Static<typeof StaffAidRequest>,
  payouts: readonly Static<typeof PaymentRecord>[],
): Static<typeof SiteRequestDetail> {
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
  return {
    ...request,
    sum: hryvniasOf(request.sum),
    paid: hryvniasOf(request.paid),
    flags,
    charges: payouts.map((payout) => sitePayment(payout, null)),
    types: PAYOUT_TYPES,
  };
}
