import { administratorsOnly, callerId, type HttpApp } from '@kasa/http';
import { Type } from 'typebox';
import { refundPayment } from '../application/refund-payment.ts';
import type { PaymentDeps } from '../deps.ts';

/** Refunds of members' LiqPay contributions, by administrators: staff tokens only. */
export function staffRefundRoutes(app: HttpApp, deps: PaymentDeps): void {
  app.post(
    '/staff/payments/:id/refund',
    {
      ...administratorsOnly,
      schema: {
        tags: ['staff: payments'],
        summary: 'Return a LiqPay contribution to the member’s card (administrators)',
        description:
          'LiqPay refunds the whole payment; the payment is then reversed and the membership shortened by ' +
          'the days it added. 404 unknown payment; 409 for anything but a confirmed LiqPay contribution ' +
          '(manual entries and payouts are reversed instead); 422 when LiqPay refuses, 503 when it cannot ' +
          'be reached (nothing changes).',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 4_294_967_295 }) }),
        body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }),
        response: {
          200: Type.Object({
            status: Type.String(),
            message: Type.String(),
            payment_id: Type.Integer(),
            state: Type.Literal('reversed'),
          }),
        },
      },
    },
    async (request) => {
      const reason = request.body?.reason?.trim() || null;
      const payment = await refundPayment(deps, request.params.id, callerId(request), reason);
      return {
        status: 'success',
        message: 'The payment was refunded through LiqPay',
        payment_id: payment.id,
        state: 'reversed' as const,
      };
    },
  );
}
