export { type DataOf, defineEvent, type EventDefinition, type EventOf } from './define-event.ts';
export { Actor, envelopeOf, SYSTEM } from './envelope.ts';
export * from './events/index.ts';
export { StaffRole, StaffUser, TokenPair } from './http/sign-in.ts';
export { EVENTS_EXCHANGE, SERVICES, type ServiceName, SUBSCRIPTIONS, type Subscription } from './topology.ts';
