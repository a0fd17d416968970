import {
  NewWebhookSubscriber,
  SubscriberWithSecret,
  WEBHOOK_EVENT_TYPES,
  WebhookId,
  WebhookSecret,
  WebhookSubscriber,
  WebhookSubscriberChange,
} from '@kasa/contracts';
import { administratorsOnly, callerId, type HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import type { NotificationDeps } from '../deps.ts';
import {
  changeSubscriber,
  createSubscriber,
  existingSubscriber,
  removeSubscriber,
  rotateSecret,
} from '../webhooks/application/manage-subscribers.ts';
import { listSubscribers } from '../webhooks/db/webhook-subscribers.repository.ts';
import { subscriberView } from './webhook.view.ts';

const common = { tags: ['staff: webhooks'] };

/** Administrators register and manage the external systems that receive webhooks. */
export function webhookSubscriberRoutes(app: HttpApp, deps: NotificationDeps): void {
  const { db } = deps.database;

  app.get(
    '/staff/webhooks/event-types',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'The event types a subscriber can receive (administrators)',
        response: { 200: Type.Object({ data: Type.Array(Type.String()) }) },
      },
    },
    async () => ({ data: [...WEBHOOK_EVENT_TYPES] }),
  );

  app.get(
    '/staff/webhooks/subscribers',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'Every webhook subscriber (administrators)',
        response: { 200: Type.Object({ data: Type.Array(WebhookSubscriber) }) },
      },
    },
    async () => ({ data: (await listSubscribers(db)).map(subscriberView) }),
  );

  app.post(
    '/staff/webhooks/subscribers',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'Register a webhook subscriber (administrators)',
        description:
          'Every event of the chosen types is POSTed to the URL, signed with the secret (X-Data-Hash and the ' +
          'Standard Webhooks headers). The secret is in this answer only. 422 when the URL is not http(s), ' +
          'carries credentials, cannot be resolved, or is or resolves to a private, loopback, link-local or ' +
          'other non-public address that WEBHOOK_ALLOWED_TARGETS does not open (code `forbidden_webhook_url`); ' +
          'or when a given secret is unusable.',
        body: NewWebhookSubscriber,
        response: { 201: SubscriberWithSecret },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const created = await createSubscriber(deps, callerId(request), {
        url: body.url,
        description: body.description,
        eventTypes: body.event_types,
        enabled: body.enabled,
        secret: body.secret,
      });
      return reply.code(201).send({ subscriber: subscriberView(created.subscriber), secret: created.secret });
    },
  );

  app.get(
    '/staff/webhooks/subscribers/:id',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'One webhook subscriber (administrators)',
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookSubscriber },
      },
    },
    async (request) => {
      return subscriberView(await existingSubscriber(db, request.params.id));
    },
  );

  app.patch(
    '/staff/webhooks/subscribers/:id',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'Change a webhook subscriber (administrators)',
        description:
          'Fields left out stay. Disabling pauses its pending deliveries; enabling sends them, in order. ' +
          'A new URL is checked as on registration (422) and applies to pending deliveries too.',
        params: Type.Object({ id: WebhookId }),
        body: WebhookSubscriberChange,
        response: { 200: WebhookSubscriber },
      },
    },
    async (request) => {
      const { body } = request;
      const row = await changeSubscriber(deps, callerId(request), request.params.id, {
        url: body.url,
        description: body.description,
        eventTypes: body.event_types,
        enabled: body.enabled,
      });
      return subscriberView(row);
    },
  );

  app.post(
    '/staff/webhooks/subscribers/:id/secret',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'Give a webhook subscriber a new secret (administrators)',
        description:
          'The next attempt is signed with the new secret (the given one, or a generated one), shown in this ' +
          'answer only; the old one stops working at once.',
        params: Type.Object({ id: WebhookId }),
        body: Type.Object({ secret: Type.Optional(WebhookSecret) }),
        response: { 200: SubscriberWithSecret },
      },
    },
    async (request) => {
      const rotated = await rotateSecret(deps, callerId(request), request.params.id, request.body.secret);
      return { subscriber: subscriberView(rotated.subscriber), secret: rotated.secret };
    },
  );

  app.delete(
    '/staff/webhooks/subscribers/:id',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'Delete a webhook subscriber (administrators)',
        description:
          'Its pending deliveries are dropped unsent, and its delivery log goes with it. To stop deliveries ' +
          'for a while, disable it instead.',
        params: Type.Object({ id: WebhookId }),
        response: { 200: Type.Object({ id: Type.Integer(), deleted: Type.Literal(true) }) },
      },
    },
    async (request) => {
      await removeSubscriber(deps, callerId(request), request.params.id);
      return { id: request.params.id, deleted: true as const };
    },
  );
}
