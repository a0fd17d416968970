import type { EventType } from './events/index.ts';

export const SERVICES = ['auth', 'member', 'request', 'payment', 'notification'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The topic exchange every domain event is published to, with its type as routing key. */
export const EVENTS_EXCHANGE = 'kasa.events';

/** Who listens to what. Each line becomes one durable queue `<consumer>.<event>`. */
export interface Subscription {
  consumer: ServiceName;
  event: EventType;
}

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
  // Payouts for a request never add up to more than staff granted.
  { consumer: 'payment', event: 'request.assessed' },
  // The request's card shows what has been paid out for it.
  { consumer: 'request', event: 'payout.recorded' },
  { consumer: 'request', event: 'payout.reversed' },
];
