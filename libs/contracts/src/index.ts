export { type DataOf, defineEvent, type EventDefinition, type EventOf } from './define-event.ts';
export { Actor, envelopeOf, memberActor, SYSTEM, staffActor } from './envelope.ts';
export * from './events/index.ts';
export {
  IdentityDocument,
  MatchingMembers,
  MemberCard,
  MemberProfile,
  MemberRecord,
  MemberSummary,
  MessageAnswer,
  Nullable,
  ProfileCorrection,
  Program,
  StatusAnswer,
  StoredFileName,
} from './http/members.ts';
export {
  Contribution,
  CurrentSubscription,
  isPayout,
  KyivDay,
  LiqPayCheckout,
  PAYMENT_STATES,
  PAYMENT_TYPES,
  PAYOUT_KINDS,
  type PaymentKindName,
  PaymentPage,
  PaymentRecord,
  PaymentStateName,
  type PaymentType,
  PaymentTypeView,
  type PayoutKind,
  paymentTypeById,
  paymentTypeOf,
  SubscriptionCheckout,
} from './http/payments.ts';
export {
  AidRequest,
  AidRequestDetail,
  AidRequestPage,
  RequestFile,
  RequestFlags,
  RequestMessage,
  StaffAidRequest,
  TOTAL_COUNT_LIMIT,
} from './http/requests.ts';
export { calendarDateOfSeedDate, SeedDate, seedDateOf, seedDateOfCalendarDate } from './http/seed-dates.ts';
export { StaffRole, StaffUser, TokenPair } from './http/sign-in.ts';
export { addCalendarDays, calendarDay, kyivDateOf, kyivDayStart } from './kyiv-calendar.ts';
export { hryvniasOf, kopiykyOf } from './money.ts';
export { EVENTS_EXCHANGE, SERVICES, type ServiceName, SUBSCRIPTIONS, type Subscription } from './topology.ts';
