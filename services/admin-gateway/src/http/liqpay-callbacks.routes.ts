import { LiqPayCallbackRejectionDay } from '@kasa/contracts';
import { asCaller, bearerSecurity, type HttpApp } from '@kasa/http';
import { ClientDay, dayOf, type GatewayContext } from '@kasa/runtime';
import { type Static, Type } from 'typebox';
import { staffOnly } from '../access.ts';

const RejectedCallbacks = Type.Object({
  status: Type.Literal('success'),
  data: Type.Array(LiqPayCallbackRejectionDay),
});

/**
 * What was sent to LiqPay's callback and refused without being kept (issue 18): staff see that
 * it happened, how often and when, per Kyiv day and reason.
 */
export function liqpayCallbackRoutes(app: HttpApp, { services }: GatewayContext): void {
  app.get(
    '/payments/rejected-callbacks',
    {
      ...staffOnly,
      schema: {
        tags: ['payments'],
        security: bearerSecurity,
        summary: 'LiqPay callbacks refused and not kept, counted per Kyiv day and reason',
        description:
          '`bad_signature`: not signed with the fund’s key; `oversized`: larger than the callback form ' +
          'allows; `malformed`: not the form. Many from LiqPay itself would mean a wrong key or a changed ' +
          'format (checkouts are still credited by the reconciliation with LiqPay’s status API). The ' +
          'days from `date_start` to `date_end` (both included); the last 31 when not given. Latest first.',
        querystring: Type.Object({
          date_start: Type.Optional(ClientDay),
          date_end: Type.Optional(ClientDay),
        }),
        response: { 200: RejectedCallbacks },
      },
    },
    async (request): Promise<Static<typeof RejectedCallbacks>> => {
      const from = dayOf('date_start', request.query.date_start);
      const to = dayOf('date_end', request.query.date_end);
      const data = await services.payment.request({
        method: 'GET',
        path: '/staff/liqpay/callback-rejections',
        query: { from, to },
        ...asCaller(request),
        response: Type.Array(LiqPayCallbackRejectionDay),
      });
      return { status: 'success', data };
    },
  );
}
