import { tokenScope } from '@kasa/http';
import { defineService } from '@kasa/runtime';
import { reconcileCheckouts } from './application/reconcile-checkouts.ts';
import { buildPaymentDeps } from './deps.ts';
import { liqpayCallbackRoutes } from './http/liqpay-callback.routes.ts';
import {
  liqpayRejectionReportRoutes,
  staffCallbackRejectionRoutes,
} from './http/liqpay-callback-rejections.routes.ts';
import { memberPaymentRoutes } from './http/payment.routes.ts';
import { staffPaymentRoutes } from './http/staff-payment.routes.ts';
import { staffRefundRoutes } from './http/staff-refund.routes.ts';
import { memberSubscriptionRoutes } from './http/subscription.routes.ts';
import { memberHandlers } from './messaging/member.handlers.ts';
import { requestHandlers } from './messaging/request.handlers.ts';
import { PaymentSettings } from './settings.ts';

export const paymentService = defineService({
  name: 'payment',
  description: 'Payments: LiqPay contributions, payouts, the payment register, reconciliation.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  settings: PaymentSettings,
  deps: buildPaymentDeps,
  routes: async (app, deps) => {
    // LiqPay's callback carries no token: its signature is the proof.
    liqpayCallbackRoutes(app, deps);
    liqpayRejectionReportRoutes(app, deps);
    await app.register(tokenScope('member', deps, deps, [memberPaymentRoutes, memberSubscriptionRoutes]));
    await app.register(
      tokenScope('staff', deps, deps, [staffPaymentRoutes, staffRefundRoutes, staffCallbackRejectionRoutes]),
    );
  },
  handlers: (consumers) => {
    memberHandlers(consumers);
    requestHandlers(consumers);
  },
  jobs: (deps) => [
    {
      name: 'reconcile LiqPay checkouts',
      everyMs: deps.context.settings.RECONCILE_EVERY_SECONDS * 1000,
      run: async () => void (await reconcileCheckouts(deps)),
    },
  ],
});
