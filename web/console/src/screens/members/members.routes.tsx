import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/router.tsx';
import { readMembersSearch } from './members-filter.ts';

/** The attention queue and the search; the address keeps the query, the fields and the page. */
export const membersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/members',
  validateSearch: readMembersSearch,
  component: lazyRouteComponent(() => import('./members-screen.tsx'), 'MembersScreen'),
});

/** One member's card. */
export const memberCardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/members/$memberId',
  component: lazyRouteComponent(() => import('./member-card-screen.tsx'), 'MemberCardScreen'),
});
