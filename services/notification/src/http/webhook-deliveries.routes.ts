import {
  DeliveryHealth,
  WebhookAttemptPage,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookId,
  WebhookPaging,
  WebhookReplay,
} from '@kasa/contracts';
import { administratorsOnly, callerId, conflict, type HttpApp, notFound, staffMayAct } from '@kasa/http';
import { Type } from 'typebox';
import type { NotificationDeps } from '../deps.ts';
import { existingSubscriber, replayDeadDeliveries } from '../webhooks/application/manage-subscribers.ts';
import {
  attemptsOf,
  deliveryHealth,
  findDelivery,
  listAttempts,
  listDeliveries,
} from '../webhooks/db/webhook-deliveries.repository.ts';
import { attemptView, deliveryView, nextBefore } from './webhook.view.ts';

const common = { tags: ['staff: webhooks'] };

/** The delivery log, the dead-letter list and replays (administrators); the health summary (staff). */
export function webhookDeliveryRoutes(app: HttpApp, deps: NotificationDeps): void {
  const { db } = deps.database;

  const subscriberExists = (id: number) => existingSubscriber(db, id);

  app.get(
    '/staff/webhooks/health',
    {
      ...staffMayAct,
      schema: {
        ...common,
        summary: 'Deliveries not getting through',
        description:
          'Deliveries waiting to be retried, dead ones, and subscribers disabled (by hand or by 410 Gone).',
        response: { 200: DeliveryHealth },
      },
    },
    () => deliveryHealth(db),
  );

  app.get(
    '/staff/webhooks/subscribers/:id/deliveries',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'A subscriber’s deliveries, latest first (administrators)',
        params: Type.Object({ id: WebhookId }),
        querystring: Type.Object({
          status: Type.Optional(Type.Array(WebhookDeliveryStatus, { maxItems: 4 })),
          ...WebhookPaging,
        }),
        response: { 200: WebhookDeliveryPage },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { status, before, limit } = request.query;
      await subscriberExists(id);
      const rows = await listDeliveries(db, {
        subscriberId: id,
        ...(status ? { statuses: status } : {}),
        ...(before === undefined ? {} : { beforeId: before }),
        limit,
      });
      return { data: rows.map(deliveryView), next_before: nextBefore(rows, limit) };
    },
  );

  app.get(
    '/staff/webhooks/subscribers/:id/attempts',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'Every attempt to reach a subscriber, latest first (administrators)',
        description: 'Status, duration, the first kilobyte of the answer, or why there was none.',
        params: Type.Object({ id: WebhookId }),
        querystring: Type.Object(WebhookPaging),
        response: { 200: WebhookAttemptPage },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { before, limit } = request.query;
      await subscriberExists(id);
      const rows = await listAttempts(db, {
        subscriberId: id,
        ...(before === undefined ? {} : { beforeId: before }),
        limit,
      });
      return { data: rows.map(attemptView), next_before: nextBefore(rows, limit) };
    },
  );

  app.get(
    '/staff/webhooks/dead-letters',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'Deliveries that failed every attempt, latest first (administrators)',
        description:
          'A dead delivery no longer holds back the later ones of its object. Replay it (or all of a ' +
          'subscriber’s) once the receiver works again.',
        querystring: Type.Object({ subscriber_id: Type.Optional(WebhookId), ...WebhookPaging }),
        response: { 200: WebhookDeliveryPage },
      },
    },
    async (request) => {
      const { subscriber_id: subscriberId, before, limit } = request.query;
      const rows = await listDeliveries(db, {
        statuses: ['dead'],
        ...(subscriberId === undefined ? {} : { subscriberId }),
        ...(before === undefined ? {} : { beforeId: before }),
        limit,
      });
      return { data: rows.map(deliveryView), next_before: nextBefore(rows, limit) };
    },
  );

  app.get(
    '/staff/webhooks/deliveries/:id',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'One delivery: the event as sent and every attempt (administrators)',
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookDeliveryDetail },
      },
    },
    async (request) => {
      const row = await findDelivery(db, request.params.id);
      if (!row) throw notFound('No such webhook delivery', 'webhook_delivery_not_found');
      const { payload, ...delivery } = row;
      const attempts = await attemptsOf(db, row.id);
      return {
        delivery: deliveryView(delivery),
        payload: JSON.parse(payload),
        attempts: attempts.map(attemptView),
      };
    },
  );

  app.post(
    '/staff/webhooks/deliveries/:id/replay',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'Send a dead delivery again (administrators)',
        description:
          'It is due at once, with the retry schedule started over; it arrives after the later events of its ' +
          'object that went meanwhile. 409 when it is not dead, or its subscriber is disabled.',
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookReplay },
      },
    },
    async (request) => {
      const row = await findDelivery(db, request.params.id);
      if (!row) throw notFound('No such webhook delivery', 'webhook_delivery_not_found');
      const replayed = await replayDeadDeliveries(deps, callerId(request), row.subscriberId, row.id);
      if (replayed === 0) throw conflict('Only a dead delivery can be replayed', 'webhook_delivery_not_dead');
      return { replayed };
    },
  );

  app.post(
    '/staff/webhooks/subscribers/:id/replay',
    {
      ...administratorsOnly,
      schema: {
        ...common,
        summary: 'Send every dead delivery of a subscriber again (administrators)',
        description: 'As replaying each one; how many there were. 409 while the subscriber is disabled.',
        params: Type.Object({ id: WebhookId }),
        response: { 200: WebhookReplay },
      },
    },
    async (request) => ({
      replayed: await replayDeadDeliveries(deps, callerId(request), request.params.id),
    }),
  );
}
