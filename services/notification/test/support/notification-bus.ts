import { randomInt } from 'node:crypto';
import { after, before } from 'node:test';
import { loadConfig } from '@kasa/config';
import { type EventType, eventsOf, SignCodeRequested, SUBSCRIPTIONS } from '@kasa/contracts';
import { createLogger, type Logger } from '@kasa/log';
import {
  BrokerUnavailableError,
  eventMessage,
  Messaging,
  type MessagingOptions,
  newEvent,
  topologyNames,
} from '@kasa/messaging';
import {
  createTestDatabase,
  eventually,
  type FakeTwilio,
  startFakeTwilio,
  type TestDatabase,
  testAmqpUrl,
  testNamespace,
} from '@kasa/testing';
import { buildNotificationDeps } from '../../src/deps.ts';
import { notificationService } from '../../src/service.ts';
import { NotificationSettings } from '../../src/settings.ts';

export const MIGRATIONS = new URL('../../migrations', import.meta.url).pathname;
export const silentLogger = createLogger({ service: 'test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

const subscriptions = SUBSCRIPTIONS.filter(({ consumer }) => consumer === 'notification');

export interface RunningNotification {
  messaging: Messaging;
  /** The sign-in codes' dead-letter queue on this run's own namespace. */
  deadLetterQueue: string;
  /** A stream's dead-letter queue on this run's own namespace. */
  streamDeadLetterQueue(stream: string): string;
  /** Publishes events as the auth service's relay would. */
  publish(...events: { id: string; type: string }[]): Promise<void>;
}

export interface NotificationBus {
  database: TestDatabase;
  amqpUrl: string;
  /**
   * The service's handlers, registered by the service's own function, on a Messaging with a
   * broker namespace of its own and short retry delays; `env` is read as the service reads it.
   */
  start(
    env: Record<string, string>,
    options?: { logger?: Logger; messaging?: Partial<MessagingOptions> },
  ): Promise<RunningNotification>;
  close(): Promise<void>;
}

export async function createNotificationBus(): Promise<NotificationBus> {
  const database = await createTestDatabase(MIGRATIONS);
  const amqpUrl = testAmqpUrl();
  const started: Messaging[] = [];
  return {
    database,
    amqpUrl,
    async start(env, { logger = silentLogger, messaging: overrides = {} } = {}) {
      const namespace = testNamespace();
      const names = topologyNames(namespace);
      const messaging = new Messaging({
        service: 'notification',
        url: amqpUrl,
        database,
        logger,
        namespace,
        subscriptions,
        retryDelaysMs: [50, 100],
        maxAttempts: 3,
        relay: { idlePollMs: 200 },
        ...overrides,
      });
      started.push(messaging);
      const settings = loadConfig(NotificationSettings, env);
      notificationService.handlers?.(
        messaging.consumers,
        buildNotificationDeps({ settings, logger, database, messaging }),
      );
      await messaging.start();
      return {
        messaging,
        deadLetterQueue: names.deadLetterQueue(names.queue(subscriptions[0]!)),
        streamDeadLetterQueue: (stream) =>
          names.deadLetterQueue(names.queue({ consumer: 'notification', stream, events: [] })),
        async publish(...events) {
          const messages = events.map((event) => eventMessage(names.exchange, event));
          await eventually(async () => {
            try {
              await messaging.publisher.publish(messages);
              return true;
            } catch (error) {
              if (error instanceof BrokerUnavailableError) return false;
              throw error;
            }
          });
        },
      };
    },
    async close() {
      await Promise.all(started.map((messaging) => messaging.stop().catch(() => {})));
      await database.drop();
    },
  };
}

/** A Ukrainian mobile number no other test uses. */
export function uniquePhone(): string {
  return `+38067${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

export function signCodeRequested({
  phone = uniquePhone(),
  code = String(randomInt(0, 1_000_000)).padStart(6, '0'),
  expiresInMs = 5 * 60_000,
  purpose = undefined as 'sign_in' | 'phone_change' | undefined,
} = {}) {
  const signRequestId = randomInt(1, 2 ** 31);
  return newEvent(
    SignCodeRequested,
    {
      signRequestId,
      phone,
      code,
      expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
      ...(purpose === undefined ? {} : { purpose }),
    },
    { aggregateId: signRequestId, actor: { kind: 'member' } },
  );
}

export interface SmsRow {
  status: 'sending' | 'sent';
  provider_sid: string | null;
  attempts: number;
  last_error: string | null;
}

export async function smsRow(database: TestDatabase, eventId: string): Promise<SmsRow | undefined> {
  const [rows] = await database.pool.query('SELECT * FROM sms_messages WHERE event_id = ?', [eventId]);
  return (rows as SmsRow[])[0];
}

/**
 * True once every notification queue the event is routed to has applied it: an event can
 * reach several of them (`membership.extended` both texts and webhooks), each at its own pace.
 */
export async function wasConsumed(
  database: TestDatabase,
  event: { id: string; type: string },
): Promise<boolean> {
  const queues = subscriptions.filter((subscription) =>
    eventsOf(subscription).includes(event.type as EventType),
  ).length;
  const [rows] = await database.pool.query('SELECT COUNT(*) AS consumed FROM inbox WHERE event_id = ?', [
    event.id,
  ]);
  return Number((rows as { consumed: number }[])[0]!.consumed) >= queues;
}

export interface TextingNotification {
  readonly bus: NotificationBus;
  readonly twilio: FakeTwilio;
  readonly running: RunningNotification;
  /** The bodies of the texts sent to `phone`, oldest first. */
  textsTo(phone: string): string[];
}

/**
 * The notification service for one test file, texting through a local Twilio: started before
 * the file's tests, stopped after them.
 */
export function textingNotification(): TextingNotification {
  let bus: NotificationBus;
  let twilio: FakeTwilio;
  let running: RunningNotification;
  before(async () => {
    bus = await createNotificationBus();
    twilio = await startFakeTwilio();
    running = await bus.start(twilio.env);
  });
  after(async () => {
    await twilio?.close();
    await bus?.close();
  });
  return {
    get bus() {
      return bus;
    },
    get twilio() {
      return twilio;
    },
    get running() {
      return running;
    },
    textsTo: (phone) => twilio.messages.filter((message) => message.to === phone).map(({ body }) => body),
  };
}
