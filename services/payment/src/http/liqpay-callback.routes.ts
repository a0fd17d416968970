import { LIQPAY_CALLBACK_FORM_MAX_BYTES, LiqPayCallbackForm, LiqPayCallbackOutcome } from '@kasa/contracts';
import type { HttpApp } from '@kasa/http';
import { payable } from '../application/ask-liqpay.ts';
import { refuseLiqPayCallback } from '../application/refuse-liqpay-callback.ts';
import type { PaymentDeps } from '../deps.ts';
import { readLiqPayCallback } from '../liqpay/liqpay-callback.ts';
import { countRefusedForms } from './liqpay-callback-rejections.routes.ts';

/**
 * LiqPay's callback, as the mobile gateway passes it on: no token, the signature is the proof.
 * Read once, at the edge, into LiqPay's report; the report kept and applied to its order with
 * the others that came at the same time (application/callback-batches.ts).
 */
export function liqpayCallbackRoutes(app: HttpApp, deps: PaymentDeps): void {
  app.post(
    '/liqpay/callbacks',
    {
      schema: {
        tags: ['liqpay'],
        summary: "LiqPay's report on an order",
        description:
          '400 when the signature is not the fund’s, or the form is not base64 within its limits (413 for ' +
          'a body larger than any valid form): counted, not kept, and nothing changes. 400 too for a signed ' +
          'callback that is no report the fund can read (a field missing or not as LiqPay sends it): kept, ' +
          'and nothing changes. Otherwise what became of it (`unknown_order` when no checkout or ' +
          'subscription has its order) and the parameters LiqPay signed.',
        body: LiqPayCallbackForm,
        response: { 200: LiqPayCallbackOutcome },
      },
      bodyLimit: LIQPAY_CALLBACK_FORM_MAX_BYTES,
      onError: countRefusedForms(deps),
    },
    async (request) => {
      const liqpay = payable(deps.liqpay);
      const callback = readLiqPayCallback(request.body, liqpay);
      if (!callback.ok) return refuseLiqPayCallback(deps, callback.refusal);
      const result = await liqpay.callbacks.apply(callback);
      if (result !== 'applied' && result !== 'unchanged')
        request.log.warn({ result }, 'LiqPay callback not credited');
      return { status: 'ok' as const, result, data: callback.params };
    },
  );
}
