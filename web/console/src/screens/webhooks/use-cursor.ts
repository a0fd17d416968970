import { useState } from 'react';

/**
 * Paging by cursor, latest first: the page shown is the one below `before`; `older` moves on to
 * the answer's `next_before`, `newest` back to the start.
 */
export function useCursor() {
  const [before, setBefore] = useState<number | undefined>(undefined);
  return {
    before,
    older: (nextBefore: number) => setBefore(nextBefore),
    newest: () => setBefore(undefined),
  };
}
