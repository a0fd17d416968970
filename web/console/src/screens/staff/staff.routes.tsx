import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/router.tsx';

export const staffRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/staff',
  component: lazyRouteComponent(() => import('./staff-screen.tsx'), 'StaffScreen'),
});
