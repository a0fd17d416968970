import {
  AidRequest,
  Contribution,
  calendarDateOfSeedDate,
  kyivDateOf,
  LIQPAY_CALLBACK_FORM_MAX_BYTES,
  LIQPAY_CALLBACK_LIMITS,
  LiqPayCallbackForm,
  LiqPayCallbackOutcome,
  LiqPayCheckout,
  MOBILE_PAYMENT_MESSAGES,
  MobileChargesAnswer,
  MobileLiqPayAnswer,
  MobileLiqPayCallbackAnswer,
  MobileLiqPayCallbackNotFound,
  MobilePaymentsAnswer,
  PaymentRecord,
  paymentTypeOf,
  pythonFloatTextOf,
  SeedMessageError,
  seedDateOfCalendarDate,
} from '@kasa/contracts';
import { asCaller, bearerSecurity, callerToken, type HttpApp, notFound } from '@kasa/http';
import { type GatewayContext, kopiykyOfField } from '@kasa/runtime';
import { Type } from 'typebox';
import { emptyBodyAllowed, signedIn } from '../access.ts';
import { assertDuesPriceable } from '../dues-pricing.ts';
import { reportRefusedForms } from '../liqpay-callback-refusals.ts';

/**
 * The days `/user/charges/list` is narrowed to. The seed filtered only when both `begin` and
 * `end` were days (`dd.mm.yyyy`) and answered every payout otherwise; Kasa also takes either
 * alone, and `yyyy-mm-dd`.
 */
function chargePeriodOf(body: { begin?: string | undefined; end?: string | undefined } | undefined): {
  from?: string;
  to?: string;
} {
  const dayOf = (text: string | undefined) => {
    const trimmed = text?.trim() ?? '';
    if (trimmed === '') return undefined;
    return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(trimmed) ? trimmed : calendarDateOfSeedDate(trimmed);
  };
  const from = dayOf(body?.begin);
  const to = dayOf(body?.end);
  if (from === null || to === null) return {};
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** Contributions through LiqPay, and the fund's payouts (SPEC §6 rows 11, 12, 18 and 19). */
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
        response: { 200: MobilePaymentsAnswer },
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
        sum: pythonFloatTextOf(contribution.amount),
        payed_to: contribution.paid_until === null ? null : seedDateOfCalendarDate(contribution.paid_until),
      }));
    },
  );

  app.post(
    '/user/charges/list',
    {
      ...signedIn,
      ...emptyBodyAllowed,
      schema: {
        tags: ['payments'],
        security: bearerSecurity,
        summary: "The fund's payouts for the member's requests, latest first",
        description:
          'Only those paid on the days from `begin` to `end` (Kyiv, both included) when given; a date that ' +
          'is no day is ignored, as the seed did. A payout corrected by staff shows as the payout and its ' +
          'reversal (a negative sum).',
        body: Type.Optional(
          Type.Object({
            begin: Type.Optional(Type.String({ maxLength: 10, description: 'dd.mm.yyyy' })),
            end: Type.Optional(Type.String({ maxLength: 10, description: 'dd.mm.yyyy' })),
          }),
        ),
        response: { 200: MobileChargesAnswer },
      },
    },
    async (request) => {
      const [payouts, theirRequests] = await Promise.all([
        payment.request({
          method: 'GET',
          path: '/me/payouts',
          query: chargePeriodOf(request.body),
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
        // A payout is entered with the day it was paid; its record's own day stands in otherwise.
        date: seedDateOfCalendarDate(payout.paid_on ?? kyivDateOf(new Date(payout.created_at))),
        sum: pythonFloatTextOf(payout.amount),
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
          'same key returns the same checkout for 24 hours (422 with another amount). 409 until the member ' +
          'has chosen a program (with the profile): dues are priced by it.',
        headers: Type.Object({
          'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
        }),
        body: Type.Object({
          amount: Type.Union([Type.Number({ exclusiveMinimum: 0 }), Type.String({ maxLength: 20 })], {
            description: 'hryvnias, at most 2 decimals',
          }),
        }),
        response: { 200: MobileLiqPayAnswer, 409: SeedMessageError },
      },
    },
    async (request) => {
      const amount = kopiykyOfField('amount', request.body.amount, { positive: true });
      await assertDuesPriceable(context, request);
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
      config: { errorEnvelope: 'status-and-message' },
      schema: {
        tags: ['payments'],
        summary: "LiqPay's callback (server_url)",
        description:
          'A form with `data` and `signature`, from LiqPay only: 400 when the signature is not the fund’s ' +
          `or the form is not base64 within its limits (\`data\` at most ${LIQPAY_CALLBACK_LIMITS.dataChars} ` +
          `characters, \`signature\` ${LIQPAY_CALLBACK_LIMITS.signatureChars}), 413 for a body larger than ` +
          'any valid form: counted for staff, never kept. ' +
          `404 "${MOBILE_PAYMENT_MESSAGES.paymentNotFound}" for an order the fund never made. Otherwise the ` +
          'parameters LiqPay signed, as the seed answered them.',
        consumes: ['application/x-www-form-urlencoded'],
        body: LiqPayCallbackForm,
        response: {
          200: MobileLiqPayCallbackAnswer,
          404: MobileLiqPayCallbackNotFound,
          413: { ...MobileLiqPayCallbackNotFound, description: 'The body is larger than any valid form' },
        },
      },
      bodyLimit: LIQPAY_CALLBACK_FORM_MAX_BYTES,
      onError: reportRefusedForms(payment),
    },
    async (request) => {
      const outcome = await payment.request({
        method: 'POST',
        path: '/liqpay/callbacks',
        body: { data: request.body.data, signature: request.body.signature },
        requestId: request.id,
        response: LiqPayCallbackOutcome,
      });
      if (outcome.result === 'unknown_order')
        throw notFound(MOBILE_PAYMENT_MESSAGES.paymentNotFound, 'payment_not_found');
      return { status: 'success', message: MOBILE_PAYMENT_MESSAGES.callbackHandled, data: outcome.data };
    },
  );
}
