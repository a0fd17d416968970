import { useSyncExternalStore } from 'react';
import { type Session, sessions } from './session.ts';

/** The current session, re-rendering when it changes. */
export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => sessions.subscribe(listener),
    () => sessions.current,
  );
}
