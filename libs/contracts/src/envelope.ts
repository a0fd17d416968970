import { type Static, type TObject, Type } from 'typebox';

export const Actor = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('member'),
      Type.Literal('staff'),
      Type.Literal('system'),
      Type.Literal('provider'),
    ]),
    id: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type Actor = Static<typeof Actor>;

/** Every message on the bus: the metadata below around the event's own `data`. */
export const envelopeOf = <T extends string, D extends TObject>(type: T, version: number, data: D) =>
  Type.Object({
    id: Type.String({ format: 'uuid' }),
    type: Type.Literal(type),
    version: Type.Literal(version),
    occurredAt: Type.String({ format: 'date-time' }),
    /** The object the event is about; events of one aggregate are published in commit order. */
    aggregateId: Type.String({ minLength: 1, maxLength: 64 }),
    actor: Actor,
    correlationId: Type.Optional(Type.String({ maxLength: 64 })),
    data,
  });

export const SYSTEM: Actor = { kind: 'system' };
/** A member acting on their own data. */
export const memberActor = (memberId: number): Actor => ({ kind: 'member', id: String(memberId) });
/** A staff user, by their id in the auth service. */
export const staffActor = (staffId: number): Actor => ({ kind: 'staff', id: String(staffId) });
