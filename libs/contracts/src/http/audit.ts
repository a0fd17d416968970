import { type Static, Type } from 'typebox';
import { Actor } from '../envelope.ts';
import { Nullable } from './members.ts';

/**
 * Shapes the audit service answers and the admin gateway passes on. The trail keeps names and
 * ids only: what happened to which object, by whom, and the names of what changed.
 */

/** What an audit event is about: the kind of object its type names. */
export const AUDIT_OBJECT_KINDS = [
  'member',
  'staff_user',
  'sign_request',
  'program',
  'payment',
  'subscription',
  'request',
  'probe',
  'import',
] as const;
export type AuditObjectKind = (typeof AUDIT_OBJECT_KINDS)[number];
export const AuditObjectKindName = Type.Enum(AUDIT_OBJECT_KINDS);

export type ActorKind = Static<typeof Actor>['kind'];
export const ActorKindName = Actor.properties.kind;

/** Hex SHA-256. */
const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });

/** One event of the trail, at its position in the chain. */
export const AuditRecord = Type.Object({
  sequence: Type.Integer({ minimum: 1, description: 'the position in the chain, from 1' }),
  event_id: Type.String(),
  type: Type.String({ description: 'the event type, e.g. `payment.confirmed`' }),
  version: Type.Integer(),
  object: Type.Object({
    kind: Type.String(),
    id: Nullable(Type.String({ description: 'null when the event named it by something other than an id' })),
  }),
  member_id: Nullable(Type.Integer({ description: 'the member the event concerns, when it names one' })),
  actor: Type.Object({ kind: ActorKindName, id: Nullable(Type.String()) }),
  fields: Type.Array(Type.String(), {
    description: 'the names of what the event says changed, never values',
  }),
  occurred_at: Type.String({ format: 'date-time', description: 'when it happened (UTC)' }),
  recorded_at: Type.String({ format: 'date-time', description: 'when the trail recorded it (UTC)' }),
  previous_hash: Hash,
  hash: Hash,
});
export type AuditRecord = Static<typeof AuditRecord>;

/** A page of the trail, newest first. */
export const AuditPage = Type.Object({
  data: Type.Array(AuditRecord),
  /** How many match, counted up to TOTAL_COUNT_LIMIT. */
  total: Type.Integer({ minimum: 0 }),
  /** False when more match than were counted: `total` is then a lower bound. */
  total_exact: Type.Boolean(),
});

/** One event with what its own hash and its link to the one before say. */
export const AuditRecordChecked = Type.Object({
  ...AuditRecord.properties,
  verification: Type.Object({
    hash_matches: Type.Boolean({ description: 'the stored hash is the hash of what the row says' }),
    follows_previous: Type.Boolean({
      description: "previous_hash is the hash of the event before (or the chain's start)",
    }),
  }),
});

/**
 * The whole trail walked in order and every hash recomputed, as `./kasa audit-verify` does:
 * intact up to its head, or the first position that breaks it.
 */
export const AuditChainReport = Type.Object({
  intact: Type.Boolean(),
  count: Type.Integer({ minimum: 0, description: 'entries that hold, in order, before any break' }),
  head: Type.Union(
    [Type.Object({ sequence: Type.Integer({ minimum: 0 }), hash: Type.String() }), Type.Null()],
    {
      description: 'the last entry, when the chain is intact',
    },
  ),
  break: Type.Union(
    [
      Type.Object({
        position: Type.Integer({ minimum: 1 }),
        reason: Type.Union([
          Type.Literal('missing'),
          Type.Literal('unlinked'),
          Type.Literal('altered'),
          Type.Literal('head'),
        ]),
        detail: Type.String(),
      }),
      Type.Null(),
    ],
    { description: 'the first entry that cannot be trusted, when it is not' },
  ),
});
