import { customType } from 'drizzle-orm/mysql-core';

/** Fixed-length binary (hashes, salts) as Buffers. */
export const bytes = (name: string, length: number) =>
  customType<{ data: Buffer; driverData: Buffer }>({
    dataType: () => `binary(${length})`,
  })(name);
