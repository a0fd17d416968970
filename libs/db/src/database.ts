import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { createConnection, createPool, type Pool } from 'mysql2/promise';

export type Db = MySql2Database<Record<string, unknown>>;
/** What a repository method runs on: the database, or the transaction it was handed. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  readonly name: string;
  readonly pool: Pool;
  readonly db: Db;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** The server, as in `MYSQL_URL`; the service's own schema is `database`. */
  serverUrl: string;
  database: string;
  connectionLimit?: number;
}

const SCHEMA_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** Creates the service's schema when it is missing (utf8mb4), as a migration cannot. */
export async function ensureSchema(serverUrl: string, database: string): Promise<void> {
  if (!SCHEMA_NAME.test(database)) throw new Error(`Invalid database name "${database}"`);
  const connection = await createConnection({ uri: serverUrl });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

export function openDatabase({ serverUrl, database, connectionLimit = 20 }: OpenDatabaseOptions): Database {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const pool = createPool({
    uri: url.toString(),
    connectionLimit,
    maxIdle: connectionLimit,
    enableKeepAlive: true,
    timezone: 'Z',
    dateStrings: false,
    charset: 'utf8mb4_unicode_ci',
  });
  // Dates are UTC inside: make NOW() and CURRENT_TIMESTAMP agree with JavaScript's Date.
  pool.pool.on('connection', (connection) => {
    connection.query("SET time_zone = '+00:00'");
  });
  // No `mode` option: drizzle 0.45's config detection rejects any object that has one.
  const db = drizzle({ client: pool }) as unknown as Db;
  return {
    name: database,
    pool,
    db,
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/** Applies the migrations drizzle-kit generated into `folder`, each once, in order. */
export async function applyMigrations(database: Database, folder: string): Promise<void> {
  await migrate(database.db, { migrationsFolder: folder });
}
