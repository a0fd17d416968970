import {
  AidRequest,
  Contribution,
  hryvniasOf,
  LiqPayCheckout,
  PaymentRecord,
  paymentTypeOf,
  SeedDate,
  seedDateOfCalendarDate,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, callerToken, type HttpApp } from '@kasa/http';
import { dayOf, type GatewayContext, kopiykyOfField } from '@kasa/runtime';
import { Type } from 'typebox';
import { AppCheckout, signedIn } from '../access.ts';

const AppCharge = Type.Object({
  date: Type.Union([SeedDate, Type.Null()]),
  sum: Type.Number({ description: 'hryvnias; negative for a reversal' }),
  diagnosis: Type.String(),
  request_id: Type.Union([Type.Integer(), Type.Null()]),
  type: Type.String({ description: 'Відшкодування or Часткове відшкодування' }),
});

const AppContribution = Type.Object({
  date: SeedDate,
  sum: Type.Number({ description: 'hryvnias' }),
  payed_to: Type.Union([SeedDate, Type.Null()], {
    description: 'the membership ran to this day once it was applied',
  }),
});

/** Contributions through LiqPay (SPEC §6 rows 12, 18 and 19). */
export function paymentRoutes(app: HttpApp, context: GatewayContext): void {
  const { payment, request: requests } = context.services;

  app.get(
    '/user/payments/list',
    {
      ...signedIn,
      schema: {
        tags: ['payments'],
        security: bearerSecurity,
        summary: "The member's contributions, latest first",
        response: { 200: Type.Array(AppContribution) },
      },
    },
    async (request) => {
      const contributions = await payment.request({
        method: 'GET',
        path: '/me/payments',
        ...asCaller(request),
        response: Type.Array(Contribution),
      });
      return contributions.map((contribution) => ({
        date: seedDateOfCalendarDate(contribution.paid_on),
        sum: hryvniasOf(contribution.amount),
        payed_to: contribution.paid_until === null ? null : seedDateOfCalendarDate(contribution.paid_until),
      }));
    },
  );

  app.post(
    '/user/charges/list',
    {
      ...signedIn,
      schema: {
        tags: ['payments'],
        security: bearerSecurity,
        summary: "The fund's payouts for the member's requests, latest first",
        description:
          'Only those paid on the days from `begin` to `end` (Kyiv, both included) when given. A payout ' +
          'corrected by staff shows as the payout and its reversal (a negative sum).',
        body: Type.Optional(
          Type.Object({
            begin: Type.Optional(Type.String({ maxLength: 10, description: 'dd.mm.yyyy' })),
            end: Type.Optional(Type.String({ maxLength: 10, description: 'dd.mm.yyyy' })),
          }),
        ),
        response: { 200: Type.Array(AppCharge) },
      },
    },
    async (request) => {
      const from = dayOf('begin', request.body?.begin);
      const to = dayOf('end', request.body?.end);
      const [payouts, theirRequests] = await Promise.all([
        payment.request({
          method: 'GET',
          path: '/me/payouts',
          query: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
          ...asCaller(request),
          response: Type.Array(PaymentRecord),
        }),
        requests.request({
          method: 'GET',
          path: '/me/requests',
          ...asCaller(request),
          response: Type.Array(AidRequest),
        }),
      ]);
      const diagnoses = new Map(theirRequests.map((one) => [one.id, one.diagnos]));
      return payouts.map((payout) => ({
        date: payout.paid_on === null ? null : seedDateOfCalendarDate(payout.paid_on),
        sum: hryvniasOf(payout.amount),
        diagnosis: payout.request_id === null ? '' : (diagnoses.get(payout.request_id) ?? ''),
        request_id: payout.request_id,
        type: paymentTypeOf(payout.kind).name,
      }));
    },
  );

  app.post(
    '/user/payments/liqpay',
    {
      ...signedIn,
      schema: {
        tags: ['payments'],
        security: bearerSecurity,
        summary: 'A LiqPay checkout for a contribution',
        description:
          'The app opens LiqPay with `data` and `signature`. Send an `Idempotency-Key` to retry safely: the ' +
          'same key returns the same checkout for 24 hours (422 with another amount).',
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
        }),
        body: Type.Object({
          amount: Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.String({ maxLength: 20 })], {
            description: 'hryvnias, at most 2 decimals',
          }),
        }),
        response: { 200: AppCheckout },
      },
    },
    async (request) => {
      const amount = kopiykyOfField('amount', request.body.amount, { positive: true });
      const key = request.headers['idempotency-key'];
      const checkout = await payment.request({
        method: 'POST',
        path: '/me/checkouts',
        body: { amount },
        headers: { ...callerToken(request), ...(key === undefined ? {} : { 'idempotency-key': key }) },
        requestId: request.id,
        response: LiqPayCheckout,
      });
      return { data: checkout.data, signature: checkout.signature };
    },
  );

  app.post(
    '/user/payments/liqpay-callback',
    {
      schema: {
        tags: ['payments'],
        summary: "LiqPay's callback (server_url)",
        description:
          'A form with `data` and `signature`, from LiqPay only: 400 when the signature is not the fund’s.',
        consumes: ['application/x-www-form-urlencoded'],
        body: Type.Object({
          data: Type.String({ maxLength: 65_536 }),
          signature: Type.String({ maxLength: 128 }),
        }),
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    (request) =>
      payment.request({
        method: 'POST',
        path: '/liqpay/callbacks',
        body: { data: request.body.data, signature: request.body.signature },
        requestId: request.id,
        response: Type.Object({ status: Type.Literal('ok') }),
      }),
  );
}
