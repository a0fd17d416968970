import type { ServiceDefinition } from '@kasa/runtime';

export const memberService: ServiceDefinition = {
  name: 'member',
  description:
    'Members: profiles, programs, identity documents, Diia import, staff review, membership dates.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
};
