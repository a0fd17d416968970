import type { EventOf } from '../define-event.ts';
import * as auth from './auth.ts';
import * as member from './member.ts';
import * as payment from './payment.ts';
import * as request from './request.ts';
import * as system from './system.ts';

export * from './auth.ts';
export { CalendarDate, Currency, Id, Money, Phone, Timestamp } from './fields.ts';
export * from './member.ts';
export * from './payment.ts';
export * from './request.ts';
export * from './system.ts';

const definitions = { ...system, ...auth, ...member, ...request, ...payment };
type Definitions = typeof definitions;
type DefinitionValues = Definitions[keyof Definitions];
type EventDefinitions = Extract<DefinitionValues, { type: string; envelope: unknown }>;

/** Every event of Kasa by its type: the one place a consumer looks one up. */
export const EVENTS = Object.fromEntries(
  Object.values(definitions)
    .filter(
      (value): value is EventDefinitions =>
        typeof value === 'object' && value !== null && 'envelope' in value,
    )
    .map((definition) => [definition.type, definition]),
) as { [D in EventDefinitions as D['type']]: D };

export type EventType = keyof typeof EVENTS;

/** Any event of Kasa, as a union a `switch` on `type` narrows to the event's own data. */
export type KasaEvent = { [T in EventType]: EventOf<(typeof EVENTS)[T]> }[EventType];

/** Types whose outbox rows are deleted as soon as the broker has them. */
export const SENSITIVE_EVENT_TYPES: ReadonlySet<string> = new Set(
  Object.values(EVENTS)
    .filter((definition) => definition.sensitive)
    .map((definition) => definition.type),
);
