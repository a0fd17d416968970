import {
  ActorKindName,
  AUDIT_OBJECT_KINDS,
  AuditChainReport,
  AuditPage,
  AuditRecordChecked,
} from '@kasa/contracts';
import { asCaller, badRequest, bearerSecurity, type HttpApp } from '@kasa/http';
import { ClientInstant, type GatewayContext, instantOf } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import { type Static, type TNull, type TSchema, type TUnion, Type } from 'typebox';
import { adminOnly } from '../access.ts';
import { SiteAuditEvent, siteAuditEvent } from './audit.view.ts';

const common = { tags: ['audit'], security: bearerSecurity };

const OBJECT = /^([a-z_]{1,32})(?::([A-Za-z0-9-]{1,64}))?$/;
const ACTOR = /^(member|staff|system|provider)(?::([A-Za-z0-9-]{1,64}))?$/;
const ACTOR_KINDS = ActorKindName.anyOf.map((literal) => literal.const);

const INSTANT = 'an ISO timestamp with its zone (2026-08-24T09:30:00Z, …+03:00), or a Kyiv day dd.mm.yyyy';

/** The filters, by query string (GET) or in a body (POST). */
const FilterFields = {
  object: Type.String({
    pattern: OBJECT.source,
    description: `\`kind:id\` for one object (\`payment:42\`), or a kind for all of it: ${AUDIT_OBJECT_KINDS.join(', ')}`,
  }),
  member: Type.Integer({
    minimum: 1,
    maximum: 4_294_967_295,
    description: 'every event that concerns this member',
  }),
  actor: Type.String({
    pattern: ACTOR.source,
    description: `\`kind:id\` for one actor (\`staff:3\`, \`member:7\`), or a kind: ${ACTOR_KINDS.join(', ')}`,
  }),
  type: Type.Array(Type.String({ maxLength: 100 }), {
    maxItems: 100,
    description: 'event types (`payment.confirmed`); `?type=a&type=b` in a query string',
  }),
  from: { ...ClientInstant, description: `${INSTANT}; included` },
  to: { ...ClientInstant, description: `${INSTANT}; included (a day: all of it)` },
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, description: '0 when left out' }),
  limit: Type.Integer({ minimum: 1, maximum: 500, description: '50 when left out' }),
};

/**
 * The same fields, each also taking null: the admin site sends null for "any". Null comes first:
 * the validator coerces types, and tried against an array first a null would become `[""]`.
 */
function orNull<T extends Record<string, TSchema>>(fields: T) {
  return Object.fromEntries(
    Object.entries(fields).map(([name, schema]) => [name, Type.Union([Type.Null(), schema])]),
  ) as { [K in keyof T]: TUnion<[TNull, T[K]]> };
}

const Query = Type.Partial(Type.Object(FilterFields));
const Body = Type.Partial(Type.Object(orNull(FilterFields)));
type Filter = Static<typeof Body>;

const SitePage = Type.Object({
  status: Type.String(),
  data: Type.Array(SiteAuditEvent),
  total: Type.Integer(),
  total_exact: Type.Boolean({ description: 'false: more than `total` match' }),
});
const SiteOne = Type.Object({ status: Type.String(), data: SiteAuditEvent });

/** `payment:42` → the audit service's object filter. */
function kindAndId(field: string, text: string, pattern: RegExp) {
  const match = pattern.exec(text);
  if (!match) throw badRequest(`Field '${field}' is not kind or kind:id`, 'invalid_filter');
  return { kind: match[1]!, id: match[2] };
}

/** The site's filter in the audit service's terms: instants in UTC, the kinds and ids apart. */
function searchOf(filter: Filter) {
  const object = filter.object ? kindAndId('object', filter.object, OBJECT) : undefined;
  const actor = filter.actor ? kindAndId('actor', filter.actor, ACTOR) : undefined;
  const from = instantOf('from', filter.from, 'start');
  const to = instantOf('to', filter.to, 'end');
  return {
    ...(object ? { object_kind: object.kind, ...(object.id ? { object_id: object.id } : {}) } : {}),
    ...(filter.member ? { member_id: filter.member } : {}),
    ...(actor ? { actor_kind: actor.kind, ...(actor.id ? { actor_id: actor.id } : {}) } : {}),
    ...(filter.type?.length ? { types: filter.type } : {}),
    ...(from ? { occurred_from: from.toISOString() } : {}),
    ...(to ? { occurred_before: to.toISOString() } : {}),
    offset: filter.offset ?? 0,
    limit: filter.limit ?? 50,
  };
}

/**
 * The audit log (administrators only): who did what to which object, and when, with the names
 * of what changed. The same filters by query string or in a body.
 */
export function auditRoutes(app: HttpApp, context: GatewayContext): void {
  const { audit } = context.services;

  async function page(request: FastifyRequest, filter: Filter): Promise<Static<typeof SitePage>> {
    const found = await audit.request({
      method: 'POST',
      path: '/staff/audit/search',
      body: searchOf(filter),
      ...asCaller(request),
      response: AuditPage,
    });
    return {
      status: 'success',
      data: found.data.map(siteAuditEvent),
      total: found.total,
      total_exact: found.total_exact,
    };
  }

  const description =
    'Latest occurred first. Filters combine with AND: `object` (`payment:42`, or a kind), `member` (every event that ' +
    'concerns the member: their whole story), `actor` (`staff:3`, or a kind), `type` (event types), and ' +
    '`from`/`to` (ISO timestamps with a zone, or Kyiv days dd.mm.yyyy, both included). Events keep ids and ' +
    'the names of what changed, never the values. 403 unless the caller is an administrator.';

  app.get(
    '/audit',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'The audit log (administrators)',
        description,
        querystring: Query,
        response: { 200: SitePage },
      },
    },
    (request) => page(request, request.query),
  );

  app.post(
    '/audit',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'The audit log, filters in the body (administrators)',
        description,
        body: Body,
        response: { 200: SitePage },
      },
    },
    (request) => page(request, request.body ?? {}),
  );

  app.get(
    '/audit/chain',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'The whole audit chain verified (administrators)',
        description:
          'Every event walked in order and its hash recomputed, as `./kasa audit-verify` does: intact up to ' +
          'its head, or the first position that breaks it and why.',
        response: { 200: Type.Object({ status: Type.Literal('success'), data: AuditChainReport }) },
      },
    },
    async (request) => ({
      status: 'success' as const,
      data: await audit.request({
        method: 'GET',
        path: '/staff/audit/chain',
        ...asCaller(request),
        response: AuditChainReport,
      }),
    }),
  );

  app.get(
    '/audit/:sequence',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'One audit event, its hash checked (administrators)',
        description:
          'Whether the event still hashes to what it stores and links to the one before. 404 when no event has ' +
          'that position. The whole chain is proved by `./kasa audit-verify`.',
        params: Type.Object({ sequence: Type.Integer({ minimum: 1 }) }),
        response: { 200: SiteOne },
      },
    },
    async (request): Promise<Static<typeof SiteOne>> => {
      const checked = await audit.request({
        method: 'GET',
        path: `/staff/audit/events/${request.params.sequence}`,
        ...asCaller(request),
        response: AuditRecordChecked,
      });
      return { status: 'success', data: siteAuditEvent(checked) };
    },
  );
}
