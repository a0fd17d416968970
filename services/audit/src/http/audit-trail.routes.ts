import {
  ActorKindName,
  AUDIT_OBJECT_KINDS,
  AuditChainReport,
  AuditPage,
  AuditRecordChecked,
  EVENTS,
} from '@kasa/contracts';
import type { Database } from '@kasa/db';
import { administratorsOnly, badRequest, type HttpApp, notFound } from '@kasa/http';
import { type Static, Type } from 'typebox';
import { checkedEntry } from '../application/checked-entry.ts';
import { verifyChain } from '../application/verify-chain.ts';
import { searchTrail, type TrailFilter } from '../db/trail-search.repository.ts';
import { auditRecord } from './audit-record.view.ts';

export interface AuditDeps {
  database: Database;
}

const common = { tags: ['staff: audit'] };

const ObjectKind = Type.String({
  pattern: '^[a-z_]{1,32}$',
  description: `the kind of object: ${AUDIT_OBJECT_KINDS.join(', ')}`,
});
const AnId = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });
const EventTypeName = Type.String({
  pattern: '^[a-z_]{1,40}\\.[a-z_]{1,60}$',
  description: `an event type: ${Object.keys(EVENTS).join(', ')}`,
});

export const TrailSearch = Type.Object({
  object_kind: Type.Optional(ObjectKind),
  object_id: Type.Optional({ ...AnId, description: 'with `object_kind`: one object' }),
  member_id: Type.Optional(Type.Integer({ minimum: 1, maximum: 4_294_967_295 })),
  actor_kind: Type.Optional(ActorKindName),
  actor_id: Type.Optional({ ...AnId, description: 'with `actor_kind`: one actor' }),
  types: Type.Optional(Type.Array(EventTypeName, { maxItems: 100 })),
  occurred_from: Type.Optional(Type.String({ format: 'date-time', description: 'included' })),
  occurred_before: Type.Optional(Type.String({ format: 'date-time', description: 'excluded' })),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
});

function filterOf(search: Static<typeof TrailSearch>): TrailFilter {
  if (search.object_id !== undefined && search.object_kind === undefined)
    throw badRequest("Field 'object_id' needs 'object_kind'", 'object_kind_required');
  if (search.actor_id !== undefined && search.actor_kind === undefined)
    throw badRequest("Field 'actor_id' needs 'actor_kind'", 'actor_kind_required');
  return {
    ...(search.object_kind === undefined
      ? {}
      : {
          object: {
            kind: search.object_kind,
            ...(search.object_id === undefined ? {} : { id: search.object_id }),
          },
        }),
    ...(search.member_id === undefined ? {} : { memberId: search.member_id }),
    ...(search.actor_kind === undefined
      ? {}
      : {
          actor: {
            kind: search.actor_kind,
            ...(search.actor_id === undefined ? {} : { id: search.actor_id }),
          },
        }),
    ...(search.types?.length ? { types: search.types } : {}),
    ...(search.occurred_from === undefined ? {} : { occurredFrom: new Date(search.occurred_from) }),
    ...(search.occurred_before === undefined ? {} : { occurredBefore: new Date(search.occurred_before) }),
  };
}

/** The trail for administrators: browsing it, and one event with its hash checked. Staff tokens only. */
export function auditTrailRoutes(app: HttpApp, deps: AuditDeps): void {
  const { db } = deps.database;

  app.post(
    '/staff/audit/search',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'The audit trail, latest occurred first (administrators)',
        description:
          'Every filter given narrows the list (AND): an object (its kind, or kind and id), the member an event ' +
          'concerns, the actor (kind, or kind and id), event types, and when the events occurred. Counted up to ' +
          '10,000 (`total_exact: false` beyond).',
        body: TrailSearch,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const { body } = request;
      const found = await searchTrail(db, filterOf(body), { offset: body.offset, limit: body.limit });
      return { data: found.rows.map(auditRecord), total: found.total, total_exact: found.totalExact };
    },
  );

  app.get(
    '/staff/audit/chain',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'The whole trail verified, as `./kasa audit-verify` does (administrators)',
        description:
          'Walks every event in order, a page at a time, and recomputes each hash: intact up to the head read ' +
          'when the walk began, or the first position that breaks the chain and why.',
        response: { 200: AuditChainReport },
      },
    },
    async (): Promise<Static<typeof AuditChainReport>> => {
      const report = await verifyChain(db);
      return report.intact
        ? { intact: true, count: report.count, head: report.head, break: null }
        : { intact: false, count: report.count, head: null, break: report.break };
    },
  );

  app.get(
    '/staff/audit/events/:sequence',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'One event of the trail, its hash checked (administrators)',
        description:
          'Whether the stored hash is the hash of what the event says, and whether it links to the event ' +
          'before it. The whole chain is proved by `./kasa audit-verify`. 404 when no event has that position.',
        params: Type.Object({ sequence: Type.Integer({ minimum: 1 }) }),
        response: { 200: AuditRecordChecked },
      },
    },
    async (request) => {
      const checked = await checkedEntry(db, request.params.sequence);
      if (!checked) throw notFound('No audit event at that position', 'audit_event_not_found');
      return {
        ...auditRecord(checked.entry),
        verification: { hash_matches: checked.hashMatches, follows_previous: checked.followsPrevious },
      };
    },
  );
}
