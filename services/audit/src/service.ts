import { readPem } from '@kasa/config';
import { tokenScope } from '@kasa/http';
import { defineService } from '@kasa/runtime';
import { auditTrailRoutes } from './http/audit-trail.routes.ts';
import { trailHandlers } from './messaging/trail.handlers.ts';
import { AuditSettings } from './settings.ts';

export const auditService = defineService({
  name: 'audit',
  description: 'The audit trail: every event, its actor and the names of what changed, hash-chained.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  settings: AuditSettings,
  routes: async (app, { settings, database }) => {
    const keys = { publicKeyPem: readPem(settings.JWT_PUBLIC_KEY), issuer: settings.JWT_ISSUER };
    await app.register(tokenScope('staff', keys, { database }, [auditTrailRoutes]));
  },
  handlers: (consumers) => trailHandlers(consumers),
});
