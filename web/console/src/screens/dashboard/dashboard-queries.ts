import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { call } from '../../api/errors.ts';

/** The figures staff see first, refreshed every minute while the dashboard is open. */
export function useDashboard() {
  return useQuery({
    queryKey: ['dashboard'],
    queryFn: () => call(() => api.GET('/dashboard')).then((answer) => answer.data),
    refetchInterval: 60_000,
  });
}

export type Dashboard = NonNullable<ReturnType<typeof useDashboard>['data']>;
