import { SignCodeRequested } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import type { NotificationDeps } from '../deps.ts';
import { memberTextsHandler } from './member-texts.handler.ts';
import { onSignCodeRequested } from './on-sign-code-requested.handler.ts';
import { staffChatHandler } from './staff-chat.handler.ts';
import { webhooksHandler } from './webhooks.handler.ts';

export type HandlersDeps = Pick<NotificationDeps, 'settings' | 'database' | 'smsSender' | 'staffChat'>;

/** The service's event handlers; the service definition and the tests both register them here. */
export function registerHandlers(
  consumers: Consumers,
  { settings, database, smsSender: sender, staffChat: chat }: HandlersDeps,
): void {
  consumers.handle(SignCodeRequested, onSignCodeRequested({ database, sender }));
  consumers.handleStream('member-texts', memberTextsHandler({ database, sender }));
  consumers.handleStream('staff-chat', staffChatHandler({ database, chat }));
  consumers.handleStreamInBatches('webhooks', webhooksHandler({ settings }));
}
