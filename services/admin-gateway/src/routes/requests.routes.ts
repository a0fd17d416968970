import {
  AidRequestPage,
  MatchingMembers,
  PAYOUT_KINDS,
  RequestStatus,
  StaffAidRequest,
  StatusAnswer,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp, sendDownload } from '@kasa/http';
import { ClientAmount, ClientDay, dayOf, type GatewayContext, kopiykyOfField } from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { staffOnly } from '../access.ts';
import { SiteRequest, SiteRequestDetail, siteRequest, siteRequestDetail } from '../request-views.ts';
import { searchPayments, summariesFor } from '../service-calls.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });
const common = { tags: ['requests'], security: bearerSecurity };

const ListBody = Type.Object({
  query: Type.Optional(
    Type.String({ maxLength: 200, description: 'Words of the member’s name, tax number or certificate' }),
  ),
  date_start: Type.Optional(ClientDay),
  date_end: Type.Optional(ClientDay),
  status: Type.Optional(Type.Array(RequestStatus, { maxItems: 4, default: ['opened'] })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});
const SiteRequestPage = Type.Object({
  data: Type.Array(SiteRequest),
  total: Type.Integer(),
  total_exact: Type.Boolean({ description: 'false: more than `total` match' }),
});

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
          'the statuses (`opened` when omitted); the days of the last change, Kyiv time, both included.',
        body: ListBody,
        response: { 200: SiteRequestPage },
      },
    },
    async (request): Promise<Static<typeof SiteRequestPage>> => {
      const { query = '', status = ['opened'], limit = 50, offset = 0 } = request.body;
      const dateStart = dayOf('date_start', request.body.date_start);
      const dateEnd = dayOf('date_end', request.body.date_end);
      let memberIds: number[] | undefined;
      if (query.trim() !== '') {
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
      const page = await requests.request({
        method: 'POST',
        path: '/staff/requests/search',
        body: {
          ...(memberIds ? { member_ids: memberIds } : {}),
          statuses: status,
          ...(dateStart ? { date_start: dateStart } : {}),
          ...(dateEnd ? { date_end: dateEnd } : {}),
          limit,
          offset,
        },
        ...asCaller(request),
        response: AidRequestPage,
      });
      const names = await summariesFor(
        context,
        request,
        page.data.map(({ member_id }) => member_id),
      );
      return {
        data: page.data.map((one) => siteRequest(one, names.get(one.member_id) ?? null)),
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
        summary: 'One request: the conversation with internal notes, files, warnings and payouts',
        body: Type.Object({ request: Id, member: Type.Optional(Id) }),
        response: { 200: Type.Object({ data: SiteRequestDetail }) },
      },
    },
    async (request) => {
      const [card, payouts] = await Promise.all([
        requests.request({
          method: 'GET',
          path: `/staff/requests/${request.body.request}`,
          ...asCaller(request),
          response: StaffAidRequest,
        }),
        searchPayments(context, request, {
          request_ids: [request.body.request],
          kinds: PAYOUT_KINDS,
          limit: 1_000,
        }),
      ]);
      return { data: siteRequestDetail(card, payouts.data) };
    },
  );

  app.put(
    '/request',
    {
      ...staffOnly,
      schema: {
        ...common,
        summary: 'Set the diagnosis, the granted amount or the request text',
        description: '409 "Reopen the request to change it" when it is closed.',
        body: Type.Object({
          id: Id,
          request_text: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })),
          diagnos: Type.Optional(Type.String({ maxLength: 2000 })),
          suma: Type.Optional(ClientAmount),
          member: Type.Optional(Id),
        }),
        response: { 200: StatusAnswer },
      },
    },
    (request) => {
      const { id, request_text, diagnos, suma } = request.body;
      const grantedAmount = suma === undefined ? undefined : kopiykyOfField('suma', suma);
      return requests.request({
        method: 'PATCH',
        path: `/staff/requests/${id}`,
        body: {
          ...(request_text === undefined ? {} : { request_text }),
          ...(diagnos === undefined ? {} : { diagnosis: diagnos }),
          ...(grantedAmount === undefined ? {} : { granted_amount: grantedAmount }),
        },
        ...asCaller(request),
        response: StatusAnswer,
      });
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
          '(`internal: true`) is for staff only and changes nothing. 409 for an answer on a closed request.',
        body: Type.Object({
          request_id: Id,
          message: Type.String({ minLength: 1, maxLength: 5000 }),
          internal: Type.Optional(Type.Boolean()),
        }),
        response: { 200: StatusAnswer },
      },
    },
    (request) =>
      requests.request({
        method: 'POST',
        path: `/staff/requests/${request.body.request_id}/messages`,
        body: { message: request.body.message, internal: request.body.internal ?? false },
        ...asCaller(request),
        response: StatusAnswer,
      }),
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
