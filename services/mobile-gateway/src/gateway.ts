import { defineGateway } from '@kasa/runtime';
import { appLinksRoutes } from './routes/app-links.routes.ts';
import { signInRoutes } from './routes/sign-in.routes.ts';
import { MobileGatewaySettings } from './settings.ts';

export const mobileGateway = defineGateway({
  name: 'mobile-gateway',
  description: "The members' API, used by the Kasa mobile app; also LiqPay's and Diia's callbacks.",
  audience: 'member',
  settings: MobileGatewaySettings,
  routes: (app, context) => {
    appLinksRoutes(app, context.settings.APPLE_APP_IDS.split(','));
    signInRoutes(app, context);
  },
});
