import { EVENTS, type EventType, SENSITIVE_EVENT_TYPES } from './events/index.ts';

export const SERVICES = ['auth', 'member', 'request', 'payment', 'notification', 'audit'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The topic exchange every domain event is published to, with its type as routing key. */
export const EVENTS_EXCHANGE = 'kasa.events';

/** One event type in a queue of its own, `<consumer>.<event>`. */
export interface EventSubscription {
  consumer: ServiceName;
  event: EventType;
}

/**
 * Several event types in one queue, `<consumer>.<stream>`, in the order they were published:
 * for consumers that treat every event alike (the audit trail, outbound webhooks).
 */
export interface StreamSubscription {
  consumer: ServiceName;
  stream: string;
  events: readonly EventType[];
}

/** Who listens to what. Each line becomes one durable queue. */
export type Subscription = EventSubscription | StreamSubscription;

/** The event types a subscription's queue is bound to. */
export const eventsOf = (subscription: Subscription): readonly EventType[] =>
  'stream' in subscription ? subscription.events : [subscription.event];

/** The fund's own events: everything but the bus's heartbeat (`system.*`). */
const DOMAIN_EVENT_TYPES = (Object.keys(EVENTS) as EventType[]).filter((type) => !type.startsWith('system.'));

/** Events that may leave Kasa: the domain's, but those carrying a secret (sign-in codes). */
export const WEBHOOK_EVENT_TYPES: readonly EventType[] = DOMAIN_EVENT_TYPES.filter(
  (type) => !SENSITIVE_EVENT_TYPES.has(type),
);

/**
 * The bus's wiring, declared once. Every service asserts all of it when it connects, so an
 * event published before its consumer first starts waits in the consumer's queue.
 * Feature work adds lines here together with the handler that serves them.
 */
export const SUBSCRIPTIONS: readonly Subscription[] = [
  // Sign-in codes are texted by the notification service, never inside the member's request.
  { consumer: 'notification', event: 'auth.sign_code_requested' },
  // Sign-in follows the member service's decisions about a member.
  { consumer: 'auth', event: 'member.blocked' },
  { consumer: 'auth', event: 'member.unblocked' },
  { consumer: 'auth', event: 'member.phone_changed' },
  // A member's tokens carry their name and e-mail, as the seed's did.
  { consumer: 'auth', event: 'member.contact_changed' },
  // A first sign-in opens the member's profile.
  { consumer: 'member', event: 'auth.member_signed_up' },
  // The staff attention list shows members with a request waiting for staff.
  { consumer: 'member', event: 'request.opened' },
  { consumer: 'member', event: 'request.status_changed' },
  // What is usual for a request is judged among members on the same program.
  { consumer: 'request', event: 'member.approved' },
  // A confirmed contribution extends the membership (SPEC §3).
  { consumer: 'member', event: 'payment.confirmed' },
  // A refund takes back the days its contribution added.
  { consumer: 'member', event: 'payment.refunded' },
  // A member's list of contributions says what each paid until.
  { consumer: 'payment', event: 'membership.extended' },
  // A contribution no program prices waits as a flagged payment, in sight of staff.
  { consumer: 'payment', event: 'membership.contribution_awaiting_program' },
  // Payouts for a request never add up to more than staff granted.
  { consumer: 'payment', event: 'request.assessed' },
  // The request's card shows what has been paid out for it.
  { consumer: 'request', event: 'payout.recorded' },
  { consumer: 'request', event: 'payout.reversed' },
  // Members hear by SMS what matters to them; the service keeps their numbers and paid-until
  // days from the same stream for the reminders it sends before a membership lapses.
  {
    consumer: 'notification',
    stream: 'member-texts',
    events: [
      'auth.member_signed_up',
      'member.phone_changed',
      'member.blocked',
      'member.unblocked',
      'request.message_posted',
      'request.status_changed',
      'payout.recorded',
      'membership.extended',
      'membership.shortened',
      'membership.reminder_due',
    ],
  },
  // Staff hear of payments and new requests in their Telegram chat.
  {
    consumer: 'notification',
    stream: 'staff-chat',
    events: [
      'request.opened',
      'payment.confirmed',
      'payment.failed',
      'payment.flagged',
      'payment.refunded',
      'membership.contribution_awaiting_program',
      'payout.recorded',
      'payout.reversed',
    ],
  },
  // External systems get the events they subscribed to, signed, in order per object.
  { consumer: 'notification', stream: 'webhooks', events: WEBHOOK_EVENT_TYPES },
  // The audit trail keeps every event, its actor and the names of what changed.
  { consumer: 'audit', stream: 'trail', events: DOMAIN_EVENT_TYPES },
];
