import { CurrentSubscription, SubscriptionCheckout } from '@kasa/contracts';
import { callerId, type HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import { cancelSubscription } from '../application/cancel-subscription.ts';
import { startSubscription } from '../application/start-subscription.ts';
import { findOpenSubscription, firstChargeOf } from '../db/subscriptions.repository.ts';
import type { PaymentDeps } from '../deps.ts';

const common = { tags: ['member: subscription'] };
/** The member's automatic monthly dues through a LiqPay subscription: the token's subject, always. */
export function memberSubscriptionRoutes(app: HttpApp, deps: PaymentDeps): void {
  const max = deps.context.settings.CHECKOUT_MAX_AMOUNT;

  app.post(
    '/me/subscription',
    {
      schema: {
        ...common,
        summary: 'Start automatic monthly dues: a pending subscription and its LiqPay checkout',
        description:
          'LiqPay takes `amount` when the member pays the checkout, then every month. 409 while one is ' +
          'active; a pending one of the same amount comes back again, of another amount it is replaced. ' +
          '503 while the fund has no LiqPay account configured.',
        body: Type.Object({
          amount: Type.Integer({
            minimum: 1,
            maximum: max,
            description: "kopiyky: the program's month price",
          }),
        }),
        response: { 201: SubscriptionCheckout },
      },
    },
    async (request, reply) => {
      const { subscription, data, signature } = await startSubscription(
        deps,
        callerId(request),
        request.body.amount,
      );
      return reply.code(201).send({
        subscription_id: subscription.id,
        order_id: subscription.orderId,
        state: 'pending' as const,
        amount: subscription.amount,
        data,
        signature,
      });
    },
  );

  app.get(
    '/me/subscription',
    {
      schema: {
        ...common,
        summary: 'The pending or active subscription, or null',
        response: { 200: CurrentSubscription },
      },
    },
    async (request) => {
      const { db } = deps.context.database;
      const subscription = await findOpenSubscription(db, callerId(request));
      if (!subscription) return null;
      const since = subscription.state === 'active' ? await firstChargeOf(db, subscription.id) : null;
      return {
        subscription_id: subscription.id,
        state: subscription.state,
        amount: subscription.amount,
        since: (since ?? subscription.createdAt).toISOString(),
      };
    },
  );

  app.delete(
    '/me/subscription',
    {
      schema: {
        ...common,
        summary: 'Stop the automatic monthly dues',
        description:
          'LiqPay is told to take no more charges; then the subscription is cancelled. 404 when there is ' +
          'none; 503 when LiqPay cannot be reached and 422 when it refuses (the dues are still on).',
        response: { 200: Type.Object({ status: Type.String(), message: Type.String() }) },
      },
    },
    async (request) => {
      await cancelSubscription(deps, callerId(request));
      return { status: 'success', message: 'Automatic monthly dues are cancelled' };
    },
  );
}
