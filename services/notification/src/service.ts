import { defineService } from '@kasa/runtime';
import { registerHandlers } from './messaging/handlers.ts';
import { NotificationSettings } from './settings.ts';

export const notificationService = defineService({
  name: 'notification',
  description: 'Notifications: SMS through Twilio, staff messages, outbound webhooks.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  settings: NotificationSettings,
  handlers: registerHandlers,
});
