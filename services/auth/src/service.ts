import { defineService } from '@kasa/runtime';
import { buildAuthDeps } from './deps.ts';
import { memberPhoneRoutes } from './http/member-phone.routes.ts';
import { memberSignInRoutes } from './http/member-sign-in.routes.ts';
import { seedSessionRoutes } from './http/seed-sessions.routes.ts';
import { sessionRoutes } from './http/sessions.routes.ts';
import { staffRoutes } from './http/staff.routes.ts';
import { staffDirectoryRoutes } from './http/staff-directory.routes.ts';
import { tokenRoutes } from './http/tokens.routes.ts';
import { memberHandlers } from './messaging/member.handlers.ts';
import { AuthSettings } from './settings.ts';

export const authService = defineService({
  name: 'auth',
  description:
    'Sign-in: SMS one-time codes for members, passwords for staff, access and refresh tokens, staff accounts.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  settings: AuthSettings,
  deps: buildAuthDeps,
  routes: (app, deps) => {
    memberSignInRoutes(app, deps);
    tokenRoutes(app, deps);
    app.register(sessionRoutes(deps));
    // Only with the old system's secret: without it no route even takes its tokens.
    if (deps.seedTokens) seedSessionRoutes(app, deps);
    app.register(memberPhoneRoutes(deps));
    app.register(staffRoutes(deps));
    app.register(staffDirectoryRoutes(deps));
  },
  handlers: (consumers) => memberHandlers(consumers),
});
