import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/router.tsx';

export const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  component: lazyRouteComponent(() => import('./dashboard-screen.tsx'), 'DashboardScreen'),
});
