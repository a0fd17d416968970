import { sql } from 'drizzle-orm';
import { customType, datetime } from 'drizzle-orm/mysql-core';

/**
 * JSON kept as text: MariaDB's JSON is LONGTEXT underneath and mysql2 hands it back as a
 * string, so the column parses and serialises itself.
 */
export const jsonText = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'longtext',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => JSON.parse(value) as T,
  })(name);

/** When the row was made: UTC to the millisecond, set by the database unless given. */
export const createdAt = () =>
  datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`);
/** When the row last changed: UTC to the millisecond; the code sets it with each change. */
export const updatedAt = () =>
  datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`);
