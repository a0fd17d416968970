import type { ServiceDefinition } from '@kasa/runtime';

export const requestService: ServiceDefinition = {
  name: 'request',
  description: 'Aid requests: receipts, the conversation with staff, diagnosis, granted amounts.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
};
