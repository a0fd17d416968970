import { randomInt } from 'node:crypto';
import { PaymentConfirmed, PaymentRefunded } from '@kasa/contracts';
import {
  type AnyEvent,
  BrokerUnavailableError,
  eventMessage,
  newEvent,
  topologyNames,
} from '@kasa/messaging';
import { type RunningService, startService } from '@kasa/runtime';
import {
  bearerTokens,
  eventually,
  freePort,
  generateEd25519Keys,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
  WEBHOOK_RECEIVER_TARGETS,
} from '@kasa/testing';
import type { NotificationDeps } from '../../src/deps.ts';
import { notificationService } from '../../src/service.ts';
import type { NotificationSettings } from '../../src/settings.ts';

/** One instance of the notification service, as started: `deps` is what its use cases are given. */
export type NotificationInstance = RunningService<NotificationSettings, NotificationDeps>;

/** Short pauses, so that retries and deaths happen within a test (4 retries, then dead). */
export const FAST_WEBHOOKS = {
  WEBHOOK_RETRY_DELAYS_MS: '100,150,200,250',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_ORDER_GRACE_MS: '100',
  WEBHOOK_TIMEOUT_MS: '3000',
};

/** What production refuses to start without, pointing nowhere: no SMS is sent in these tests. */
export const PRODUCTION = {
  NODE_ENV: 'production',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'test-token',
  TWILIO_FROM: '+380441234567',
  TWILIO_API_URL: 'http://127.0.0.1:9',
};

export interface WebhookStack {
  /** The instances running, first started first. */
  instances: NotificationInstance[];
  /** Starts one more instance on the same schema and broker namespace. */
  addInstance(): Promise<NotificationInstance>;
  /** A staff user's `Authorization`; an administrator's by default. */
  auth(role?: 'admin' | 'staff', staffId?: number): string;
  /** A call to the first instance's routes; JSON answers parsed. */
  call(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    authorization?: string | null,
    // biome-ignore lint/suspicious/noExplicitAny: tests check answers field by field
  ): Promise<{ status: number; body: any }>;
  /** Registers a subscriber as an administrator; its id and secret. */
  subscribe(url: string, eventTypes: string[], extra?: object): Promise<{ id: number; secret: string }>;
  /** Publishes events as the other services' relays do. */
  publish(...events: AnyEvent[]): Promise<void>;
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /** The notification service's URL, when its instances listen. */
  url: string;
  close(): Promise<void>;
}

/**
 * The notification service for one test file: its own schema and broker namespace, `instances`
 * processes' worth of it in this process, sharing both as several instances do in production.
 */
export async function startWebhookStack({
  instances = 1,
  env = {},
  listen = false,
}: {
  instances?: number;
  env?: Record<string, string>;
  listen?: boolean;
} = {}): Promise<WebhookStack> {
  const schemas = testSchemaPrefix();
  const namespace = testNamespace();
  const keys = generateEd25519Keys();
  const tokens = bearerTokens(keys);
  const port = await freePort();
  const serviceEnv = {
    ...testServiceEnv({ schemaPrefix: schemas.prefix, namespace, publicKeyPem: keys.publicKeyPem }),
    ...FAST_WEBHOOKS,
    // The test receivers on 127.0.0.1; the address guard's tests set their own allow-list.
    WEBHOOK_ALLOWED_TARGETS: WEBHOOK_RECEIVER_TARGETS,
    ...env,
  };
  const running: NotificationInstance[] = [];
  const addInstance = async () => {
    // Only the first listens (one port); the others work from the bus and the database alone.
    const first = running.length === 0;
    const service = await startService(notificationService, {
      env: { ...serviceEnv, NOTIFICATION_PORT: String(first ? port : await freePort()) },
      listen: listen && first,
    });
    running.push(service);
    return service;
  };
  for (let index = 0; index < instances; index += 1) await addInstance();
  const auth = (role: 'admin' | 'staff' = 'admin', staffId = 1) => tokens(staffId, 'staff', role);
  const call: WebhookStack['call'] = async (method, url, payload, authorization = auth()) => {
    const response = await running[0]!.app.inject({
      method,
      url,
      headers: authorization === null ? {} : { authorization },
      ...(payload === undefined ? {} : { payload }),
    });
    return { status: response.statusCode, body: response.body ? response.json() : undefined };
  };
  const exchange = topologyNames(namespace).exchange;
  return {
    instances: running,
    addInstance,
    auth,
    call,
    async subscribe(url, eventTypes, extra = {}) {
      const created = await call('POST', '/staff/webhooks/subscribers', {
        url,
        event_types: eventTypes,
        ...extra,
      });
      if (created.status !== 201)
        throw new Error(`subscribing answered ${created.status}: ${JSON.stringify(created.body)}`);
      return { id: created.body.subscriber.id, secret: created.body.secret };
    },
    async publish(...events) {
      const messages = events.map((event) => eventMessage(exchange, event));
      await eventually(async () => {
        try {
          await running[0]!.context.messaging.publisher.publish(messages);
          return true;
        } catch (error) {
          if (error instanceof BrokerUnavailableError) return false;
          throw error;
        }
      });
    },
    async query<T>(sql: string, values: unknown[] = []) {
      const [rows] = await running[0]!.context.database.pool.query(sql, values);
      return rows as T[];
    },
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const service of running.reverse()) await service.stop().catch(() => {});
      await schemas.drop();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A LiqPay contribution confirmed, of a payment of its own unless one is given. */
export function paymentConfirmed(paymentId = randomInt(1, 2 ** 31)) {
  return newEvent(
    PaymentConfirmed,
    { paymentId, memberId: 7, kind: 'contribution', amount: 30_000, currency: 'UAH', source: 'liqpay' },
    { aggregateId: paymentId, actor: { kind: 'provider' } },
  );
}

export function paymentRefunded(paymentId: number, amount = 30_000) {
  return newEvent(
    PaymentRefunded,
    { paymentId, memberId: 7, amount, currency: 'UAH' },
    {
      aggregateId: paymentId,
      actor: { kind: 'staff', id: '1' },
    },
  );
}

/** Events of one payment, each a millisecond after the one before (their order is their time). */
export async function paymentStory(paymentId: number, count: number): Promise<AnyEvent[]> {
  const events: AnyEvent[] = [];
  for (let index = 0; index < count; index += 1) {
    events.push(index === 0 ? paymentConfirmed(paymentId) : paymentRefunded(paymentId, index));
    await sleep(2);
  }
  return events;
}
