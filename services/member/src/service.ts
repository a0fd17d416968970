import { audienceScope } from '@kasa/files/http';
import { defineService } from '@kasa/runtime';
import { processPendingDiiaCallbacks } from './application/diia-process-pending.ts';
import { buildMemberDeps } from './deps.ts';
import { diiaCallbackRoutes, diiaMemberRoutes } from './http/diia.routes.ts';
import { memberFileRoutes } from './http/member-files.routes.ts';
import { memberProfileRoutes } from './http/member-profile.routes.ts';
import { memberRecordRoutes } from './http/member-record.routes.ts';
import { programCatalogueRoutes } from './http/program-catalogue.routes.ts';
import { staffMemberRecordRoutes } from './http/staff-member-records.routes.ts';
import { staffMemberRoutes } from './http/staff-members.routes.ts';
import { staffProgramRoutes } from './http/staff-programs.routes.ts';
import { authHandlers } from './messaging/auth.handlers.ts';
import { paymentHandlers } from './messaging/payment.handlers.ts';
import { requestHandlers } from './messaging/request.handlers.ts';
import { MemberSettings } from './settings.ts';

export const memberService = defineService({
  name: 'member',
  description:
    'Members: profiles, programs, identity documents, Diia import, staff review, membership dates.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  settings: MemberSettings,
  deps: buildMemberDeps,
  routes: async (app, deps) => {
    // Callbacks kept while no decryptor was configured are processed once one is, after start.
    if (deps.decryptor) {
      app.addHook('onReady', async () => {
        void processPendingDiiaCallbacks(deps).catch((error: unknown) =>
          deps.context.logger.error({ err: error }, 'kept Diia callbacks were not processed'),
        );
      });
    }
    programCatalogueRoutes(app, deps);
    await app.register(diiaCallbackRoutes(deps));
    await app.register(
      audienceScope('member', deps.scope, deps, [
        memberProfileRoutes,
        memberRecordRoutes,
        memberFileRoutes,
        diiaMemberRoutes,
      ]),
    );
    await app.register(
      audienceScope('staff', deps.scope, deps, [
        staffMemberRoutes,
        staffMemberRecordRoutes,
        staffProgramRoutes,
      ]),
    );
  },
  handlers: (consumers) => {
    authHandlers(consumers);
    requestHandlers(consumers);
    paymentHandlers(consumers);
  },
});
