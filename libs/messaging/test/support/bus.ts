import { ProbeRecorded } from '@kasa/contracts';
import { MESSAGING_MIGRATIONS } from '@kasa/db';
import { createLogger } from '@kasa/log';
import { Messaging, type MessagingOptions, newEvent, PROBE_SUBSCRIPTION } from '@kasa/messaging';
import { createTestDatabase, type TestDatabase, testAmqpUrl, testNamespace } from '@kasa/testing';
import amqplib from 'amqplib';

export const logger = createLogger({ service: 'test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export const probeSubscription = PROBE_SUBSCRIPTION;

export interface TestBus {
  database: TestDatabase;
  namespace: string;
  url: string;
  messaging(overrides?: Partial<MessagingOptions>): Messaging;
  close(): Promise<void>;
}

/** A database and broker namespace for one test file, and a factory for wired Messaging instances. */
export async function createTestBus(url = testAmqpUrl(), mysqlUrl?: string): Promise<TestBus> {
  const database = await createTestDatabase(MESSAGING_MIGRATIONS, mysqlUrl);
  const namespace = testNamespace();
  const created: Messaging[] = [];
  return {
    database,
    namespace,
    url,
    messaging(overrides = {}) {
      const messaging = new Messaging({
        service: 'notification',
        url,
        database,
        logger,
        namespace,
        subscriptions: [probeSubscription],
        retryDelaysMs: [50, 100],
        maxAttempts: 3,
        relay: { idlePollMs: 200 },
        ...overrides,
      });
      created.push(messaging);
      return messaging;
    },
    async close() {
      await Promise.all(created.map((messaging) => messaging.stop().catch(() => {})));
      await database.drop();
    },
  };
}

export function probe(seq: number, aggregateId: string | number = seq, value = seq) {
  return newEvent(
    ProbeRecorded,
    { seq, value, sentAt: new Date().toISOString() },
    { aggregateId, actor: { kind: 'system' } },
  );
}

/** Reads every message waiting in a queue without consuming it for good. */
export async function peekQueue(url: string, queue: string) {
  const connection = await amqplib.connect(url);
  try {
    const channel = await connection.createChannel();
    const messages = [];
    for (let message = await channel.get(queue); message; message = await channel.get(queue))
      messages.push(message);
    await channel.nackAll(true);
    return messages;
  } finally {
    await connection.close();
  }
}
