import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningService, startService } from '@kasa/runtime';
import {
  claimsFor,
  generateEd25519Keys,
  signToken,
  testAmqpUrl,
  testMysqlUrl,
  testNamespace,
  testSchemaPrefix,
} from '@kasa/testing';
import { requestService } from '../../src/service.ts';

export interface RequestUnderTest {
  service: RunningService;
  /** The encrypted file store's folder. */
  filesDir: string;
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
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
  const filesDir = await mkdtemp(join(tmpdir(), 'kasa-request-files-'));
  const service = (await startService(requestService, {
    env: {
      MYSQL_URL: testMysqlUrl(),
      AMQP_URL: testAmqpUrl(),
      MYSQL_SCHEMA_PREFIX: schemas.prefix,
      AMQP_NAMESPACE: testNamespace(),
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      JWT_PUBLIC_KEY: keys.publicKeyPem,
      FILES_DIR: filesDir,
      FILES_KEY: randomBytes(32).toString('hex'),
      ...env,
    },
    listen: false,
  })) as RunningService;
  const token = (sub: number, aud: string, role: string, extra: Record<string, unknown> = {}) =>
    `Bearer ${signToken(keys.privateKey, { ...claimsFor({ sub: String(sub), aud, role }), ...extra })}`;
  const query = async <T>(sql: string, values: unknown[] = []) => {
    const [rows] = await service.context.database.pool.query(sql, values);
    return rows as T[];
  };
  return {
    service,
    filesDir,
    query,
    memberAuth: (memberId) => token(memberId, 'member', 'member'),
    staffAuth: (staffId, role = 'staff', extra = {}) => token(staffId, 'staff', role, extra),
    async outboxTypes(requestId) {
      const rows = await query<{ type: string }>(
        'SELECT type FROM outbox WHERE aggregate_id = ? ORDER BY id',
        [String(requestId)],
      );
      return rows.map(({ type }) => type);
    },
    async storedFiles() {
      const names: string[] = [];
      for (const shard of await readdir(filesDir).catch(() => [])) {
        names.push(...(await readdir(join(filesDir, shard))));
      }
      return names;
    },
    async close() {
      await service.stop();
      await schemas.drop();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}
