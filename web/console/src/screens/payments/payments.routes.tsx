import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/router.tsx';
import { filtersFromSearch } from './payment-filters.ts';

/** The payment register; the address keeps its filters and page, so a filtered list can be linked to. */
export const paymentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/payments',
  validateSearch: filtersFromSearch,
  component: lazyRouteComponent(() => import('./payments-screen.tsx'), 'PaymentsScreen'),
});
