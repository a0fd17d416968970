import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../app/router.tsx';

/** Outbound webhooks (administrators): the subscribers, the dead letters, one subscriber's card. */
export const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/webhooks',
  component: lazyRouteComponent(() => import('./webhooks-screen.tsx'), 'WebhooksScreen'),
});

export const webhookDeadLettersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/webhooks/dead-letters',
  component: lazyRouteComponent(
    () => import('./webhook-dead-letters-screen.tsx'),
    'WebhookDeadLettersScreen',
  ),
});

export const webhookSubscriberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/webhooks/$subscriberId',
  component: lazyRouteComponent(() => import('./webhook-subscriber-screen.tsx'), 'WebhookSubscriberScreen'),
});
