import { CommonConfig, url } from '@kasa/config';
import { type Static, Type } from 'typebox';
import { WebhookVariables, webhookSettingsProblem } from './webhooks/webhook-settings.ts';

const Variables = Type.Object({
  NODE_ENV: CommonConfig.NODE_ENV,
  /** Without it, texts are written to the log instead of sent (the log driver). */
  TWILIO_ACCOUNT_SID: Type.Optional(Type.String({ pattern: '^AC[0-9a-fA-F]{32}$' })),
  TWILIO_AUTH_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  /** The sender number, E.164. */
  TWILIO_FROM: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{7,14}$' })),
  /** Where the SDK's requests go: Twilio itself, or a local fake in tests. */
  TWILIO_API_URL: url('https://api.twilio.com', ['https', 'http']),
  /** How long one provider call may take before its outcome counts as unknown. */
  SMS_TIMEOUT_MS: Type.Integer({ minimum: 1, default: 10_000 }),
  /** Members are reminded this many days before their last paid day. */
  REMINDER_DAYS_BEFORE: Type.Integer({ minimum: 0, maximum: 60, default: 5 }),
  /** How often the reminder job looks for memberships about to lapse. */
  REMINDER_CHECK_SECONDS: Type.Integer({ minimum: 1, default: 900 }),
  /** The staff chat's bot; without it, staff messages are written to the log instead. */
  TELEGRAM_BOT_TOKEN: Type.Optional(Type.String({ pattern: '^[0-9]+:[A-Za-z0-9_-]{20,}$' })),
  /** The staff chat: a group's id (negative) or a channel's @name. */
  TELEGRAM_CHAT_ID: Type.Optional(Type.String({ pattern: '^(-?[0-9]+|@[A-Za-z0-9_]{5,})$' })),
  /** Where Bot API requests go: Telegram itself, or a local fake in tests. */
  TELEGRAM_API_URL: url('https://api.telegram.org', ['https', 'http']),
  /** How long one Bot API call may take. */
  TELEGRAM_TIMEOUT_MS: Type.Integer({ minimum: 1, default: 10_000 }),
  ...WebhookVariables,
});

/**
 * The notification service's own variables. In production a missing Twilio account would
 * silently turn every sign-in code into a log line, so that configuration is refused. The
 * checks travel with the schema, so they run where the runtime loads it, before the service
 * touches its database; typed as the plain object, which is what `defineService` takes.
 */
export const NotificationSettings: typeof Variables = Type.Refine(
  Variables,
  (settings) => notificationSettingsProblem(settings) === null,
  (settings) => notificationSettingsProblem(settings) ?? '',
);

/** What is wrong with the variables taken together, or null. */
function notificationSettingsProblem(settings: Static<typeof Variables>): string | null {
  if (settings.NODE_ENV === 'production' && settings.TWILIO_ACCOUNT_SID === undefined)
    return 'TWILIO_ACCOUNT_SID is required when NODE_ENV=production (without it SMS would only be logged)';
  if (
    settings.TWILIO_ACCOUNT_SID !== undefined &&
    (settings.TWILIO_AUTH_TOKEN === undefined || settings.TWILIO_FROM === undefined)
  )
    return 'TWILIO_AUTH_TOKEN and TWILIO_FROM are required when TWILIO_ACCOUNT_SID is set';
  if ((settings.TELEGRAM_BOT_TOKEN === undefined) !== (settings.TELEGRAM_CHAT_ID === undefined))
    return 'TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID are set together (the staff chat needs both)';
  return webhookSettingsProblem(settings);
}

export type NotificationSettings = Static<typeof NotificationSettings>;
