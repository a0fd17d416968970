import { type AnyEvent, eventMessage, topologyNames } from '@kasa/messaging';
import { type RunningService, startService } from '@kasa/runtime';
import {
  bearerTokens,
  generateEd25519Keys,
  testFileStore,
  testNamespace,
  testSchemaPrefix,
  testServiceEnv,
} from '@kasa/testing';
import type { RequestDeps } from '../../src/deps.ts';
import { requestService } from '../../src/service.ts';

export interface RequestUnderTest {
  service: RunningService<unknown, RequestDeps>;
  /** The encrypted file store's folder. */
  filesDir: string;
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Publishes an event on the bus as another service's relay would. */
  publish(event: AnyEvent): Promise<void>;
  /** `Authorization` header values for a member's or a staff user's access token. */
  memberAuth(memberId: number): string;
  staffAuth(staffId: number, role?: 'admin' | 'staff', extra?: Record<string, unknown>): string;
  /** The event types written to the outbox for a request, in order. */
  outboxTypes(requestId: number): Promise<string[]>;
  /** Every stored file's name (a rejected upload must leave none). */
  storedFiles(): Promise<string[]>;
  close(): Promise<void>;
}

/** The real request service in this process, on its own schema, broker namespace and file folder. */
export async function startRequest(env: Record<string, string> = {}): Promise<RequestUnderTest> {
  const schemas = testSchemaPrefix();
  const keys = generateEd25519Keys();
  const files = await testFileStore('request');
  const namespace = testNamespace();
  const service = await startService(requestService, {
    env: {
      ...testServiceEnv({
        schemaPrefix: schemas.prefix,
        namespace,
        publicKeyPem: keys.publicKeyPem,
      }),
      ...files.env,
      ...env,
    },
    listen: false,
  });
  const token = bearerTokens(keys);
  const query = async <T>(sql: string, values: unknown[] = []) => {
    const [rows] = await service.context.database.pool.query(sql, values);
    return rows as T[];
  };
  return {
    service,
    filesDir: files.dir,
    query,
    async publish(event) {
      await service.context.messaging.publisher.publish([
        eventMessage(topologyNames(namespace).exchange, event),
      ]);
    },
    memberAuth: (memberId) => token(memberId, 'member', 'member'),
    staffAuth: (staffId, role = 'staff', extra = {}) => token(staffId, 'staff', role, extra),
    async outboxTypes(requestId) {
      const rows = await query<{ type: string }>(
        'SELECT type FROM outbox WHERE aggregate_id = ? ORDER BY id',
        [String(requestId)],
      );
      return rows.map(({ type }) => type);
    },
    storedFiles: files.storedFiles,
    async close() {
      await service.stop();
      await schemas.drop();
      await files.remove();
    },
  };
}
