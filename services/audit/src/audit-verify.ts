/**
 * `./kasa audit-verify`: walks the audit trail in order, recomputes every hash and says either
 * "N events, chain intact" (exit 0) or the first position that breaks it (exit 1). Reads
 * MYSQL_URL and MYSQL_SCHEMA_PREFIX as the services do; reads only, and migrates nothing.
 */
import { ConfigError, loadConfig, loadDotEnv, MYSQL_URL } from '@kasa/config';
import { openDatabase } from '@kasa/db';
import { Type } from 'typebox';
import { verifyChain } from './application/verify-chain.ts';
import type { ChainReport } from './domain/chain-verification.ts';

const Variables = Type.Object({
  MYSQL_URL,
  MYSQL_SCHEMA_PREFIX: Type.String({ default: 'kasa_', pattern: '^[a-z][a-z0-9_]{0,40}$' }),
});

function describe(report: ChainReport, schema: string): string {
  if (report.intact)
    return `${schema}: ${report.count} events, chain intact (head ${report.head.sequence}: ${report.head.hash})\n`;
  const { position, detail } = report.break;
  return `${schema}: chain BROKEN at position ${position}: ${detail} (${report.count} events before it verified)\n`;
}

loadDotEnv();

/** The audit service's schema, as it names it: `<MYSQL_SCHEMA_PREFIX>audit`. */
const schemaName = () => `${process.env.MYSQL_SCHEMA_PREFIX || 'kasa_'}audit`;

async function main(): Promise<number> {
  const { MYSQL_URL: serverUrl, MYSQL_SCHEMA_PREFIX: prefix } = loadConfig(Variables);
  const schema = `${prefix}audit`;
  const database = openDatabase({ serverUrl, database: schema, connectionLimit: 1 });
  try {
    const report = await verifyChain(database.db);
    (report.intact ? process.stdout : process.stderr).write(describe(report, schema));
    return report.intact ? 0 : 1;
  } finally {
    await database.close();
  }
}

/** What went wrong, said plainly: drizzle wraps the server's answer in a message that names the query. */
function reasonOf(error: unknown, schema: string): string {
  if (error instanceof ConfigError) return error.message;
  let innermost = error as Error & { code?: string };
  while (innermost.cause instanceof Error) innermost = innermost.cause as Error & { code?: string };
  if (innermost.code === 'ER_BAD_DB_ERROR' || innermost.code === 'ER_NO_SUCH_TABLE')
    return `there is no audit trail in ${schema} (the audit service creates it when it starts; ./kasa migrate does too)`;
  return innermost.message || String(error);
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`audit-verify: ${reasonOf(error, schemaName())}\n`);
  return 2;
});
