import type { Logger } from '@kasa/log';
import type { NotificationSettings } from '../settings.ts';
import { LogStaffChat } from './log-staff-chat.ts';
import type { StaffChat } from './staff-chat.ts';
import { TelegramStaffChat } from './telegram-staff-chat.ts';

/** Telegram when a bot and chat are configured, else the log. */
export function createStaffChat(settings: NotificationSettings, logger: Logger): StaffChat {
  const { TELEGRAM_BOT_TOKEN: botToken, TELEGRAM_CHAT_ID: chatId } = settings;
  if (botToken === undefined || chatId === undefined) {
    logger.warn('TELEGRAM_BOT_TOKEN is not set: staff messages are written to the log instead of Telegram');
    return new LogStaffChat(logger);
  }
  logger.info({ apiUrl: settings.TELEGRAM_API_URL }, 'staff messages go to Telegram');
  return new TelegramStaffChat({
    apiUrl: settings.TELEGRAM_API_URL,
    botToken,
    chatId,
    timeoutMs: settings.TELEGRAM_TIMEOUT_MS,
  });
}
