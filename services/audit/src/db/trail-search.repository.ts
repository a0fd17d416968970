import { TOTAL_COUNT_LIMIT } from '@kasa/contracts';
import type { Executor } from '@kasa/db';
import { and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { ChainedEntry } from '../domain/chain-hash.ts';
import { auditEvents } from './schema.ts';

/** What staff browse the trail by; each filter given narrows it (they combine with AND). */
export interface TrailFilter {
  /** Events about one object (`payment` and `42`), or about any of a kind. */
  object?: { kind: string; id?: string };
  /** Events that concern one member, whatever their object. */
  memberId?: number;
  /** Events one actor caused (`staff` and `3`), or any of a kind (`system`). */
  actor?: { kind: string; id?: string };
  types?: readonly string[];
  /** Occurred at or after this instant. */
  occurredFrom?: Date;
  /** Occurred before this instant. */
  occurredBefore?: Date;
}

function conditionsOf(filter: TrailFilter): SQL | undefined {
  const { object, actor } = filter;
  return and(
    object ? eq(auditEvents.objectKind, object.kind) : undefined,
    object?.id === undefined ? undefined : eq(auditEvents.objectId, object.id),
    filter.memberId === undefined ? undefined : eq(auditEvents.memberId, filter.memberId),
    actor ? eq(auditEvents.actorKind, actor.kind as ChainedEntry['actorKind']) : undefined,
    actor?.id === undefined ? undefined : eq(auditEvents.actorId, actor.id),
    filter.types?.length ? inArray(auditEvents.eventType, [...filter.types]) : undefined,
    filter.occurredFrom === undefined ? undefined : gte(auditEvents.occurredAt, filter.occurredFrom),
    filter.occurredBefore === undefined ? undefined : lt(auditEvents.occurredAt, filter.occurredBefore),
  );
}

/**
 * A page of the trail, latest occurred first (events reach the trail in any order across
 * services: the chain's order is not the story's), and how many match: counted up to
 * TOTAL_COUNT_LIMIT, as the trail only grows and counting all of it would cost more than the page.
 */
export async function searchTrail(
  db: Executor,
  filter: TrailFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ChainedEntry[]; total: number; totalExact: boolean }> {
  const where = conditionsOf(filter);
  const capped = db
    .select({ one: sql`1` })
    .from(auditEvents)
    .where(where)
    .limit(TOTAL_COUNT_LIMIT + 1)
    .as('capped');
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.sequence))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(capped),
  ]);
  const total = Number(counted?.total ?? 0);
  return total > TOTAL_COUNT_LIMIT
    ? { rows, total: TOTAL_COUNT_LIMIT, totalExact: false }
    : { rows, total, totalExact: true };
}
