import type { ServiceContext } from '@kasa/runtime';
import type { NotificationSettings } from '../../settings.ts';
import { DeliveryWorker } from '../delivery/delivery-worker.ts';
import { WebhookSender } from '../delivery/webhook-sender.ts';
import { type AddressPolicy, addressPolicy } from '../domain/address-policy.ts';
import { parseRetryDelays } from '../domain/retry-schedule.ts';
import { allowedTargetsOf } from '../webhook-settings.ts';

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
  const allowed = allowedTargetsOf(settings);
  const policy = addressPolicy(allowed);
  // Said once at start, so that an operator sees what a subscriber URL can reach besides the Internet.
  logger.info(
    { allowedTargets: allowed.map(({ text }) => text) },
    allowed.length === 0
      ? 'webhooks reach public addresses only'
      : 'webhooks reach public addresses and the allowed targets (WEBHOOK_ALLOWED_TARGETS)',
  );
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
