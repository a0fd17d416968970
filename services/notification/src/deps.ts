import { readPem } from '@kasa/config';
import type { Database } from '@kasa/db';
import type { Logger } from '@kasa/log';
import type { UnitOfWork } from '@kasa/messaging';
import type { ServiceContext } from '@kasa/runtime';
import type { NotificationSettings } from './settings.ts';
import { createSmsSender } from './sms/create-sms-sender.ts';
import type { SmsSender } from './sms/sms-sender.ts';
import { createStaffChat } from './staff-chat/create-staff-chat.ts';
import type { StaffChat } from './staff-chat/staff-chat.ts';
import { DeliveryWorker } from './webhooks/delivery/delivery-worker.ts';
import { WebhookSender } from './webhooks/delivery/webhook-sender.ts';
import { type AddressPolicy, addressPolicy } from './webhooks/domain/address-policy.ts';
import { parseRetryDelays } from './webhooks/domain/retry-schedule.ts';
import { allowedTargetsOf } from './webhooks/webhook-settings.ts';

export type NotificationContext = Pick<
  ServiceContext<NotificationSettings>,
  'settings' | 'logger' | 'database' | 'messaging'
>;

/** What the notification service's routes, handlers and jobs hand its use cases. */
export interface NotificationDeps {
  settings: NotificationSettings;
  logger: Logger;
  database: Database;
  unitOfWork: UnitOfWork;
  /** Twilio, or the log when no account is configured. */
  smsSender: SmsSender;
  /** Telegram, or the log when no bot is configured. */
  staffChat: StaffChat;
  /** How the staff routes check tokens; null without JWT_PUBLIC_KEY (the routes are off). */
  staffTokens: { publicKeyPem: string; issuer: string } | null;
  /** Where a subscriber URL may point: the public Internet and WEBHOOK_ALLOWED_TARGETS. */
  addressPolicy: AddressPolicy;
  webhookSender: WebhookSender;
  /** Sends due deliveries; shared by the jobs that wake it and the stop that ends it. */
  deliveryWorker: DeliveryWorker;
}

/** Up to ±20% on each pause of the webhooks' retry schedule. */
const JITTER = 0.2;

/** The service's composition root, built once per process by the runtime. */
export function buildNotificationDeps(context: NotificationContext): NotificationDeps {
  const { settings, logger, database, messaging } = context;
  const smsSender = createSmsSender(settings, logger);
  const staffChat = createStaffChat(settings, logger);
  const allowed = allowedTargetsOf(settings);
  const policy = addressPolicy(allowed);
  // Said once at start, so that an operator sees what a subscriber URL can reach besides the Internet.
  logger.info(
    { allowedTargets: allowed.map(({ text }) => text) },
    allowed.length === 0
      ? 'webhooks reach public addresses only'
      : 'webhooks reach public addresses and the allowed targets (WEBHOOK_ALLOWED_TARGETS)',
  );
  const webhookSender = new WebhookSender({
    policy,
    timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
    connections: settings.WEBHOOK_MAX_IN_FLIGHT,
  });
  return {
    settings,
    logger,
    database,
    unitOfWork: messaging.unitOfWork,
    smsSender,
    staffChat,
    staffTokens:
      settings.JWT_PUBLIC_KEY === undefined
        ? null
        : { publicKeyPem: readPem(settings.JWT_PUBLIC_KEY), issuer: settings.JWT_ISSUER },
    addressPolicy: policy,
    webhookSender,
    deliveryWorker: new DeliveryWorker({
      database,
      sender: webhookSender,
      retry: { delaysMs: parseRetryDelays(settings.WEBHOOK_RETRY_DELAYS_MS), jitter: JITTER },
      timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
      maxInFlight: settings.WEBHOOK_MAX_IN_FLIGHT,
      logger,
    }),
  };
}
