import type { ServiceDefinition } from '@kasa/runtime';

export const authService: ServiceDefinition = {
  name: 'auth',
  description:
    'Sign-in: SMS one-time codes for members, passwords for staff, access and refresh tokens, staff accounts.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
};
