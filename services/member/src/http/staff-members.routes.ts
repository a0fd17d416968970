import {
  ADMIN_LIST_CAP,
  calendarDateOfSeedDate,
  kyivDateOf,
  MatchingMembers,
  MemberCard,
  MemberCounts,
  MemberRecord,
  MemberSummary,
  Nullable,
  StatusAnswer,
} from '@kasa/contracts';
import { fileNotFound, sendStoredFile } from '@kasa/files/http';
import { badRequest, callerId, type HttpApp, staffMayAct } from '@kasa/http';
import { Type } from 'typebox';
import { generateCertificate } from '../application/staff-generate-certificate.ts';
import { memberCard } from '../application/staff-member-card.ts';
import { findMembers, wordsOf } from '../application/staff-search-members.ts';
import { updateMemberByStaff } from '../application/staff-update-member.ts';
import { countMembersByState } from '../db/member-counts.repository.ts';
import { findMemberFile } from '../db/member-files.repository.ts';
import { matchingMemberIds, memberSummaries } from '../db/member-search.repository.ts';
import { SEARCH_FIELDS, type SearchField } from '../db/member-search-index.ts';
import type { MemberDeps } from '../deps.ts';
import type { ProfileEdit } from '../domain/member-edit.ts';

const MemberId = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const Name = Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' });
const common = { tags: ['staff: members'] };

const SearchBody = Type.Object({
  query: Type.Optional(Type.String({ maxLength: 200 })),
  fields: Type.Optional(
    Type.Object(
      {
        name: Type.Optional(Type.Boolean()),
        passport: Type.Optional(Type.Boolean()),
        inn: Type.Optional(Type.Boolean()),
        iban: Type.Optional(Type.Boolean()),
        certificate: Type.Optional(Type.Boolean()),
      },
      { description: 'Where to look: the fields set to true; every field when `fields` is omitted' },
    ),
  ),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 4_294_967_295 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: ADMIN_LIST_CAP })),
});

const MemberEditBody = Type.Object(
  {
    first_name: Type.Optional(Name),
    middle_name: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    last_name: Type.Optional(Name),
    email: Type.Optional(
      Nullable(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Literal('')])),
    ),
    iban: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    birth_date: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'dd.mm.yyyy' }))),
    certificate: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
    passport_data: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
    inn: Type.Optional(Nullable(Type.String({ maxLength: 16 }))),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    is_active: Type.Optional(Type.Boolean({ description: 'false blocks the member, true unblocks' })),
    is_submited: Type.Optional(
      Type.Boolean({
        description: 'true approves: the pending program and documents become current; false withdraws it',
      }),
    ),
    approve_pending: Type.Optional(
      Type.Boolean({
        description:
          "true: an approved member's pending program and documents become current with this edit, as " +
          "saving the seed's review form did (unless `is_submited` is false)",
      }),
    ),
  },
  { additionalProperties: false },
);

/** `24.08.1990` as the seed sends it, or `1990-08-24` as it once read it; blank clears it. */
function birthDateOf(text: string | null | undefined): string | null | undefined {
  if (text === undefined) return undefined;
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return null;
  const iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(trimmed);
  const date = calendarDateOfSeedDate(iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : trimmed);
  if (date === null) throw badRequest("Field 'birth_date' is not a date (dd.mm.yyyy)", 'invalid_date');
  return date;
}

/** Most ids `matching` answers: a broader query is for narrowing, not for paging through. */
const MATCHING_LIMIT = 5000;

/** The fields set to true; every field when none were named. */
function chosenFields(fields: Partial<Record<SearchField, boolean>> | undefined): Set<SearchField> {
  return new Set(
    fields === undefined ? SEARCH_FIELDS : SEARCH_FIELDS.filter((field) => fields[field] === true),
  );
}

