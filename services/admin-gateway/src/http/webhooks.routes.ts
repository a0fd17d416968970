import {
  NewWebhookSubscriber,
  SubscriberWithSecret,
  WebhookAttemptPage,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookId,
  WebhookPaging,
  WebhookReplay,
  WebhookSecret,
  WebhookSubscriber,
  WebhookSubscriberChange,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { Type } from 'typebox';
import { adminOnly } from '../access.ts';

const common = { tags: ['webhooks'], security: bearerSecurity };
const SIGNING =
  'Each event is POSTed as its JSON envelope with `X-Data-Hash` = hex(sha512(body + secret)) and the Standard ' +
  'Webhooks headers `webhook-id` (the event id, the same on every attempt), `webhook-timestamp` and ' +
  '`webhook-signature` (v1, HMAC-SHA256 of `id.timestamp.body`). A 2xx within 15 s is a delivery; anything ' +
  'else is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (Retry-After honoured), then the delivery ' +
  'is dead; 410 Gone disables the subscriber. Deliveries of one object go out in order.';

/**
 * Outbound webhooks (SPEC §4), administrators only: the subscribers, their delivery log, the
 * dead-letter list and replays. The notification service keeps them and checks the caller again.
 */
export function webhookRoutes(app: HttpApp, { services }: GatewayContext): void {
  const { notification } = services;

  app.get(
    '/webhooks/event-types',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'The event types a subscriber can receive',
        description: 'Events carrying secrets (sign-in codes) never leave Kasa and are not among them.',
        response: { 200: Type.Object({ data: Type.Array(Type.String()) }) },
      },
    },
    (request) =>
      notification.request({
        method: 'GET',
        path: '/staff/webhooks/event-types',
        ...asCaller(request),
        response: Type.Object({ data: Type.Array(Type.String()) }),
      }),
  );

  app.get(
    '/webhooks',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'Every webhook subscriber (without secrets)',
        response: { 200: Type.Object({ data: Type.Array(WebhookSubscriber) }) },
      },
    },
    (request) =>
      notification.request({
        method: 'GET',
        path: '/staff/webhooks/subscribers',
        ...asCaller(request),
        response: Type.Object({ data: Type.Array(WebhookSubscriber) }),
      }),
  );

  app.post(
    '/webhooks',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'Register a webhook subscriber; its secret is shown in this answer only',
        description: `${SIGNING} 422 when the URL is not http(s), carries a user name or password, cannot be resolved, or is or resolves to a private, loopback, link-local or other non-public address (in any mode, unless the notification service's WEBHOOK_ALLOWED_TARGETS opens it); or when a given secret is unusable.`,
        body: NewWebhookSubscriber,
        response: { 201: SubscriberWithSecret },
      },
    },
    async (request, reply) => {
      const created = await notification.request({
        method: 'POST',
        path: '/staff/webhooks/subscribers',
        body: request.body,
        ...asCaller(request),
        response: SubscriberWithSecret,
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/webhooks/dead-letters',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'Deliveries that failed every attempt, latest first',
        description:
          'A dead delivery no longer holds back the later events of its object. Replay it, or all of a ' +
          'subscriber’s, once the receiver works again.',
        querystring: Type.Object({ subscriber_id: Type.Optional(WebhookId), ...WebhookPaging }),
        response: { 200: WebhookDeliveryPage },
      },
    },
    (request) =>
      notification.request({
        method: 'GET',
        path: '/staff/webhooks/dead-letters',
        query: request.query,
        ...asCaller(request),
        response: WebhookDeliveryPage,
      }),
  );

  app.get(
    '/webhooks/deliveries/:id',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'One delivery: the event as sent and every attempt',
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookDeliveryDetail },
      },
    },
    (request) =>
      notification.request({
        method: 'GET',
        path: `/staff/webhooks/deliveries/${request.params.id}`,
        ...asCaller(request),
        response: WebhookDeliveryDetail,
      }),
  );

  app.post(
    '/webhooks/deliveries/:id/replay',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'Send a dead delivery again',
        description:
          'Due at once, with the retry schedule started over; it arrives after the later events of its object ' +
          'that went meanwhile. 409 when it is not dead, or its subscriber is disabled.',
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookReplay },
      },
    },
    (request) =>
      notification.request({
        method: 'POST',
        path: `/staff/webhooks/deliveries/${request.params.id}/replay`,
        body: {},
        ...asCaller(request),
        response: WebhookReplay,
      }),
  );

  app.get(
    '/webhooks/:id',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'One webhook subscriber (without its secret)',
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookSubscriber },
      },
    },
    (request) =>
      notification.request({
        method: 'GET',
        path: `/staff/webhooks/subscribers/${request.params.id}`,
        ...asCaller(request),
        response: WebhookSubscriber,
      }),
  );

  app.patch(
    '/webhooks/:id',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'Change a webhook subscriber: URL, event types, description, enabled',
        description:
          'Fields left out stay. Disabling pauses its pending deliveries (nothing new is recorded for it ' +
          'meanwhile); enabling sends the paused ones, in order. A new URL is checked as on registration (422) ' +
          'and applies to pending deliveries too.',
        params: Type.Object({ id: WebhookId }),
        body: WebhookSubscriberChange,
        response: { 200: WebhookSubscriber },
      },
    },
    (request) =>
      notification.request({
        method: 'PATCH',
        path: `/staff/webhooks/subscribers/${request.params.id}`,
        body: request.body,
        ...asCaller(request),
        response: WebhookSubscriber,
      }),
  );

  app.delete(
    '/webhooks/:id',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'Delete a webhook subscriber with its pending deliveries and its log',
        description:
          'Pending deliveries are dropped unsent. To stop deliveries for a while, disable it instead.',
        params: Type.Object({ id: WebhookId }),
        response: { 200: Type.Object({ id: Type.Integer(), deleted: Type.Literal(true) }) },
      },
    },
    (request) =>
      notification.request({
        method: 'DELETE',
        path: `/staff/webhooks/subscribers/${request.params.id}`,
        ...asCaller(request),
        response: Type.Object({ id: Type.Integer(), deleted: Type.Literal(true) }),
      }),
  );

  app.post(
    '/webhooks/:id/secret',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'Give a subscriber a new secret, shown in this answer only',
        description: 'The next attempt is signed with it; the old secret stops working at once.',
        params: Type.Object({ id: WebhookId }),
        body: Type.Optional(Type.Object({ secret: Type.Optional(WebhookSecret) })),
        response: { 200: SubscriberWithSecret },
      },
    },
    (request) =>
      notification.request({
        method: 'POST',
        path: `/staff/webhooks/subscribers/${request.params.id}/secret`,
        body: request.body ?? {},
        ...asCaller(request),
        response: SubscriberWithSecret,
      }),
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'A subscriber’s deliveries, latest first',
        querystring: Type.Object({
          status: Type.Optional(Type.Array(WebhookDeliveryStatus, { maxItems: 4 })),
          ...WebhookPaging,
        }),
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookDeliveryPage },
      },
    },
    (request) =>
      notification.request({
        method: 'GET',
        path: `/staff/webhooks/subscribers/${request.params.id}/deliveries`,
        query: request.query,
        ...asCaller(request),
        response: WebhookDeliveryPage,
      }),
  );

  app.get(
    '/webhooks/:id/attempts',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'Every attempt to reach a subscriber, latest first',
        description:
          'Each with its status, duration, the first kilobyte of the answer (which may hold what the receiver ' +
          'echoed back) or why there was none.',
        querystring: Type.Object(WebhookPaging),
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookAttemptPage },
      },
    },
    (request) =>
      notification.request({
        method: 'GET',
        path: `/staff/webhooks/subscribers/${request.params.id}/attempts`,
        query: request.query,
        ...asCaller(request),
        response: WebhookAttemptPage,
      }),
  );

  app.post(
    '/webhooks/:id/replay',
    {
      ...adminOnly,
      schema: {
        ...common,
        summary: 'Send every dead delivery of a subscriber again',
        description: 'As replaying each one; how many there were. 409 while the subscriber is disabled.',
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookReplay },
      },
    },
    (request) =>
      notification.request({
        method: 'POST',
        path: `/staff/webhooks/subscribers/${request.params.id}/replay`,
        body: {},
        ...asCaller(request),
        response: WebhookReplay,
      }),
  );
}
