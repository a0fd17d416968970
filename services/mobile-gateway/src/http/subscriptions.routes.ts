import {
  CurrentSubscription,
  hryvniasOf,
  MemberProfile,
  SeedDate,
  StatusAnswer,
  SubscriptionCheckout,
  seedDateOf,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, conflict, type HttpApp, isAppError } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppCheckout, signedIn } from '../access.ts';

const common = { tags: ['payments'], security: bearerSecurity };

const AppSubscription = Type.Union([
  Type.Object({
    state: Type.Union([Type.Literal('pending'), Type.Literal('active')], {
      description: 'pending: the checkout is not paid yet; active: LiqPay charges it every month',
    }),
    sum: Type.Number({ description: 'hryvnias a month' }),
    since: SeedDate,
  }),
  Type.Null(),
]);

/**
 * Automatic monthly dues through a LiqPay subscription, at the price of the member's program:
 * start (the app opens LiqPay's checkout with the answer), look at, and cancel.
 */
export function subscriptionRoutes(app: HttpApp, { services }: GatewayContext): void {
  const { payment, member } = services;

  /** The current program's month price, in kopiyky: what the dues are. */
  async function monthPriceOf(request: FastifyRequest): Promise<number> {
    let profile: { program: { month_price: number } | null };
    try {
      profile = await member.request({
        method: 'GET',
        path: '/me/profile',
        ...asCaller(request),
        response: MemberProfile,
      });
    } catch (error) {
      if (isAppError(error) && error.statusCode === 403) {
        throw conflict(
          'Automatic monthly dues start once the fund approves your profile',
          'profile_not_approved',
        );
      }
      throw error;
    }
    const price = profile.program?.month_price ?? 0;
    if (price <= 0) {
      throw conflict('Automatic monthly dues need a program with a monthly price', 'no_program');
    }
    return price;
  }

  app.post(
    '/user/payments/subscribe',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Start automatic monthly dues: a LiqPay checkout for a subscription',
        description:
          'The app opens LiqPay with `data` and `signature`; LiqPay takes the program’s month price then and ' +
          'every month after, each charge extending the membership. Asking again before paying returns the ' +
          'same checkout. 409 while the dues are on already, before the profile is approved, or without ' +
          'a program.',
        response: { 200: AppCheckout },
      },
    },
    async (request) => {
      const amount = await monthPriceOf(request);
      const checkout = await payment.request({
        method: 'POST',
        path: '/me/subscription',
        body: { amount },
        ...asCaller(request),
        response: SubscriptionCheckout,
      });
      return { data: checkout.data, signature: checkout.signature };
    },
  );

  app.get(
    '/user/payments/subscription',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'The automatic monthly dues, or null when there are none',
        response: { 200: AppSubscription },
      },
    },
    async (request) => {
      const subscription = await payment.request({
        method: 'GET',
        path: '/me/subscription',
        ...asCaller(request),
        response: CurrentSubscription,
      });
      if (subscription === null) return null;
      return {
        state: subscription.state,
        sum: hryvniasOf(subscription.amount),
        since: seedDateOf(new Date(subscription.since)),
      };
    },
  );

  app.post(
    '/user/payments/unsubscribe',
    {
      ...signedIn,
      schema: {
        ...common,
        summary: 'Stop the automatic monthly dues',
        description:
          'LiqPay takes no more charges. 404 when there are none; 503 when LiqPay cannot be reached and 422 ' +
          'when it refuses: then the dues are still on.',
        response: { 200: StatusAnswer },
      },
    },
    (request) =>
      payment.request({
        method: 'DELETE',
        path: '/me/subscription',
        ...asCaller(request),
        response: StatusAnswer,
      }),
  );
}
