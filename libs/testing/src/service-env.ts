import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testAmqpUrl, testMysqlUrl } from './infrastructure.ts';
import { claimsFor, signToken, type TestKeys } from './tokens.ts';

/**
 * What every process a test starts shares: the test servers, the file's schema prefix and
 * broker namespace, logs silenced (TEST_LOG_LEVEL shows them), the key that checks tokens.
 */
export function testServiceEnv(options: {
  schemaPrefix: string;
  namespace: string;
  publicKeyPem: string;
}): Record<string, string> {
  return {
    MYSQL_URL: testMysqlUrl(),
    AMQP_URL: testAmqpUrl(),
    MYSQL_SCHEMA_PREFIX: options.schemaPrefix,
    AMQP_NAMESPACE: options.namespace,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JWT_PUBLIC_KEY: options.publicKeyPem,
  };
}

/** `Authorization` values for test tokens signed with the test keys. */
export function bearerTokens(keys: Pick<TestKeys, 'privateKey'>) {
  return (sub: number | string, aud: string, role: string, extra: Record<string, unknown> = {}) =>
    `Bearer ${signToken(keys.privateKey, { ...claimsFor({ sub: String(sub), aud, role }), ...extra })}`;
}

export interface TestFileStore {
  /** FILES_DIR and FILES_KEY for the service. */
  env: { FILES_DIR: string; FILES_KEY: string };
  dir: string;
  /** Every stored file's name (a rejected upload must leave none). */
  storedFiles(): Promise<string[]>;
  remove(): Promise<void>;
}

/** A fresh folder and key for one service's encrypted files. */
export async function testFileStore(name: string): Promise<TestFileStore> {
  const dir = await mkdtemp(join(tmpdir(), `kasa-${name}-files-`));
  return {
    env: { FILES_DIR: dir, FILES_KEY: randomBytes(32).toString('hex') },
    dir,
    async storedFiles() {
      const names: string[] = [];
      for (const shard of await readdir(dir).catch(() => [])) {
        names.push(...(await readdir(join(dir, shard))));
      }
      return names;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
