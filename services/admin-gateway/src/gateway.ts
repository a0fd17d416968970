import { defineGateway } from '@kasa/runtime';
import { corsOriginsOf, registerCors } from './cors.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { dashboardRoutes } from './routes/dashboard.routes.ts';
import { fileRoutes } from './routes/files.routes.ts';
import { liqpayCallbackRoutes } from './routes/liqpay-callbacks.routes.ts';
import { memberRoutes } from './routes/members.routes.ts';
import { paymentRoutes } from './routes/payments.routes.ts';
import { programRoutes } from './routes/programs.routes.ts';
import { requestRoutes } from './routes/requests.routes.ts';
import { staffSignInRoutes } from './routes/staff-sign-in.routes.ts';
import { staffUserRoutes } from './routes/staff-users.routes.ts';
import { webhookRoutes } from './routes/webhooks.routes.ts';
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
  },
});
