import type { ServiceDefinition } from '@kasa/runtime';

export const notificationService: ServiceDefinition = {
  name: 'notification',
  description: 'Notifications: SMS through Twilio, staff messages, outbound webhooks.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
};
