import { audienceScope } from '@kasa/files/http';
import { defineService } from '@kasa/runtime';
import { buildRequestDeps } from './deps.ts';
import { memberRequestRoutes } from './http/member-requests.routes.ts';
import { staffMemberFileRoutes } from './http/staff-member-files.routes.ts';
import { staffRequestRoutes } from './http/staff-requests.routes.ts';
import { memberHandlers } from './messaging/member.handlers.ts';
import { paymentHandlers } from './messaging/payment.handlers.ts';
import { RequestSettings } from './settings.ts';

export const requestService = defineService({
  name: 'request',
  description: 'Aid requests: receipts, the conversation with staff, diagnosis, granted amounts.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  settings: RequestSettings,
  deps: buildRequestDeps,
  routes: async (app, deps) => {
    await app.register(audienceScope('member', deps.scope, deps, [memberRequestRoutes]));
    await app.register(audienceScope('staff', deps.scope, deps, [staffRequestRoutes, staffMemberFileRoutes]));
  },
  // Both write what another service decided, through the consumer's own transaction: no deps.
  handlers: (consumers) => {
    memberHandlers(consumers);
    paymentHandlers(consumers);
  },
});
