import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/router.tsx';
import { readAuditSearch } from './audit-filter.ts';

/** The audit log (administrators): its filters live in the address, so a filtered view can be linked. */
export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: readAuditSearch,
  component: lazyRouteComponent(() => import('./audit-screen.tsx'), 'AuditScreen'),
});
