import { generateKeyPairSync } from 'node:crypto';
import { type AnyEvent, eventMessage, topologyNames } from '@kasa/messaging';
import { type RunningService, startService } from '@kasa/runtime';
import { testAmqpUrl, testMysqlUrl, testNamespace, testSchemaPrefix } from '@kasa/testing';
import amqplib from 'amqplib';
import type { AuthDeps } from '../../src/deps.ts';
import { authService } from '../../src/service.ts';

export interface AuthUnderTest {
  service: RunningService<unknown, AuthDeps>;
  publicKeyPem: string;
  namespace: string;
  /** Reads the code that was sent to `phone` from the notification service's queue. */
  codeSentTo(phone: string, timeoutMs?: number): Promise<string>;
  /** Publishes an event on the bus as another service would. */
  publish(event: AnyEvent): Promise<void>;
  close(): Promise<void>;
}

/** The real auth service in this process, on its own schema and broker namespace. */
export async function startAuth(env: Record<string, string> = {}): Promise<AuthUnderTest> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const schemas = testSchemaPrefix();
  const namespace = testNamespace();
  const service = await startService(authService, {
    env: {
      MYSQL_URL: testMysqlUrl(),
      AMQP_URL: testAmqpUrl(),
      MYSQL_SCHEMA_PREFIX: schemas.prefix,
      AMQP_NAMESPACE: namespace,
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...env,
    },
    listen: false,
  });
  const connection = await amqplib.connect(testAmqpUrl());
  const channel = await connection.createChannel();
  const queue = topologyNames(namespace).queue({
    consumer: 'notification',
    event: 'auth.sign_code_requested',
  });
  const received: { phone: string; code: string }[] = [];

  return {
    service,
    namespace,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    async codeSentTo(phone, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        for (
          let message = await channel.get(queue, { noAck: true });
          message;
          message = await channel.get(queue, { noAck: true })
        ) {
          const { data } = JSON.parse(message.content.toString());
          received.push({ phone: data.phone, code: data.code });
        }
        const index = received.findLastIndex((entry) => entry.phone === phone);
        if (index >= 0) return received.splice(index, 1)[0]!.code;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`no code was sent to ${phone}`);
    },
    async publish(event) {
      await service.context.messaging.publisher.publish([
        eventMessage(topologyNames(namespace).exchange, event),
      ]);
    },
    async close() {
      await service.stop();
      await connection.close();
      await schemas.drop();
    },
  };
}
