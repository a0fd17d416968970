import type { AuditObjectKind, EventType } from '@kasa/contracts';

/**
 * Which object an event is about, from its type: the part before the dot names the
 * aggregate, except where the same object goes by two names (a payout is a payment row, a
 * membership is the member's).
 */
const KIND_OF_PREFIX: Record<string, AuditObjectKind> = {
  auth: 'member',
  staff: 'staff_user',
  member: 'member',
  membership: 'member',
  program: 'program',
  payment: 'payment',
  payout: 'payment',
  subscription: 'subscription',
  request: 'request',
  system: 'probe',
};

/**
 * Events whose aggregate id is not an id: a sign-in code is keyed by the phone it goes to,
 * which the trail must never keep, so its object is the sign request instead.
 */
const OBJECT_FROM_DATA: Partial<Record<EventType, { kind: AuditObjectKind; idField: string }>> = {
  'auth.sign_code_requested': { kind: 'sign_request', idField: 'signRequestId' },
  // The switch-over's one entry is about its run, not a probe.
  'system.seed_imported': { kind: 'import', idField: 'runId' },
};

/**
 * Our ids are integers or UUIDs. Anything else in an id's place (a phone, an email) is kept as
 * no id at all rather than risk storing a personal value in a table nobody may edit.
 */
const IDENTIFIER = /^(?:[0-9]{1,19}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export interface AuditObject {
  kind: string;
  id: string | null;
  /** The member the event concerns, when its data names one: "the whole story of a member". */
  memberId: number | null;
}

export function objectOf(event: { type: string; aggregateId: string; data: unknown }): AuditObject {
  const data = isRecord(event.data) ? event.data : {};
  const fromData = OBJECT_FROM_DATA[event.type as EventType];
  const prefix = event.type.slice(0, event.type.indexOf('.'));
  const kind = fromData?.kind ?? KIND_OF_PREFIX[prefix] ?? prefix;
  const id = fromData ? String(data[fromData.idField] ?? '') : event.aggregateId;
  return { kind, id: IDENTIFIER.test(id) ? id : null, memberId: memberIdOf(data) };
}

/** The kind of object events of a type are about, whatever their data. */
export function objectKindOf(type: string): string {
  return objectOf({ type, aggregateId: '', data: {} }).kind;
}

function memberIdOf(data: Record<string, unknown>): number | null {
  const { memberId } = data;
  return typeof memberId === 'number' && Number.isSafeInteger(memberId) && memberId > 0 ? memberId : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
