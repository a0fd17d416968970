import { Contribution, KyivDay, kyivDateOf, LiqPayCheckout, PaymentRecord } from '@kasa/contracts';
import { callerId, type HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import { createCheckout } from '../application/create-checkout.ts';
import { confirmedContributions } from '../db/payments.repository.ts';
import { payoutsOf } from '../db/register.repository.ts';
import type { PaymentDeps } from '../deps.ts';
import { paymentRecord } from './payment.view.ts';

/** The member's checkout: the token's subject pays, never an id from the body. */
export function memberPaymentRoutes(app: HttpApp, deps: PaymentDeps): void {
  const max = deps.context.settings.CHECKOUT_MAX_AMOUNT;
  const { db } = deps.context.database;
  app.post(
    '/me/checkouts',
    {
      schema: {
        tags: ['member: payments'],
        summary: 'A pending contribution and its LiqPay checkout',
        description:
          'The same `Idempotency-Key` within 24 hours returns the same checkout; with another amount, 422. ' +
          '503 while the fund has no LiqPay account configured.',
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
        }),
        body: Type.Object({ amount: Type.Integer({ minimum: 1, maximum: max, description: 'kopiyky' }) }),
        response: { 201: LiqPayCheckout },
      },
    },
    async (request, reply) => {
      const checkout = await createCheckout(
        deps,
        callerId(request),
        request.body.amount,
        request.headers['idempotency-key'],
      );
      return reply.code(201).send({
        payment_id: checkout.paymentId,
        order_id: checkout.orderId,
        data: checkout.data,
        signature: checkout.signature,
      });
    },
  );

  app.get(
    '/me/payments',
    {
      schema: {
        tags: ['member: payments'],
        summary: "The member's confirmed contributions, latest first",
        response: { 200: Type.Array(Contribution) },
      },
    },
    async (request) => {
      const rows = await confirmedContributions(db, callerId(request));
      return rows.map((row) => ({
        payment_id: row.id,
        amount: row.amount,
        confirmed_at: (row.confirmedAt ?? row.createdAt).toISOString(),
        paid_on: row.paidOn ?? kyivDateOf(row.confirmedAt ?? row.createdAt),
        paid_until: row.paidUntil,
      }));
    },
  );

  app.get(
    '/me/payouts',
    {
      schema: {
        tags: ['member: payments'],
        summary: "The member's payouts (and reversals of them) on the days given, latest first",
        querystring: Type.Object({ from: Type.Optional(KyivDay), to: Type.Optional(KyivDay) }),
        response: { 200: Type.Array(PaymentRecord) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      return (await payoutsOf(db, callerId(request), from, to)).map(paymentRecord);
    },
  );
}
