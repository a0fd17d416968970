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

/**
 * A `MYSQL_SCHEMA_PREFIX` for services started by one test file, and a way to drop every
 * schema they created under it.
 */
export function testSchemaPrefix(serverUrl = testMysqlUrl()): { prefix: string; drop(): Promise<void> } {
  const prefix = `t_${randomBytes(4).toString('hex')}_`;
  return {
    prefix,
    async drop() {
      const connection = await createConnection({ uri: serverUrl });
      try {
        const [rows] = await connection.query(
          'SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE ?',
          [`${prefix}%`],
        );
        for (const { name } of rows as { name: string }[])
          await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
