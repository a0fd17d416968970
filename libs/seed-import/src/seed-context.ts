import type { SeedSource } from './seed-source.ts';
import type { VerifyContext } from './service-import.ts';

/** How a service reads the old database after its steps (its verification, a switch back). */
export function seedContextOf(source: SeedSource): VerifyContext {
  return {
    seedQuery: (sql, values) => source.query(sql, values),
    seedRows: (table, batch) => source.rows(table, batch),
    seedColumns: (table) => source.tables.get(table)?.holds ?? new Map(),
  };
}
