import { defineService } from '@kasa/runtime';
import { signUpHandlers } from './messaging/sign-up.handlers.ts';

export const memberService = defineService({
  name: 'member',
  description:
    'Members: profiles, programs, identity documents, Diia import, staff review, membership dates.',
  migrationsFolder: new URL('../migrations', import.meta.url).pathname,
  handlers: (consumers) => signUpHandlers(consumers),
});
