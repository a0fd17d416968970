import formBody from '@fastify/formbody';
import { passMultipartThrough } from '@kasa/http';
import { defineGateway } from '@kasa/runtime';
import { appLinksRoutes } from './http/app-links.routes.ts';
import { diiaRoutes } from './http/diia.routes.ts';
import { paymentRoutes } from './http/payments.routes.ts';
import { phoneRoutes } from './http/phone.routes.ts';
import { profileRoutes } from './http/profile.routes.ts';
import { requestRoutes } from './http/requests.routes.ts';
import { signInRoutes } from './http/sign-in.routes.ts';
import { subscriptionRoutes } from './http/subscriptions.routes.ts';
import { seedTokenExchange } from './seed-tokens.ts';
import { MobileGatewaySettings } from './settings.ts';

export const mobileGateway = defineGateway({
  name: 'mobile-gateway',
  description: "The members' API, used by the Kasa mobile app; also LiqPay's and Diia's callbacks.",
  audience: 'member',
  settings: MobileGatewaySettings,
  tokenExchange: seedTokenExchange,
  routes: async (app, context) => {
    // The seed's app sends some forms urlencoded; uploads pass through to the services unread.
    await app.register(formBody);
    passMultipartThrough(app);
    appLinksRoutes(app, context.settings.APPLE_APP_IDS.split(','));
    signInRoutes(app, context);
    profileRoutes(app, context);
    phoneRoutes(app, context);
    diiaRoutes(app, context);
    requestRoutes(app, context);
    paymentRoutes(app, context);
    subscriptionRoutes(app, context);
  },
});
