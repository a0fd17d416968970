import { eq, sql } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import { drizzle } from 'drizzle-orm/mysql2';
import type { Db, Executor } from './database.ts';

/** What drizzle's `.prepare()` gives: the statement's text, its parameters and how rows map back. */
interface PreparedQuery<Result> {
  execute(values?: Record<string, unknown>): Promise<Result>;
}

/** A statement of the hot path: run on the database or in the transaction handed to it. */
export type Statement<Values extends Record<string, unknown>, Result> = (
  on: Executor,
  values: Values,
) => Promise<Result>;

/** Builds queries without a connection: statements are built once, before any database exists. */
const builder = drizzle.mock() as unknown as Db;

/**
 * A statement built once, with `sql.placeholder(name)` where values go, and run on whatever
 * database or transaction it is given as a server-side prepared statement (mysql2's `execute`:
 * parsed once per connection, the binary protocol both ways).
 *
 * Building a query is most of what drizzle costs: under load, a service that built its few
 * statements again on every call spent a third of its time in `is()` and `buildQueryFromSourceParams`.
 * Here each is built on first use; a call fills in the values and maps the rows as drizzle does.
 * Only statements whose text never varies belong here (no `IN` lists of varying length).
 */
export function prepared<Values extends Record<string, unknown>, Result>(
  build: (db: Db) => { prepare(): PreparedQuery<Result> },
): Statement<Values, Result> {
  let query: PreparedQuery<Result> | undefined;
  return (on, values) => {
    query ??= build(builder).prepare();
    // drizzle's prepared query runs on `this.client`: the same statement, on this executor.
    const bound = Object.create(query) as PreparedQuery<Result> & { client: unknown };
    bound.client = executingClientOf(on);
    return bound.execute(values);
  };
}

/** What mysql2 offers on a pool and on a connection alike. */
export interface Queryable {
  query(options: object | string, values?: unknown): Promise<unknown>;
  execute(options: object | string, values?: unknown): Promise<unknown>;
}

/**
 * The mysql2 pool or connection under a database or one of its transactions, to run a statement
 * of the hot path without building it with drizzle (`prepared`, the outbox and inbox).
 */
export function clientOf(on: Executor): Queryable {
  // drizzle keeps it on its session, marked internal; a drizzle that moved it fails here, loudly.
  const client = (on as unknown as { session?: { client?: Queryable } }).session?.client;
  if (typeof client?.execute !== 'function')
    throw new Error('drizzle no longer keeps its client on `session`');
  return client;
}

const executing = new WeakMap<Queryable, Pick<Queryable, 'query'>>();

/** The client, as a prepared query sees it: every statement through `execute`. */
function executingClientOf(on: Executor): Pick<Queryable, 'query'> {
  const client = clientOf(on);
  let found = executing.get(client);
  if (!found) {
    found = { query: (options, values) => client.execute(options, values) };
    executing.set(client, found);
  }
  return found;
}

/**
 * Values for a prepared statement's `set()` or `values()`: a placeholder for each named column,
 * filled from the call's values of the same names. drizzle encodes each through its column (a
 * Date as a DATETIME) as it does a value, though its types only admit values and SQL there.
 */
export function placeholders<const Name extends string>(names: readonly Name[]): Record<Name, never> {
  return Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<Name, never>;
}

/**
 * An update of one row by its key, prepared once for each set of columns callers change (a
 * handful in a service): `update(tx, id, { state, liqpayStatus })`. Columns given as
 * `undefined` are left as they are, as drizzle's `set` does; values only, never SQL.
 */
export function preparedUpdateByKey<Table extends MySqlTable>(
  table: Table,
  key: MySqlColumn,
): (on: Executor, id: number, values: Partial<Table['$inferInsert']>) => Promise<void> {
  const byColumns = new Map<string, Statement<Record<string, unknown>, unknown>>();
  return async (on, id, values) => {
    const columns = Object.keys(values).filter(
      (column) => values[column as keyof typeof values] !== undefined,
    );
    const shape = columns.join();
    let update = byColumns.get(shape);
    if (!update) {
      update = prepared((db) =>
        db
          .update(table as MySqlTable)
          .set(placeholders(columns))
          .where(eq(key, sql.placeholder(KEY))),
      );
      byColumns.set(shape, update);
    }
    await update(on, { ...values, [KEY]: id });
  };
}

/** The key's placeholder: no column is named so. */
const KEY = '__key';
