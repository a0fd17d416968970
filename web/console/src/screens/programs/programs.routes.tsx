import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/router.tsx';

/** The program catalogue with each program's terms. */
export const programsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/programs',
  component: lazyRouteComponent(() => import('./programs-screen.tsx'), 'ProgramsScreen'),
});
