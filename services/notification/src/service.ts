import { tokenScope } from '@kasa/http';
import { defineService } from '@kasa/runtime';
import { buildNotificationDeps } from './deps.ts';
import { webhookDeliveryRoutes } from './http/webhook-deliveries.routes.ts';
import { webhookSubscriberRoutes } from './http/webhook-subscribers.routes.ts';
import { authHandlers } from './messaging/auth.handlers.ts';
import { memberTextsHandlers } from './messaging/member-texts.handlers.ts';
import { staffChatHandlers } from './messaging/staff-chat.handlers.ts';
import { webhooksHandlers } from './messaging/webhooks.handlers.ts';
import { remindLapsingMemberships } from './reminders/remind-lapsing-memberships.ts';
import { NotificationSettings } from './settings.ts';
import { forgetOldDeliveries } from './webhooks/application/forget-old-deliveries.ts';

/** Webhook attempts under way when the service stops get this long to end; the rest are retried later. */
const STOP_GRACE_MS = 5_000;

export const notificationService = defineService({
  name: 'notification',
  description: 'Notifications: SMS through Twilio, staff messages, outbound webhooks.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  settings: NotificationSettings,
  deps: buildNotificationDeps,
  routes: async (app, deps) => {
    // The delivery worker stops with the HTTP server, before the database closes, so that the
    // last outcomes are written.
    app.addHook('onClose', async () => {
      await deps.deliveryWorker.stop(STOP_GRACE_MS);
      await deps.webhookSender.close();
    });
    if (!deps.staffTokens) {
      deps.logger.warn('JWT_PUBLIC_KEY is not set: the webhook staff routes are off');
      return;
    }
    await app.register(
      tokenScope('staff', deps.staffTokens, deps, [webhookSubscriberRoutes, webhookDeliveryRoutes]),
    );
  },
  handlers: (consumers, deps) => {
    authHandlers(consumers, deps);
    memberTextsHandlers(consumers, deps);
    staffChatHandlers(consumers, deps);
    webhooksHandlers(consumers, deps);
  },
  jobs: (deps) => [
    // Every instance sends: they share the due deliveries through claims.
    {
      name: 'send due webhook deliveries',
      everyMs: deps.settings.WEBHOOK_POLL_MS,
      run: () => deps.deliveryWorker.tick(),
    },
    {
      name: 'forget old webhook deliveries',
      everyMs: 3_600_000,
      run: () => forgetOldDeliveries(deps.database.db, deps.settings.WEBHOOK_RETENTION_DAYS),
    },
    {
      name: 'remind memberships about to lapse',
      everyMs: deps.settings.REMINDER_CHECK_SECONDS * 1000,
      run: () =>
        remindLapsingMemberships({
          database: deps.database,
          unitOfWork: deps.unitOfWork,
          daysBefore: deps.settings.REMINDER_DAYS_BEFORE,
        }),
    },
  ],
});
