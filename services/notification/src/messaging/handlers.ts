import { SignCodeRequested } from '@kasa/contracts';
import type { Consumers } from '@kasa/messaging';
import type { ServiceContext } from '@kasa/runtime';
import type { NotificationSettings } from '../settings.ts';
import { createSmsSender } from '../sms/create-sms-sender.ts';
import { onSignCodeRequested } from './on-sign-code-requested.handler.ts';

export type HandlersContext = Pick<ServiceContext<NotificationSettings>, 'settings' | 'logger' | 'database'>;

/** The service's event handlers; the service definition and the tests both register them here. */
export function registerHandlers(
  consumers: Consumers,
  { settings, logger, database }: HandlersContext,
): void {
  const sender = createSmsSender(settings, logger);
  consumers.handle(SignCodeRequested, onSignCodeRequested({ database, sender }));
}
