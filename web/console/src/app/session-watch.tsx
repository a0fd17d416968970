import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { messages } from '../i18n/messages.ts';
import { sessions } from '../session/session.ts';

/**
 * When the session ends, whatever ended it, nothing of the last user's data stays on screen or
 * in the cache; an expired session returns to the sign-in page, and from there to where it was.
 */
export function SessionWatch() {
  const router = useRouter();
  const queries = useQueryClient();
  useEffect(
    () =>
      sessions.subscribe(() => {
        if (sessions.current) return;
        queries.clear();
        const expired = sessions.ended === 'expired';
        notifications.show({
          color: expired ? 'yellow' : 'gray',
          message: expired ? messages.session.expired : messages.session.signedOut,
        });
        const here = router.state.location.href;
        void router.navigate({
          to: '/sign-in',
          search: expired && !here.startsWith('/sign-in') ? { redirect: here } : {},
        });
      }),
    [router, queries],
  );
  return null;
}
