import {
  AidRequestPage,
  IdentityDocument,
  MemberCard,
  MemberRecord,
  Nullable,
  ProfileCorrection,
  StatusAnswer,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, callerToken, type HttpApp } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { staffOnly } from '../access.ts';
import { SiteProgram, siteProgram, siteProgramOrNull } from '../member-views.ts';
import { SitePayment, sitePayment } from '../payment-views.ts';
import { SiteRequest, siteRequest } from '../request-views.ts';
import { searchPayments } from '../service-calls.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const Name = Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' });
const common = { tags: ['members'], security: bearerSecurity };

const SearchFields = Type.Object({
  name: Type.Optional(Type.Boolean()),
  passport: Type.Optional(Type.Boolean()),
  inn: Type.Optional(Type.Boolean()),
  iban: Type.Optional(Type.Boolean()),
  certificate: Type.Optional(Type.Boolean()),
});
const SearchBody = Type.Object({
  filter: Type.Optional(
    Type.Object({
      query: Type.Optional(Type.String({ maxLength: 200 })),
      fields: Type.Optional(SearchFields),
    }),
  ),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
const Found = Type.Object({ data: Type.Array(MemberRecord), total: Type.Integer() });

const SiteMemberCard = Type.Object({
  member: MemberRecord,
  actual_program: Nullable(SiteProgram),
  new_program: Nullable(SiteProgram),
  programs: Type.Array(SiteProgram),
  current_identities: Type.Array(IdentityDocument),
  new_identities: Type.Array(IdentityDocument),
  identities: Type.Array(IdentityDocument),
  corrections: Type.Array(ProfileCorrection),
  requests: Type.Array(SiteRequest, { description: "The member's aid requests, latest changed first" }),
  payments: Type.Array(SitePayment, {
    description: "The member's payments, latest first: contributions, payouts, reversals",
  }),
});

const MemberEdit = Type.Object(
  {
    id: Id,
    first_name: Type.Optional(Name),
    middle_name: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    last_name: Type.Optional(Name),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    iban: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    birth_date: Type.Optional(Nullable(Type.String({ description: 'dd.mm.yyyy' }))),
    certificate: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
    passport_data: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
    inn: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
    phone: Type.Optional(Type.String({ maxLength: 32 })),
    is_active: Type.Optional(Type.Boolean({ description: 'false blocks the member, true unblocks' })),
    is_submited: Type.Optional(
      Type.Boolean({ description: 'true approves: the pending program and documents become current' }),
    ),
  },
  { additionalProperties: false },
);

/** SPEC §7 rows 1, 9–12: finding, reading and reviewing members, with the seed's paths and answers. */
export function memberRoutes(app: HttpApp, context: GatewayContext): void {
  const { services } = context;
  const member = services.member;

  app.post(
    '/members',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'Find members, or list those that need attention',
        description:
          'Every word of `filter.query` must appear (in any case) in one of the chosen fields (all when ' +
          '`fields` is omitted). An empty query lists the members that need attention: profile not yet ' +
          'approved, program change, new documents, a reported mistake, new requests.',
        body: SearchBody,
        response: { 200: Found },
      },
    },
    (request) =>
      member.request({
        method: 'POST',
        path: '/staff/members/search',
        headers: callerToken(request),
        requestId: request.id,
        body: {
          query: request.body.filter?.query ?? '',
          ...(request.body.filter?.fields ? { fields: request.body.filter.fields } : {}),
          offset: request.body.offset ?? 0,
          limit: request.body.limit ?? 50,
        },
        response: Found,
      }),
  );

  app.post(
    '/member',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: "One member's card: profile, programs, documents, requests, payments",
        body: Type.Object({ id: Id }),
        response: { 200: SiteMemberCard },
      },
    },
    async (request): Promise<Static<typeof SiteMemberCard>> => {
      const [card, theirRequests, theirPayments] = await Promise.all([
        member.request({
          method: 'GET',
          path: `/staff/members/${request.body.id}`,
          ...asCaller(request),
          response: MemberCard,
        }),
        services.request.request({
          method: 'POST',
          path: '/staff/requests/search',
          body: { member_ids: [request.body.id], limit: 200, offset: 0 },
          ...asCaller(request),
          response: AidRequestPage,
        }),
        searchPayments(context, request, { member_ids: [request.body.id], limit: 1_000 }),
      ]);
      return {
        ...card,
        actual_program: siteProgramOrNull(card.actual_program),
        new_program: siteProgramOrNull(card.new_program),
        programs: card.programs.map(siteProgram),
        requests: theirRequests.data.map((one) => siteRequest(one, null)),
        payments: theirPayments.data.map((payment) => sitePayment(payment, null)),
      };
    },
  );

  app.put(
    '/member',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'Edit, approve, block or unblock a member',
        description:
          '`is_submited: true` approves: the pending program and documents become current. ' +
          '`is_active: false` blocks the member and ends their sessions. 422 when the phone or the ' +
          'certificate belongs to another member.',
        body: MemberEdit,
        response: { 200: StatusAnswer },
      },
    },
    (request) => {
      const { id, ...edit } = request.body;
      return member.request({
        method: 'PATCH',
        path: `/staff/members/${id}`,
        headers: callerToken(request),
        requestId: request.id,
        body: edit,
        response: StatusAnswer,
      });
    },
  );

  app.get(
    '/member/generate_certificate',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'A new certificate number: unique and increasing',
        response: { 200: Type.Object({ data: Type.String() }) },
      },
    },
    (request) =>
      member.request({
        method: 'POST',
        path: '/staff/certificates',
        headers: callerToken(request),
        requestId: request.id,
        response: Type.Object({ data: Type.String() }),
      }),
  );
}