/** SPEC §7 rows 1 and 9–12, as the admin gateway calls them with the staff user's token. */
export function staffMemberRoutes(app: HttpApp, deps: MemberDeps): void {
  app.get(
    '/staff/members/counts',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Members by state, for the dashboard',
        description: "Each member counts in one state; paid up means to today or later in Kyiv's calendar.",
        response: { 200: MemberCounts },
      },
    },
    () => countMembersByState(deps.context.database.db, kyivDateOf(new Date())),
  );

  app.post(
    '/staff/members/search',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Find members by words, or list those that need attention',
        description:
          'Members with any word of `query`, in any case, in one of the chosen fields (names are the ' +
          "first, middle and last name), as the seed's search. An empty query lists the members that need " +
          'attention: a profile not yet approved, a program change, new documents, a reported mistake, a ' +
          `new request. Latest changed first; at most ${ADMIN_LIST_CAP} a page.`,
        body: SearchBody,
        response: { 200: Type.Object({ data: Type.Array(MemberRecord), total: Type.Integer() }) },
      },
    },
    (request) => {
      const { query = '', fields, offset = 0, limit = 50 } = request.body;
      return findMembers(deps, {
        query,
        fields: chosenFields(fields),
        offset,
        limit,
      });
    },
  );

  app.post(
    '/staff/members/matching',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: "The ids of the members a query matches (for the lists of members' requests and payments)",
        description: `Words as in the search; at most ${MATCHING_LIMIT} ids, latest changed first.`,
        body: Type.Object({
          query: Type.String({ minLength: 1, maxLength: 200 }),
          fields: SearchBody.properties.fields,
        }),
        response: { 200: MatchingMembers },
      },
    },
    (request) => {
      const { query, fields } = request.body;
      return matchingMemberIds(
        deps.searchIndex,
        deps.context.database.db,
        wordsOf(query),
        chosenFields(fields),
        MATCHING_LIMIT,
      );
    },
  );

  app.post(
    '/staff/members/summaries',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Names and certificates of members by id, in the order asked',
        body: Type.Object({ ids: Type.Array(MemberId, { maxItems: 500 }) }),
        response: { 200: Type.Object({ data: Type.Array(MemberSummary) }) },
      },
    },
    async (request) => {
      // Prepared on the server: every page of staff's request list asks for one.
      const rows = await memberSummaries(deps.context.database.preparedDb, request.body.ids);
      return {
        data: rows.map((row) => ({
          id: row.id,
          first_name: row.firstName,
          middle_name: row.middleName,
          last_name: row.lastName,
          certificate: row.certificate,
        })),
      };
    },
  );

  app.get(
    '/staff/members/:id',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: "One member's card: profile, programs, documents, reported mistakes",
        params: Type.Object({ id: MemberId }),
        response: { 200: MemberCard },
      },
    },
    (request) => memberCard(deps, request.params.id),
  );

  app.patch(
    '/staff/members/:id',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Edit, approve, block or unblock a member',
        description:
          '`is_submited: true` approves: the pending program and documents become current (409 when there ' +
          'is no profile or no program to approve). `is_active: false` blocks the member. 400 for an ' +
          'invalid IBAN, tax number, phone or date; 422 when the phone or the certificate is another ' +
          "member's. Fields that equal the member's change nothing.",
        params: Type.Object({ id: MemberId }),
        body: MemberEditBody,
        response: { 200: StatusAnswer },
      },
    },
    async (request) => {
      const body = request.body;
      const profile: ProfileEdit = {
        firstName: body.first_name,
        middleName: body.middle_name,
        lastName: body.last_name,
        email: body.email,
        iban: body.iban,
        birthDate: birthDateOf(body.birth_date),
        certificate: body.certificate,
        passportData: body.passport_data,
        taxNumber: body.inn,
        phone: body.phone,
      };
      await updateMemberByStaff(deps, callerId(request), request.params.id, {
        profile: Object.fromEntries(Object.entries(profile).filter(([, value]) => value !== undefined)),
        ...(body.is_active === undefined ? {} : { isActive: body.is_active }),
        ...(body.is_submited === undefined ? {} : { isSubmitted: body.is_submited }),
        ...(body.approve_pending === undefined ? {} : { approvePending: body.approve_pending }),
      });
      return { status: 'success', message: 'Member updated' };
    },
  );

  app.post(
    '/staff/certificates',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'A new certificate number: unique and increasing',
        description: 'Only handed out: assign it with PATCH /staff/members/{id}.',
        response: { 200: Type.Object({ data: Type.String() }) },
      },
    },
    async () => ({ data: await generateCertificate(deps) }),
  );

  app.get(
    '/staff/members/:id/files/:name',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: "One of a member's files (a document or the photo)",
        description: 'With the type it was stored as; 404 for any name that is not this member’s file.',
        // Any text: a name that could never be a file is not found, not a bad request.
        params: Type.Object({ id: MemberId, name: Type.String() }),
        produces: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
      },
    },
    async (request, reply) => {
      const { id, name } = request.params;
      const file = await findMemberFile(deps.context.database.db, id, name);
      if (!file) throw fileNotFound();
      return sendStoredFile(reply, deps.files, file.name);
    },
  );
}
