export { createdAt, jsonText, updatedAt } from './columns.ts';
export {
  applyMigrations,
  type Database,
  type Db,
  type Executor,
  ensureSchema,
  isDeadlock,
  isDuplicateKey,
  type OpenDatabaseOptions,
  openDatabase,
  retryOnDeadlock,
  type Tx,
} from './database.ts';
export { insertInChunks } from './insert-in-chunks.ts';
export {
  clientOf,
  placeholders,
  prepared,
  preparedUpdateByKey,
  type Queryable,
  type Statement,
} from './prepared.ts';
export { inbox, outbox } from './tables.ts';
export {
  MAX_BYTES_PER_CHARACTER,
  type TextCapacity,
  type TypedColumn,
  textCapacityOf,
  textFits,
} from './text-capacity.ts';
export { type RowUpdate, updateRowsByKey } from './update-rows.ts';

/** The outbox and inbox tables alone, for libraries' tests and benchmarks; services generate their own. */
export const MESSAGING_MIGRATIONS = new URL('../migrations', import.meta.url).pathname;
