import {
  ADMIN_LIST_CAP,
  AdminRequestAnswer,
  AdminRequestMessageAnswer,
  AdminRequestNotFound,
  AdminRequestsAnswer,
  AdminRequestUpdateAnswer,
  AidRequestPage,
  MatchingMembers,
  Nullable,
  PAYOUT_KINDS,
  RequestStatus,
  StaffAidRequest,
  StatusAnswer,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp, isAppError, notFound, sendDownload } from '@kasa/http';
import {
  ClientAmount,
  ClientDay,
  dayOf,
  type GatewayContext,
  kopiykyOfField,
  staffUserRowsFor,
} from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { staffOnly } from '../access.ts';
import { memberRowOrStandIn } from '../member-stand-in.ts';
import { memberRowsFor, searchPayments } from '../service-calls.ts';
import { adminPaymentRows } from './payment.view.ts';
import { adminRequestCard, adminRequestListRow } from './request.view.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const common = { tags: ['requests'], security: bearerSecurity };

const ListBody = Type.Object({
  query: Type.Optional(
    Nullable(
      Type.String({ maxLength: 200, description: 'Words of the member’s name, tax number or certificate' }),
    ),
  ),
  date_start: Type.Optional(Nullable(ClientDay)),
  date_end: Type.Optional(Nullable(ClientDay)),
  status: Type.Optional(Type.Array(RequestStatus, { maxItems: 4, default: ['opened'] })),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: ADMIN_LIST_CAP,
      description: `a page of this many; without it, every match up to ${ADMIN_LIST_CAP}`,
    }),
  ),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});

/** The seed's words for an unknown request, in place of the request service's English. */
async function unknownRequestAs<T>(message: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isAppError(error) && error.statusCode === 404) throw notFound(message, error.code);
    throw error;
  }
}

