import { defineService } from '@kasa/runtime';
import { paymentDeps } from './application/payment-deps.ts';
import { reconcileCheckouts } from './application/reconcile-checkouts.ts';
import { liqpayCallbackRoutes, memberPaymentRoutes } from './http/payment.routes.ts';
import { memberHandlers } from './messaging/member.handlers.ts';
import { PaymentSettings } from './settings.ts';

export const paymentService = defineService({
  name: 'payment',
  description: 'Payments: LiqPay contributions, payouts, the payment register, reconciliation.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  settings: PaymentSettings,
  routes: async (app, context) => {
    const deps = paymentDeps(context);
    if (!deps.liqpay)
      context.logger.warn('LIQPAY_PUBLIC_KEY and LIQPAY_PRIVATE_KEY are not set: payments answer 503');
    await app.register(memberPaymentRoutes(deps));
    await app.register(liqpayCallbackRoutes(deps));
  },
  handlers: (consumers) => memberHandlers(consumers),
  jobs: (context) => [
    {
      name: 'reconcile LiqPay checkouts',
      everyMs: context.settings.RECONCILE_EVERY_SECONDS * 1000,
      run: async () => void (await reconcileCheckouts(paymentDeps(context))),
    },
  ],
});
