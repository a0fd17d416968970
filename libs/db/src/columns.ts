import { customType } from 'drizzle-orm/mysql-core';

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
