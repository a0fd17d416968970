import formBody from '@fastify/formbody';
import { passMultipartThrough } from '@kasa/http';
import { defineGateway } from '@kasa/runtime';
import { appLinksRoutes } from './routes/app-links.routes.ts';
import { diiaRoutes } from './routes/diia.routes.ts';
import { paymentRoutes } from './routes/payments.routes.ts';
import { phoneRoutes } from './routes/phone.routes.ts';
import { profileRoutes } from './routes/profile.routes.ts';
import { requestRoutes } from './routes/requests.routes.ts';
import { signInRoutes } from './routes/sign-in.routes.ts';
import { subscriptionRoutes } from './routes/subscriptions.routes.ts';
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
