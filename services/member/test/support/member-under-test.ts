import { type AnyEvent, eventMessage, topologyNames } from '@kasa/messaging';
import { type RunningService, startService } from '@kasa/runtime';
import { testAmqpUrl, testMysqlUrl, testNamespace, testSchemaPrefix } from '@kasa/testing';
import { memberService } from '../../src/service.ts';

export interface MemberUnderTest {
  service: RunningService;
  /** Publishes an event on the bus as another service's relay would. */
  publish(event: AnyEvent): Promise<void>;
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The real member service in this process, on its own schema and broker namespace. */
export async function startMember(env: Record<string, string> = {}): Promise<MemberUnderTest> {
  const schemas = testSchemaPrefix();
  const namespace = testNamespace();
  const service = (await startService(memberService, {
    env: {
      MYSQL_URL: testMysqlUrl(),
      AMQP_URL: testAmqpUrl(),
      MYSQL_SCHEMA_PREFIX: schemas.prefix,
      AMQP_NAMESPACE: namespace,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...env,
    },
    listen: false,
  })) as RunningService;
  return {
    service,
    async publish(event) {
      await service.context.messaging.publisher.publish([
        eventMessage(topologyNames(namespace).exchange, event),
      ]);
    },
    async query<T>(sql: string, values: unknown[] = []) {
      const [rows] = await service.context.database.pool.query(sql, values);
      return rows as T[];
    },
    async close() {
      await service.stop();
      await schemas.drop();
    },
  };
}
