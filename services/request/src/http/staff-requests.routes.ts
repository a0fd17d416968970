import {
  ADMIN_LIST_CAP,
  AidRequest,
  AidRequestPage,
  RequestCounts,
  StaffAidRequest,
  StatusAnswer,
} from '@kasa/contracts';
import { fileNotFound, sendStoredFile } from '@kasa/files/http';
import { badRequest, callerId, type HttpApp, staffMayAct } from '@kasa/http';
import { Type } from 'typebox';
import { postStaffMessage } from '../application/post-message.ts';
import { assessRequest } from '../application/staff-assess-request.ts';
import { closeOrReopenRequest } from '../application/staff-close-request.ts';
import { staffRequestCard } from '../application/staff-request-card.ts';
import { findRequests, requestRecords } from '../application/staff-search-requests.ts';
import { countRequestsByStatus } from '../db/request-counts.repository.ts';
import { findRequestFile } from '../db/request-files.repository.ts';
import type { RequestDeps } from '../deps.ts';
import { FileParams, MessageText, RECEIPT_TYPES, RequestId, Statuses } from './request-fields.ts';

const common = { tags: ['staff: requests'] };
const Params = Type.Object({ id: RequestId });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD, Kyiv' });

const SearchBody = Type.Object({
  member_ids: Type.Optional(Type.Array(RequestId, { maxItems: 5000 })),
  statuses: Type.Optional(Statuses),
  date_start: Type.Optional(Day),
  date_end: Type.Optional(Day),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: ADMIN_LIST_CAP })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 4_294_967_295 })),
});

const AssessBody = Type.Object(
  {
    request_text: Type.Optional(MessageText),
    diagnosis: Type.Optional(Type.String({ maxLength: 2000 })),
    granted_amount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'kopiyky' })),
  },
  { additionalProperties: false },
);

const ok = (message: string) => ({ status: 'success', message });

/** Staff's side of the requests: any staff role, as the admin gateway passes the user's token on. */
export function staffRequestRoutes(app: HttpApp, deps: RequestDeps): void {
  app.get(
    '/staff/requests/counts',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Requests by status, for the dashboard',
        response: { 200: RequestCounts },
      },
    },
    () => countRequestsByStatus(deps.database.db),
  );

  app.post(
    '/staff/requests/search',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'List requests, latest changed first',
        description:
          'Narrowed by members, statuses (all by default) and the Kyiv days they last changed on ' +
          '(`date_start` to `date_end`, both included).',
        body: SearchBody,
        response: { 200: AidRequestPage },
      },
    },
    (request) => {
      const { member_ids, statuses, date_start, date_end, limit = 50, offset = 0 } = request.body;
      return findRequests(deps, {
        memberIds: member_ids,
        statuses,
        dateStart: date_start,
        dateEnd: date_end,
        limit,
        offset,
      });
    },
  );

  app.post(
    '/staff/requests/records',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Requests by id with their files, in the order asked (unknown ids left out)',
        description: 'For the lists whose rows nest a request (the payment register).',
        body: Type.Object({ ids: Type.Array(RequestId, { maxItems: ADMIN_LIST_CAP }) }),
        response: { 200: Type.Object({ data: Type.Array(AidRequest) }) },
      },
    },
    async (request) => ({ data: await requestRecords(deps, request.body.ids) }),
  );

  app.get(
    '/staff/requests/:id',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'One request: files, the whole conversation with internal notes, and flags',
        params: Params,
        response: { 200: StaffAidRequest },
      },
    },
    (request) => staffRequestCard(deps, request.params.id),
  );

  app.patch(
    '/staff/requests/:id',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Set the diagnosis and the granted amount, or correct the request’s text',
        description: '`granted_amount` in kopiyky. 409 when the request is closed: reopen it first.',
        params: Params,
        body: AssessBody,
        response: { 200: StatusAnswer },
      },
    },
    async (request) => {
      const { request_text, diagnosis, granted_amount } = request.body;
      if (request_text === undefined && diagnosis === undefined && granted_amount === undefined)
        throw badRequest('Give at least one of request_text, diagnosis, granted_amount', 'nothing_to_change');
      await assessRequest(deps, callerId(request), request.params.id, {
        ...(request_text === undefined ? {} : { requestText: request_text.trim() }),
        ...(diagnosis === undefined ? {} : { diagnosis: diagnosis.trim() }),
        ...(granted_amount === undefined ? {} : { grantedAmount: granted_amount }),
      });
      return ok('Request updated');
    },
  );

  app.post(
    '/staff/requests/:id/messages',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Write to the member, or leave an internal note',
        description:
          'A message to the member makes the request wait on them (409 when it is closed); an internal ' +
          'note (`internal: true`) is for staff alone, on any request, and changes no status.',
        params: Params,
        body: Type.Object({ message: MessageText, internal: Type.Optional(Type.Boolean()) }),
        response: { 200: StatusAnswer },
      },
    },
    async (request) => {
      const { message, internal = false } = request.body;
      await postStaffMessage(deps, callerId(request), request.params.id, message.trim(), internal);
      return ok(internal ? 'Note added' : 'Message added');
    },
  );

  for (const action of ['close', 'reopen'] as const) {
    app.post(
      `/staff/requests/:id/${action}`,
      {
        ...staffMayAct,
        schema: {
          ...common,
          summary: action === 'close' ? 'Close a request' : 'Reopen a closed request',
          description:
            action === 'close'
              ? '409 when it is already closed.'
              : 'It then waits on staff; 409 when it is not closed.',
          params: Params,
          response: { 200: StatusAnswer },
        },
      },
      async (request) => {
        await closeOrReopenRequest(deps, callerId(request), request.params.id, action);
        return ok(action === 'close' ? 'Request closed' : 'Request reopened');
      },
    );
  }

  app.get(
    '/staff/requests/:id/files/:name',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'One of a request’s files',
        description: 'With the type it was stored as; 404 for any name that is not this request’s file.',
        params: FileParams,
        produces: RECEIPT_TYPES,
      },
    },
    async (request, reply) => {
      const { id, name } = request.params;
      const file = await findRequestFile(deps.database.db, id, name);
      if (!file) throw fileNotFound();
      return sendStoredFile(reply, deps.files, file.name);
    },
  );
}
