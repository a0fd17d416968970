import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors.ts';

/**
 * Server state: lists and cards are fresh for 15 s and refetched when the window is focused
 * again; a failed read is tried again twice, except for answers that another try cannot change.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status !== null && error.status < 500),
    },
  },
});
