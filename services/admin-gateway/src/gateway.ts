import { defineGateway } from '@kasa/runtime';
import { corsOriginsOf, registerCors } from './cors.ts';
import { auditRoutes } from './http/audit.routes.ts';
import { consoleRoutes } from './http/console.routes.ts';
import { dashboardRoutes } from './http/dashboard.routes.ts';
import { fileRoutes } from './http/files.routes.ts';
import { liqpayCallbackRoutes } from './http/liqpay-callbacks.routes.ts';
import { memberRoutes } from './http/members.routes.ts';
import { paymentRoutes } from './http/payments.routes.ts';
import { programRoutes } from './http/programs.routes.ts';
import { requestRoutes } from './http/requests.routes.ts';
import { staffSignInRoutes } from './http/staff-sign-in.routes.ts';
import { staffUserRoutes } from './http/staff-users.routes.ts';
import { webhookRoutes } from './http/webhooks.routes.ts';
import { AdminGatewaySettings } from './settings.ts';

export const adminGateway = defineGateway({
  name: 'admin-gateway',
  description: "The staff API, used by the fund's admin web site.",
  audience: 'staff',
  settings: AdminGatewaySettings,
  routes: async (app, context) => {
    // First: every route below, and the answers of those that fail, carry the CORS headers.
    await registerCors(app, corsOriginsOf(context.settings.ADMIN_CORS_ORIGINS));
    staffSignInRoutes(app, context);
    staffUserRoutes(app, context);
    memberRoutes(app, context);
    fileRoutes(app, context);
    programRoutes(app, context);
    requestRoutes(app, context);
    paymentRoutes(app, context);
    liqpayCallbackRoutes(app, context);
    dashboardRoutes(app, context);
    auditRoutes(app, context);
    webhookRoutes(app, context);
    await consoleRoutes(app, context);
  },
});
