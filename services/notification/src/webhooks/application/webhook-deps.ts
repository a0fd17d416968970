import type { ServiceContext } from '@kasa/runtime';
import type { NotificationSettings } from '../../settings.ts';
import { DeliveryWorker } from '../delivery/delivery-worker.ts';
import { WebhookSender } from '../delivery/webhook-sender.ts';
import { type AddressPolicy, addressPolicy } from '../domain/address-policy.ts';
import { parseRetryDelays } from '../domain/retry-schedule.ts';
import { allowedRangesOf } from '../webhook-settings.ts';

export type WebhookContext = Pick<ServiceContext<NotificationSettings>, 'settings' | 'logger' | 'database'>;

export interface WebhookDeps {
  context: WebhookContext;
  policy: AddressPolicy;
  sender: WebhookSender;
  worker: DeliveryWorker;
}

/** Up to ±20% on each pause of the retry schedule. */
const JITTER = 0.2;

const built = new WeakMap<WebhookContext, WebhookDeps>();

/** The webhooks' parts, built once per service: its routes and its jobs share the worker. */
export function webhookDeps(context: WebhookContext): WebhookDeps {
  let deps = built.get(context);
  if (!deps) {
    deps = buildDeps(context);
    built.set(context, deps);
  }
  return deps;
}

function buildDeps(context: WebhookContext): WebhookDeps {
  const { settings, logger, database } = context;
  const policy = addressPolicy({
    production: settings.NODE_ENV === 'production',
    allowedRanges: allowedRangesOf(settings.WEBHOOK_ALLOWED_PRIVATE_RANGES),
  });
  const sender = new WebhookSender({
    policy,
    timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
    connections: settings.WEBHOOK_MAX_IN_FLIGHT,
  });
  const worker = new DeliveryWorker({
    database,
    sender,
    retry: { delaysMs: parseRetryDelays(settings.WEBHOOK_RETRY_DELAYS_MS), jitter: JITTER },
    timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
    maxInFlight: settings.WEBHOOK_MAX_IN_FLIGHT,
    logger,
  });
  return { context, policy, sender, worker };
}
