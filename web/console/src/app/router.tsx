import {
  createHashHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Navigate,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { AppLayout } from '../layout/app-layout.tsx';
import { auditRoute } from '../screens/audit/audit.routes.tsx';
import { dashboardRoute } from '../screens/dashboard/dashboard.routes.tsx';
import { memberCardRoute, membersRoute } from '../screens/members/members.routes.tsx';
import { paymentsRoute } from '../screens/payments/payments.routes.tsx';
import { programsRoute } from '../screens/programs/programs.routes.tsx';
import { requestRoute, requestsRoute } from '../screens/requests/requests.routes.tsx';
import { ChangePasswordScreen } from '../screens/sign-in/change-password-screen.tsx';
import { SignInScreen } from '../screens/sign-in/sign-in-screen.tsx';
import { staffRoute } from '../screens/staff/staff.routes.tsx';
import {
  webhookDeadLettersRoute,
  webhookSubscriberRoute,
  webhooksRoute,
} from '../screens/webhooks/webhooks.routes.tsx';
import { sessions } from '../session/session.ts';
import { navigationFor } from './navigation.ts';
import { SessionWatch } from './session-watch.tsx';

/** Where the user was: carried through the sign-in page and back. */
export interface ReturnTo {
  redirect?: string;
}

const returnTo = (search: Record<string, unknown>): ReturnTo =>
  typeof search.redirect === 'string' && search.redirect.startsWith('/') ? { redirect: search.redirect } : {};

export const rootRoute = createRootRoute({
  component: () => (
    <>
      <SessionWatch />
      <Outlet />
    </>
  ),
});

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: returnTo,
  component: SignInScreen,
});

export const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/change-password',
  validateSearch: returnTo,
  beforeLoad: ({ location }) => {
    if (!sessions.current) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: ChangePasswordScreen,
});

/** Every staff screen: signed in, with a password of their own. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ location }) => {
    const session = sessions.current;
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    if (session.user.must_change_password)
      throw redirect({ to: '/change-password', search: { redirect: location.href } });
  },
  component: AppLayout,
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    const [first] = sessions.current ? navigationFor(sessions.current.user) : [];
    if (first) throw redirect({ to: first.to });
  },
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  changePasswordRoute,
  appRoute.addChildren([
    homeRoute,
    requestsRoute,
    requestRoute,
    dashboardRoute,
    membersRoute,
    memberCardRoute,
    auditRoute,
    paymentsRoute,
    programsRoute,
    staffRoute,
    webhooksRoute,
    webhookDeadLettersRoute,
    webhookSubscriberRoute,
    // screens: each screen area adds its routes here
  ]),
]);

/** Hash routes (`/#/members/12`): no path of the console can ever shadow a path of the API. */
export const router = createRouter({
  routeTree,
  history: createHashHistory(),
  defaultPreload: 'intent',
  // An address the console does not know (an old bookmark) leads home, or to the sign-in page.
  defaultNotFoundComponent: () => <Navigate to="/" />,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