/** SPEC §7 rows 18–21, and closing and reopening a request. */
export function requestRoutes(app: HttpApp, context: GatewayContext): void {
  const { request: requests, member } = context.services;

  app.post(
    '/requests',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: "Members' requests, latest changed first",
        description:
          'Filters combine with AND: every word of `query` in the member’s name, tax number or certificate; ' +
          'the statuses (`opened` when omitted); the days of the last change, Kyiv time, both included. ' +
          `Without \`limit\`, every match up to ${ADMIN_LIST_CAP} (the seed never paged this list).`,
        body: ListBody,
        response: { 200: AdminRequestsAnswer },
      },
    },
    async (request): Promise<Static<typeof AdminRequestsAnswer>> => {
      const { query, status, limit = ADMIN_LIST_CAP, offset = 0 } = request.body;
      const dateStart = dayOf('date_start', request.body.date_start);
      const dateEnd = dayOf('date_end', request.body.date_end);
      let memberIds: number[] | undefined;
      if (query && query.trim() !== '') {
        const matching = await member.request({
          method: 'POST',
          path: '/staff/members/matching',
          body: { query, fields: { name: true, inn: true, certificate: true } },
          ...asCaller(request),
          response: MatchingMembers,
        });
        if (matching.ids.length === 0) return { data: [], total: 0, total_exact: true };
        memberIds = matching.ids;
      }
      const page: Static<typeof AidRequestPage> = await requests.request({
        method: 'POST',
        path: '/staff/requests/search',
        body: {
          ...(memberIds ? { member_ids: memberIds } : {}),
          statuses: status ?? ['opened'],
          ...(dateStart ? { date_start: dateStart } : {}),
          ...(dateEnd ? { date_end: dateEnd } : {}),
          limit,
          offset,
        },
        ...asCaller(request),
        response: AidRequestPage,
      });
      const members = await memberRowsFor(
        context,
        request,
        page.data.map(({ member_id }) => member_id),
      );
      return {
        data: page.data.map((one) =>
          adminRequestListRow(one, memberRowOrStandIn(members, one.member_id, one.created)),
        ),
        total: page.total,
        total_exact: page.total_exact,
      };
    },
  );

  app.post(
    '/request',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'One request: the conversation with internal notes, files, payouts, warnings',
        description: '404 `Вказаний запит не знайдено` for an unknown request. `member` is not needed.',
        body: Type.Object({ request: Id, member: Type.Optional(Nullable(Id)) }),
        response: { 200: AdminRequestAnswer, 404: AdminRequestNotFound },
      },
    },
    async (request): Promise<Static<typeof AdminRequestAnswer>> => {
      const [card, payouts] = await Promise.all([
        unknownRequestAs(
          'Вказаний запит не знайдено',
          requests.request({
            method: 'GET',
            path: `/staff/requests/${request.body.request}`,
            ...asCaller(request),
            response: StaffAidRequest,
          }),
        ),
        searchPayments(context, request, {
          request_ids: [request.body.request],
          kinds: PAYOUT_KINDS,
          limit: 1_000,
        }),
      ]);
      const [members, users] = await Promise.all([
        memberRowsFor(context, request, [card.member_id]),
        staffUserRowsFor(
          context,
          request,
          card.messages.map(({ user_id }) => user_id),
        ),
      ]);
      const charges = await adminPaymentRows(context, request, payouts.data, members);
      const member = memberRowOrStandIn(members, card.member_id, card.created);
      return { data: adminRequestCard(card, { member, users, charges }) };
    },
  );

  app.put(
    '/request',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'Set the diagnosis, the granted amount or the request text',
        description:
          '404 `Запит не знайдено` for an unknown request; 409 "Reopen the request to change it" when it is closed. ' +
          '`member` is not needed.',
        body: Type.Object({
          id: Id,
          request_text: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
          diagnos: Type.Optional(Type.String({ maxLength: 2000 })),
          suma: Type.Optional(ClientAmount),
          member: Type.Optional(Nullable(Id)),
        }),
        response: { 200: AdminRequestUpdateAnswer, 404: AdminRequestNotFound },
      },
    },
    async (request): Promise<Static<typeof AdminRequestUpdateAnswer>> => {
      const { id, request_text, diagnos, suma } = request.body;
      const grantedAmount = suma === undefined ? undefined : kopiykyOfField('suma', suma);
      await unknownRequestAs(
        'Запит не знайдено',
        requests.request({
          method: 'PATCH',
          path: `/staff/requests/${id}`,
          body: {
            ...(request_text === undefined ? {} : { request_text }),
            ...(diagnos === undefined ? {} : { diagnosis: diagnos }),
            ...(grantedAmount === undefined ? {} : { granted_amount: grantedAmount }),
          },
          ...asCaller(request),
          response: StatusAnswer,
        }),
      );
      return { status: 'success', message: 'Запит успішно оновлено' };
    },
  );

  app.post(
    '/request/message',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'Answer the member, or leave an internal note',
        description:
          'An answer makes the request wait for the member (`awaiting_client`); an internal note ' +
          '(`internal: true`) is for staff only and changes nothing. 404 `Запит не знайдено` for an ' +
          'unknown request; 409 for an answer on a closed request.',
        body: Type.Object({
          request_id: Id,
          message: Type.String({ minLength: 1, maxLength: 5000 }),
          internal: Type.Optional(Type.Boolean()),
        }),
        response: { 200: AdminRequestMessageAnswer, 404: AdminRequestNotFound },
      },
    },
    async (request): Promise<Static<typeof AdminRequestMessageAnswer>> => {
      const internal = request.body.internal ?? false;
      await unknownRequestAs(
        'Запит не знайдено',
        requests.request({
          method: 'POST',
          path: `/staff/requests/${request.body.request_id}/messages`,
          body: { message: request.body.message, internal },
          ...asCaller(request),
          response: StatusAnswer,
        }),
      );
      return { status: 'success', message: internal ? 'Нотатку додано' : 'Повідомлення додано' };
    },
  );

  for (const [action, summary] of [
    ['close', 'Close a request'],
    ['reopen', 'Reopen a closed request; it then waits for staff'],
  ] as const) {
    app.post(
      `/request/${action}`,
      {
        ...staffOnly,
        schema: {
          ...common,
          summary,
          body: Type.Object({ request_id: Id }),
          response: { 200: StatusAnswer },
        },
      },
      (request) =>
        requests.request({
          method: 'POST',
          path: `/staff/requests/${request.body.request_id}/${action}`,
          ...asCaller(request),
          response: StatusAnswer,
        }),
    );
  }

  app.get(
    '/request/:id/files/:filename',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: "One of a request's files",
        params: Type.Object({ id: Id, filename: Type.String({ maxLength: 256 }) }),
        produces: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
      },
    },
    (request, reply) =>
      sendDownload(
        reply,
        requests.download({
          path: `/staff/requests/${request.params.id}/files/${encodeURIComponent(request.params.filename)}`,
          ...asCaller(request),
        }),
      ),
  );
}
