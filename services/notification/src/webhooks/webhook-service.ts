import { readPem } from '@kasa/config';
import { type HttpApp, tokenScope } from '@kasa/http';
import type { PeriodicJob } from '@kasa/runtime';
import { webhookDeliveryRoutes } from '../http/webhook-deliveries.routes.ts';
import { webhookSubscriberRoutes } from '../http/webhook-subscribers.routes.ts';
import { type WebhookContext, webhookDeps } from './application/webhook-deps.ts';
import { forgetOldHistory } from './db/webhook-deliveries.repository.ts';

/** Attempts under way when the service stops get this long to end; the rest are retried later. */
const STOP_GRACE_MS = 5_000;

/**
 * The webhooks' staff routes, and the worker's orderly stop with the HTTP server (before the
 * database closes, so the last outcomes are written).
 */
export async function webhookRoutes(app: HttpApp, context: WebhookContext): Promise<void> {
  const deps = webhookDeps(context);
  app.addHook('onClose', async () => {
    await deps.worker.stop(STOP_GRACE_MS);
    await deps.sender.close();
  });
  const { JWT_PUBLIC_KEY: publicKey, JWT_ISSUER: issuer } = context.settings;
  if (publicKey === undefined) {
    context.logger.warn('JWT_PUBLIC_KEY is not set: the webhook staff routes are off');
    return;
  }
  await app.register(
    tokenScope('staff', { publicKeyPem: readPem(publicKey), issuer }, deps, [
      webhookSubscriberRoutes,
      webhookDeliveryRoutes,
    ]),
  );
}

/** Sending due deliveries (every instance: they share the work), and forgetting old history. */
export function webhookJobs(context: WebhookContext): PeriodicJob[] {
  const { worker } = webhookDeps(context);
  const { database, settings } = context;
  return [
    { name: 'send due webhook deliveries', everyMs: settings.WEBHOOK_POLL_MS, run: () => worker.tick() },
    {
      name: 'forget old webhook deliveries',
      everyMs: 3_600_000,
      run: async () => {
        while ((await forgetOldHistory(database.db, settings.WEBHOOK_RETENTION_DAYS)) > 0);
      },
    },
  ];
}
