import { ConfigError } from '@kasa/config';
import type { Logger } from '@kasa/log';
import type { NotificationSettings } from '../settings.ts';
import { LogSmsSender } from './log-sms-sender.ts';
import type { SmsSender } from './sms-sender.ts';
import { TwilioSmsSender } from './twilio-sms-sender.ts';

/** Twilio when an account is configured, else the log driver (the settings refuse that in production). */
export function createSmsSender(settings: NotificationSettings, logger: Logger): SmsSender {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from } = settings;
  if (accountSid === undefined) {
    logger.warn('TWILIO_ACCOUNT_SID is not set: SMS are written to the log instead of sent');
    return new LogSmsSender(logger);
  }
  if (authToken === undefined || from === undefined) {
    throw new ConfigError(['TWILIO_AUTH_TOKEN and TWILIO_FROM are required when TWILIO_ACCOUNT_SID is set']);
  }
  logger.info({ apiUrl: settings.TWILIO_API_URL }, 'SMS are sent through Twilio');
  return new TwilioSmsSender({
    accountSid,
    authToken,
    from,
    apiUrl: settings.TWILIO_API_URL,
    timeoutMs: settings.SMS_TIMEOUT_MS,
  });
}
