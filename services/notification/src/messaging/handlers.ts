import { SignCodeRequested } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import type { ServiceContext } from '@kasa/runtime';
import type { NotificationSettings } from '../settings.ts';
import { createSmsSender } from '../sms/create-sms-sender.ts';
import { createStaffChat } from '../staff-chat/create-staff-chat.ts';
import { webhookHandlers } from '../webhooks/webhook-handlers.ts';
import { memberTextsHandler } from './member-texts.handler.ts';
import { onSignCodeRequested } from './on-sign-code-requested.handler.ts';
import { staffChatHandler } from './staff-chat.handler.ts';

export type HandlersContext = Pick<ServiceContext<NotificationSettings>, 'settings' | 'logger' | 'database'>;

/** The service's event handlers; the service definition and the tests both register them here. */
export function registerHandlers(
  consumers: Consumers,
  { settings, logger, database }: HandlersContext,
): void {
  const sender = createSmsSender(settings, logger);
  consumers.handle(SignCodeRequested, onSignCodeRequested({ database, sender }));
  consumers.handleStream('member-texts', memberTextsHandler({ database, sender }));
  consumers.handleStream(
    'staff-chat',
    staffChatHandler({ database, chat: createStaffChat(settings, logger) }),
  );
  webhookHandlers(consumers, { settings });
}
