export * from './clients/index.ts';
export { type DataOf, defineEvent, type EventDefinition, type EventOf } from './define-event.ts';
export { Actor, envelopeOf, memberActor, SYSTEM, staffActor } from './envelope.ts';
export * from './events/index.ts';
export {
  type ActorKind,
  ActorKindName,
  AUDIT_OBJECT_KINDS,
  AuditChainReport,
  type AuditObjectKind,
  AuditObjectKindName,
  AuditPage,
  AuditRecord,
  AuditRecordChecked,
} from './http/audit.ts';
export {
  CONTRIBUTION_CHART_DAYS,
  ContributionTotals,
  DeliveryHealth,
  MemberCounts,
  RequestCounts,
} from './http/dashboard.ts';
export {
  type FormError,
  formRejectionOf,
  LIQPAY_CALLBACK_FORM_MAX_BYTES,
  LIQPAY_CALLBACK_LIMITS,
  LIQPAY_CALLBACK_REJECTIONS,
  LiqPayCallbackForm,
  type LiqPayCallbackFormValue,
  type LiqPayCallbackRejection,
  LiqPayCallbackRejectionDay,
  LiqPayCallbackRejectionReport,
} from './http/liqpay-callbacks.ts';
export {
  IdentityDocument,
  MatchingMembers,
  MemberCard,
  MemberProfile,
  MemberProgram,
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
  LIQPAY_CALLBACK_RESULTS,
  LiqPayCallbackOutcome,
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
  PHONE_CHANGE_PROOF,
  PhoneChangeProof,
  PhoneChangeProofClaims,
  PhoneCodeSent,
} from './http/phone-change.ts';
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
export { SeedSessionAnswer, StaffRole, StaffUser, StaffUserRecord, TokenPair } from './http/sign-in.ts';
export {
  NewWebhookSubscriber,
  SubscriberWithSecret,
  WebhookAttempt,
  WebhookAttemptPage,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookEventType,
  WebhookId,
  WebhookPaging,
  WebhookReplay,
  WebhookSecret,
  WebhookSubscriber,
  WebhookSubscriberChange,
} from './http/webhooks.ts';
export {
  addCalendarDays,
  calendarDay,
  calendarDaysBetween,
  kyivDateOf,
  kyivDateTimeOf,
  kyivDayStart,
  kyivWallTimeInstant,
  kyivWallTimeOf,
} from './kyiv-calendar.ts';
export { hryvniasOf, kopiykyOf } from './money.ts';
export {
  EVENTS_EXCHANGE,
  type EventSubscription,
  eventsOf,
  SERVICES,
  type ServiceName,
  type StreamSubscription,
  SUBSCRIPTIONS,
  type Subscription,
  WEBHOOK_EVENT_TYPES,
} from './topology.ts';
