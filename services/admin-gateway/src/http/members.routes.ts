import {
  ADMIN_LIST_CAP,
  ADMIN_MEMBER_NOT_FOUND_MESSAGE,
  ADMIN_MEMBER_UPDATED_MESSAGE,
  AdminCertificateAnswer,
  AdminMemberCardAnswer,
  AdminMemberNotFound,
  AdminMembersAnswer,
  AdminMemberUpdateAnswer,
  AdminMemberUpdateError,
  AidRequestPage,
  MemberCard,
  MemberRecord,
  Nullable,
  StatusAnswer,
  seedMemberRow,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp, isAppError, notFound } from '@kasa/http';
import { type GatewayContext, staffUserRowsFor } from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { staffOnly } from '../access.ts';
import { searchPayments } from '../service-calls.ts';
import { adminMemberCard, programAuthorsOf } from './member.view.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const common = { tags: ['members'], security: bearerSecurity };

/** Most requests and payments one member's card lists: far above any member's. */
const CARD_LIST_LIMIT = 1000;

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
      query: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
      fields: Type.Optional(SearchFields),
    }),
  ),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: ADMIN_LIST_CAP,
      description: `a page of this many; without it, every match up to ${ADMIN_LIST_CAP}`,
    }),
  ),
});

/** A text field of the seed's form (pydantic `Optional[str]`): empty or null changes nothing. */
const Text = (maxLength: number, description?: string) =>
  Type.Optional(Nullable(Type.String({ maxLength, ...(description ? { description } : {}) })));

const MemberEdit = Type.Object(
  {
    id: Id,
    first_name: Text(64),
    middle_name: Text(64),
    last_name: Text(64),
    email: Text(254),
    iban: Text(40),
    birth_date: Text(10, '%d.%m.%Y or %Y-%m-%d (the seed tried both)'),
    certificate: Text(32),
    passport_data: Text(255),
    inn: Text(16),
    phone: Text(32),
    is_active: Type.Optional(Type.Boolean({ description: 'false blocks the member, true unblocks' })),
    is_submited: Type.Optional(
      Type.Boolean({ description: 'true approves: the pending program and documents become current' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * The edit as the member service takes it. The seed set only what was given (`if body.x:`): an
 * empty or null field changes nothing. Every save approves an approved member's pending program
 * and documents, as the seed's did.
 */
function memberEditOf({ id: _id, ...fields }: Static<typeof MemberEdit>): Record<string, unknown> {
  const given = Object.entries(fields).filter(([, value]) => value !== null && value !== '');
  return { ...Object.fromEntries(given), approve_pending: true };
}

/** The member service's 404 in the seed's words. */
async function orMemberNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isAppError(error) && error.statusCode === 404) {
      throw notFound(ADMIN_MEMBER_NOT_FOUND_MESSAGE, 'member_not_found');
    }
    throw error;
  }
}

/** SPEC §7 rows 9–12: finding, reading and reviewing members, with the seed's paths and answers. */
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
          'Members with any word of `filter.query` (in any case) in one of the chosen fields (all when ' +
          '`fields` is omitted), as the seed searched. An empty query lists the members that need ' +
          'attention: profile not yet approved, program change, new documents, a reported mistake, new ' +
          `requests. Latest changed first. Every match up to ${ADMIN_LIST_CAP} (the seed answered ` +
          'all), or a page with `offset` and `limit`; `total` counts them all.',
        body: SearchBody,
        response: { 200: AdminMembersAnswer },
      },
    },
    async (request): Promise<Static<typeof AdminMembersAnswer>> => {
      const { filter, offset = 0, limit = ADMIN_LIST_CAP } = request.body;
      const found = await member.request({
        method: 'POST',
        path: '/staff/members/search',
        body: {
          query: filter?.query ?? '',
          ...(filter?.fields ? { fields: filter.fields } : {}),
          offset,
          limit,
        },
        ...asCaller(request),
        response: Type.Object({ data: Type.Array(MemberRecord), total: Type.Integer() }),
      });
      return { data: found.data.map(seedMemberRow), total: found.total };
    },
  );

  app.post(
    '/member',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: "One member's card: profile, programs, documents, requests, payments",
        body: Type.Object({ id: Id }),
        response: { 200: AdminMemberCardAnswer, 404: AdminMemberNotFound },
      },
    },
    async (request) => {
      const id = request.body.id;
      const [card, theirRequests, theirPayments] = await Promise.all([
        orMemberNotFound(
          member.request({
            method: 'GET',
            path: `/staff/members/${id}`,
            ...asCaller(request),
            response: MemberCard,
          }),
        ),
        services.request.request({
          method: 'POST',
          path: '/staff/requests/search',
          body: { member_ids: [id], limit: CARD_LIST_LIMIT, offset: 0 },
          ...asCaller(request),
          response: AidRequestPage,
        }),
        searchPayments(context, request, { member_ids: [id], limit: CARD_LIST_LIMIT }),
      ]);
      return adminMemberCard({
        card,
        requests: theirRequests.data,
        payments: theirPayments.data,
        programs: {
          publicUrl: context.config.PUBLIC_URL,
          users: await staffUserRowsFor(context, request, programAuthorsOf(card)),
        },
      });
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
          'Sets the fields given (empty or null ones change nothing, as in the seed); `birth_date` as ' +
          "`dd.mm.yyyy` or `yyyy-mm-dd`. Each save makes an approved member's pending program and " +
          "documents current, as the seed's did; `is_submited: true` approves a new profile. " +
          '`is_active: false` blocks the member and ends their sessions. 404 for an unknown member, 409 ' +
          'when there is nothing to approve with, 422 when the phone or the certificate is another ' +
          "member's (the seed answered every failure 500).",
        body: MemberEdit,
        response: {
          200: AdminMemberUpdateAnswer,
          404: AdminMemberUpdateError,
          409: AdminMemberUpdateError,
          422: AdminMemberUpdateError,
        },
      },
    },
    async (request): Promise<Static<typeof AdminMemberUpdateAnswer>> => {
      await orMemberNotFound(
        member.request({
          method: 'PATCH',
          path: `/staff/members/${request.body.id}`,
          body: memberEditOf(request.body),
          ...asCaller(request),
          response: StatusAnswer,
        }),
      );
      return { status: 'success', message: ADMIN_MEMBER_UPDATED_MESSAGE };
    },
  );

  app.get(
    '/member/generate_certificate',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'A new certificate number: unique and increasing',
        response: { 200: AdminCertificateAnswer },
      },
    },
    (request) =>
      member.request({
        method: 'POST',
        path: '/staff/certificates',
        ...asCaller(request),
        response: AdminCertificateAnswer,
      }),
  );
}
