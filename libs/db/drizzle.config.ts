import { defineConfig } from 'drizzle-kit';

/** The outbox and inbox on their own: the migration that libraries' tests and benchmarks apply. */
export default defineConfig({
  dialect: 'mysql',
  schema: './src/tables.ts',
  out: './migrations',
});
