import type { GatewayDefinition } from '@kasa/runtime';
import { signInRoutes } from './routes/sign-in.routes.ts';

export const mobileGateway: GatewayDefinition = {
  name: 'mobile-gateway',
  description: "The members' API, used by the Kasa mobile app; also LiqPay's and Diia's callbacks.",
  audience: 'member',
  routes: (app, context) => {
    signInRoutes(app, context);
  },
};
