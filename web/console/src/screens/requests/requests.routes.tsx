import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/router.tsx';
import { type RequestStatus, statusesOfSearch } from './requests-logic.ts';

/** The list's filters in its address, so the dashboard can link to a filtered list. */
export interface RequestListSearch {
  status?: RequestStatus[];
  q?: string;
}

export const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests',
  validateSearch: (search: Record<string, unknown>): RequestListSearch => ({
    ...(search.status === undefined ? {} : { status: statusesOfSearch(search.status) }),
    ...(typeof search.q === 'string' && search.q !== '' ? { q: search.q } : {}),
  }),
  component: lazyRouteComponent(() => import('./requests-screen.tsx'), 'RequestsScreen'),
});

export const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests/$requestId',
  component: lazyRouteComponent(() => import('./request-card-screen.tsx'), 'RequestCardScreen'),
});
