import { StatusAnswer } from '@kasa/contracts';
import { bearerSecurity, callerToken, type HttpApp } from '@kasa/http';
import type { GatewayContext } from '@kasa/runtime';
import { Type } from 'typebox';
import { adminOnly } from '../access.ts';

const Id = Type.Integer({ minimum: 1, maximum: 4_294_967_295 });

/** Refunds of members' LiqPay contributions, by administrators (issue 6). */
export function refundRoutes(app: HttpApp, { services }: GatewayContext): void {
  app.post(
    '/payment/refund',
    {
      ...adminOnly,
      schema: {
        tags: ['payments'],
        security: bearerSecurity,
        summary: 'Return a LiqPay contribution to the member’s card (administrators)',
        description:
          'LiqPay returns the whole payment; the payment is then refunded in the register and the membership ' +
          'shortened by the days it added. 404 unknown payment; 409 for anything but a confirmed LiqPay ' +
          'contribution (a manual entry or a payout is reversed instead); 422 when LiqPay refuses, with its ' +
          'reason; 503 when LiqPay cannot be reached (nothing changes).',
        body: Type.Object({
          payment: Id,
          reason: Type.Optional(Type.String({ maxLength: 500, description: 'kept with the payment' })),
        }),
        response: { 200: StatusAnswer },
      },
    },
    async (request) => {
      const { payment, reason } = request.body;
      const refunded = await services.payment.request({
        method: 'POST',
        path: `/staff/payments/${payment}/refund`,
        body: reason === undefined ? {} : { reason },
        headers: callerToken(request),
        requestId: request.id,
        response: Type.Object({ status: Type.String(), message: Type.String() }),
      });
      return { status: refunded.status, message: refunded.message };
    },
  );
}
