import { defineService } from '@kasa/runtime';
import { registerHandlers } from './messaging/handlers.ts';
import { remindLapsingMemberships } from './reminders/remind-lapsing-memberships.ts';
import { NotificationSettings } from './settings.ts';
import { webhookJobs, webhookRoutes } from './webhooks/webhook-service.ts';

export const notificationService = defineService({
  name: 'notification',
  description: 'Notifications: SMS through Twilio, staff messages, outbound webhooks.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  settings: NotificationSettings,
  routes: webhookRoutes,
  handlers: registerHandlers,
  jobs: (context) => [
    ...webhookJobs(context),
    {
      name: 'remind memberships about to lapse',
      everyMs: context.settings.REMINDER_CHECK_SECONDS * 1000,
      run: () =>
        remindLapsingMemberships({
          database: context.database,
          unitOfWork: context.messaging.unitOfWork,
          daysBefore: context.settings.REMINDER_DAYS_BEFORE,
        }),
    },
  ],
});
