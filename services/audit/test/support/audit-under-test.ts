import { randomInt } from 'node:crypto';
import { applyMigrations, ensureSchema, MESSAGING_MIGRATIONS, openDatabase } from '@kasa/db';
import { createLogger } from '@kasa/log';
import {
  type AnyEvent,
  BrokerUnavailableError,
  type Consumers,
  eventMessage,
  Messaging,
  topologyNames,
} from '@kasa/messaging';
import { type RunningService, startService } from '@kasa/runtime';
import {
  bearerTokens,
  createTestDatabase,
  eventually,
  freePort,
  generateEd25519Keys,
  type TestDatabase,
  type TestKeys,
  testAmqpUrl,
  testMysqlUrl,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
} from '@kasa/testing';
import { trailHandlers } from '../../src/messaging/trail.handlers.ts';
import { auditService } from '../../src/service.ts';

export const MIGRATIONS = new URL('../../migrations', import.meta.url).pathname;
const silentLogger = createLogger({ service: 'test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface AuditInstance {
  service: RunningService;
  url: string;
  /** How many events this instance's handler recorded. */
  handled(): number;
}

export interface AuditUnderTest {
  keys: TestKeys;
  /** What every process of this Kasa reads: the test servers, schema prefix, namespace, key. */
  env: Record<string, string>;
  /** The audit service, listening; more can be started on the same schema and queue. */
  first: AuditInstance;
  startInstance(): Promise<AuditInstance>;
  /** Commits events to another service's outbox, together; its relay publishes them. */
  emit(...events: AnyEvent[]): Promise<void>;
  /** Publishes events straight to the broker, as a relay would (a copy delivered twice). */
  publish(...events: AnyEvent[]): Promise<void>;
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Waits until the trail holds `count` events; their rows, in chain order. */
  trailOf(count: number): Promise<AuditRow[]>;
  /** A staff user's bearer token; `admin` for an administrator. */
  staffAuth(staffId: number, role?: 'staff' | 'admin'): string;
  close(): Promise<void>;
}

export interface AuditRow {
  sequence: number;
  event_id: string;
  event_type: string;
  object_kind: string;
  object_id: string | null;
  member_id: number | null;
  actor_kind: string;
  actor_id: string | null;
  occurred_at: Date;
  recorded_at: Date;
  fields: string;
  previous_hash: string;
  hash: string;
}

/**
 * The real audit service in this process, on its own schema and broker namespace, listening on
 * a free port, and a stand-in publisher: another service's outbox and relay on a schema of its
 * own, sending on the same namespace.
 */
export async function startAudit(): Promise<AuditUnderTest> {
  const schemas = testSchemaPrefix();
  const namespace = testNamespace();
  const keys = generateEd25519Keys();
  const env = testServiceEnv({ schemaPrefix: schemas.prefix, namespace, publicKeyPem: keys.publicKeyPem });
  const instances: AuditInstance[] = [];
  let publisherDatabase: TestDatabase | undefined;
  let publisher: Messaging | undefined;

  async function startInstance(): Promise<AuditInstance> {
    let handled = 0;
    const port = await freePort();
    // The service as it is, its handlers counted: the test can tell which instance did the work.
    const counted = {
      ...auditService,
      handlers: (consumers: Consumers) =>
        trailHandlers({
          handleStreamInBatches: (stream, handler) =>
            consumers.handleStreamInBatches(stream, async (events, context) => {
              await handler(events, context);
              handled += events.length;
            }),
        } as Consumers),
    };
    const service = (await startService(counted, {
      env: { ...env, AUDIT_PORT: String(port) },
    })) as RunningService;
    const instance = { service, url: `http://127.0.0.1:${port}`, handled: () => handled };
    instances.push(instance);
    return instance;
  }

  const close = async () => {
    await publisher?.stop().catch(() => {});
    await publisherDatabase?.drop();
    for (const instance of instances) await instance.service.stop().catch(() => {});
    await schemas.drop();
  };
  try {
    const first = await startInstance();
    publisherDatabase = await createTestDatabase(MESSAGING_MIGRATIONS);
    publisher = new Messaging({
      service: 'member',
      url: testAmqpUrl(),
      database: publisherDatabase,
      logger: silentLogger,
      namespace,
      relay: { idlePollMs: 100 },
    });
    await publisher.start();
    const names = topologyNames(namespace);
    const token = bearerTokens(keys);
    // Through the newest instance's pool: a test may stop the first one.
    const query = async <T>(sql: string, values: unknown[] = []) => {
      const [rows] = await instances.at(-1)!.service.context.database.pool.query(sql, values);
      return rows as T[];
    };
    const running = publisher;
    return {
      keys,
      env,
      first,
      startInstance,
      async emit(...events) {
        await running.unitOfWork.run(async ({ emit }) => emit(...events));
      },
      async publish(...events) {
        const messages = events.map((event) => eventMessage(names.exchange, event));
        await eventually(async () => {
          try {
            await running.publisher.publish(messages);
            return true;
          } catch (error) {
            if (error instanceof BrokerUnavailableError) return false;
            throw error;
          }
        });
      },
      query,
      async trailOf(count) {
        return eventually(
          async () => {
            const rows = await query<AuditRow>('SELECT * FROM audit_events ORDER BY sequence');
            return rows.length >= count ? rows : null;
          },
          { timeoutMs: 30_000, message: `${count} events in the trail` },
        );
      },
      staffAuth: (staffId, role = 'staff') => token(staffId, 'staff', role),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A fresh audit schema named as the service names it (`<prefix>audit`), migrated, with no service. */
export async function createAuditSchema() {
  const schemas = testSchemaPrefix();
  const name = `${schemas.prefix}audit`;
  await ensureSchema(testMysqlUrl(), name);
  const database = openDatabase({ serverUrl: testMysqlUrl(), database: name, connectionLimit: 4 });
  await applyMigrations(database, MIGRATIONS);
  return {
    database,
    prefix: schemas.prefix,
    async drop() {
      await database.close();
      await schemas.drop();
    },
  };
}

/** A member id no other test uses. */
export const uniqueId = () => randomInt(1, 2 ** 31);
