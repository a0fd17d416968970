import { randomBytes } from 'node:crypto';
import { applyMigrations, type Database, ensureSchema, openDatabase } from '@kasa/db';
import { createConnection } from 'mysql2/promise';
import { testMysqlUrl } from './infrastructure.ts';

export interface TestDatabase extends Database {
  /** Closes the pool and drops the schema. */
  drop(): Promise<void>;
}

/** A schema of its own for one test file, with the given migrations applied. */
export async function createTestDatabase(
  migrationsFolder?: string,
  serverUrl = testMysqlUrl(),
): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await ensureSchema(serverUrl, name);
  const database = openDatabase({ serverUrl, database: name, connectionLimit: 10 });
  if (migrationsFolder) await applyMigrations(database, migrationsFolder);
  return {
    ...database,
    async drop() {
      await database.close();
      const connection = await createConnection({ uri: serverUrl });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** A prefix for broker names so test files never see each other's queues. */
export function testNamespace(): string {
  return `t${randomBytes(4).toString('hex')}.`;
}
