import { drizzle, type MySql2Database } from 'drizzle-orm/mysql2';
import { migrate } from 'drizzle-orm/mysql2/migrator';
import { type Connection, createConnection, createPool, type Pool, type PoolOptions } from 'mysql2/promise';

export type Db = MySql2Database<Record<string, unknown>>;
/** What a repository method runs on: the database, or the transaction it was handed. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  readonly name: string;
  readonly pool: Pool;
  /**
   * Every transaction begun on it (`db.transaction(…)`, and on `preparedDb`) runs again, whole,
   * when the server rolls it back to break a deadlock or a lock wait times out: a race on one
   * row is retried in this one place, never answered 500 (`retryOnDeadlock`).
   */
  readonly db: Db;
  /**
   * The same database, its statements run as server-side prepared statements (the binary
   * protocol): for the hot queries built once with `.prepare()` and run on every request. The
   * server parses each only once per connection, and mysql2's binary result path leaves almost
   * nothing for the garbage collector to copy, while its text path kept each result alive long
   * enough to be promoted, so that under load the young-generation pauses grew to 15-50 ms.
   * Transactions still run on a connection of their own, as on `db`.
   */
  readonly preparedDb: Db;
  /**
   * A connection of its own, outside the pool, set up as the pool's are; with
   * `multipleStatements`, one round trip may carry several statements (only for statements
   * written by hand with `?` values, never text from outside). The caller closes it.
   */
  connect(options?: { multipleStatements?: boolean }): Promise<Connection>;
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

/** Every connection's session, pooled or not. */
const SESSION_SETUP = [
  // Dates are UTC inside: NOW() and CURRENT_TIMESTAMP agree with JavaScript's Date.
  "SET time_zone = '+00:00'",
  // No gap locks: rows we lock explicitly serialise what must be serialised, and inserts by
  // unrelated requests never deadlock on an empty range of an index.
  'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED',
];

export function openDatabase({ serverUrl, database, connectionLimit = 20 }: OpenDatabaseOptions): Database {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const settings: PoolOptions = {
    uri: url.toString(),
    enableKeepAlive: true,
    timezone: 'Z',
    dateStrings: false,
    charset: 'utf8mb4_unicode_ci',
    // No stack captured at every call for a MySQL error's trace: drizzle wraps each failure in
    // a DrizzleQueryError whose own (async) stack names the caller, and the capture was a few
    // per cent of a busy service's time.
    trace: false,
  };
  const pool = createPool({
    ...settings,
    connectionLimit,
    maxIdle: connectionLimit,
    // Per connection, the least recently used closed beyond this: only `preparedDb`'s few hot
    // statements are prepared, and the server's own limit (max_prepared_stmt_count) is shared
    // by every service.
    maxPreparedStatements: 64,
  });
  pool.pool.on('connection', (connection) => {
    for (const statement of SESSION_SETUP) connection.query(statement);
  });
  // No `mode` option: drizzle 0.45's config detection rejects any object that has one.
  const db = retryingTransactions(drizzle({ client: pool }) as unknown as Db);
  const preparedDb = retryingTransactions(drizzle({ client: executingClient(pool) }) as unknown as Db);
  return {
    name: database,
    pool,
    db,
    preparedDb,
    async connect({ multipleStatements = false } = {}) {
      const connection = await createConnection({ ...settings, multipleStatements });
      try {
        for (const statement of SESSION_SETUP) await connection.query(statement);
      } catch (error) {
        connection.destroy();
        throw error;
      }
      return connection;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/** `db` whose transactions run again when they lose a deadlock (nested ones are savepoints of it). */
function retryingTransactions(db: Db): Db {
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) => retryOnDeadlock(() => transaction(work, config))) as Db['transaction'];
  return db;
}

/**
 * The pool as drizzle sees it, except that a single statement goes through `execute` (prepared
 * on the server, cached per connection) instead of `query`. drizzle calls `query` with the
 * options `execute` takes too; a transaction asks for a connection, which stays as it is.
 */
function executingClient(pool: Pool): Pool {
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'query') return target.execute.bind(target);
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** How long an instance waits for another one's migrations before it gives up starting. */
const MIGRATION_LOCK_SECONDS = 300;

/**
 * Applies the migrations drizzle-kit generated into `folder`, each once, in order. Instances of
 * a service started at once take turns on a named server lock, and the migrations run on the
 * connection that holds it (a pool of one connection is enough): the second finds the first's
 * migrations recorded instead of creating the same tables again and failing.
 */
export async function applyMigrations(database: Database, folder: string): Promise<void> {
  const lock = `kasa.migrate.${database.name}`;
  const holder = await database.pool.getConnection();
  try {
    const [[row]] = (await holder.query('SELECT GET_LOCK(?, ?) AS taken', [
      lock,
      MIGRATION_LOCK_SECONDS,
    ])) as unknown as [[{ taken: number | null }]];
    if (row?.taken !== 1)
      throw new Error(
        `Another instance has been migrating ${database.name} for over ${MIGRATION_LOCK_SECONDS} s`,
      );
    try {
      await migrate(drizzle({ client: holder }), { migrationsFolder: folder });
    } finally {
      await holder.query('SELECT RELEASE_LOCK(?)', [lock]);
    }
  } finally {
    holder.release();
  }
}

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** A transaction the server rolled back to break a deadlock (or a lock wait that timed out). */
export function isDeadlock(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (RETRYABLE.has((current as { code?: string }).code ?? '')) return true;
  }
  return false;
}

/**
 * MySQL's duplicate-key error, however drizzle wrapped it; with `index`, only one breaking that
 * unique index (the server names it in the message).
 */
export function isDuplicateKey(error: unknown, index?: string): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { code, message } = current as { code?: string; message: string };
    if (code === 'ER_DUP_ENTRY')
      return index === undefined || message.includes(`'${index}'`) || message.includes(`.${index}'`);
  }
  return false;
}

/** Runs a whole transaction again when it loses a deadlock, as the server asks; a few times at most. */
export async function retryOnDeadlock<T>(transaction: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
