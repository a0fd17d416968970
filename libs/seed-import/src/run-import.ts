import { randomUUID } from 'node:crypto';
import { seedContextOf } from './seed-context.ts';
import type { SeedSource } from './seed-source.ts';
import type { SeedProblem } from './seed-survey.ts';
import type { ImportContext, ServiceImport, VerificationLine } from './service-import.ts';

export interface ImportOptions {
  source: SeedSource;
  services: readonly ServiceImport[];
  filesDir: string | null;
  /** Rows per batch (one transaction each). */
  batch?: number;
  /** Where progress lines go while it runs (a line per step, and every few seconds). */
  progress?: (line: string) => void;
}

export interface ImportOutcome {
  /** Rows brought over anew, per service and step (0 everywhere on a second run). */
  written: Array<{ service: string; step: string; read: number; written: number; seconds: number }>;
  problems: SeedProblem[];
  verification: Array<VerificationLine & { service: string }>;
}

const PROGRESS_EVERY_MS = 5_000;

/**
 * Brings the seed's data over, service by service and step by step, each batch in one
 * transaction of the owning service's database, then asks every service to verify its side.
 * Safe to run again at any point: every step is idempotent (`ServiceImport`).
 */
export async function runSeedImport({
  source,
  services,
  filesDir,
  batch = 2_000,
  progress = () => {},
}: ImportOptions): Promise<ImportOutcome> {
  const problems: SeedProblem[] = [];
  const written: ImportOutcome['written'] = [];
  for (const service of services) {
    const context: ImportContext = {
      database: service.database,
      filesDir,
      report: (problem) => problems.push(problem),
    };
    for (const step of service.steps) {
      const started = Date.now();
      let lastShown = started;
      let read = 0;
      let wrote = 0;
      for await (const rows of source.rows(step.table, batch)) {
        wrote += await service.database.db.transaction((tx) => step.write(tx, rows, context));
        read += rows.length;
        if (Date.now() - lastShown >= PROGRESS_EVERY_MS) {
          lastShown = Date.now();
          progress(`  ${service.service} ${step.name}: ${read} read, ${wrote} new …`);
        }
      }
      const seconds = (Date.now() - started) / 1000;
      written.push({ service: service.service, step: step.name, read, written: wrote, seconds });
      progress(`${service.service} ${step.name}: ${read} read, ${wrote} new (${seconds.toFixed(1)} s)`);
    }
  }
  for (const service of services) await moveSequencesPast(source, service);
  const summary = {
    runId: randomUUID(),
    written: Object.fromEntries(written.map((step) => [`${step.service}.${step.step}`, step.written])),
    problems: problems.length,
  };
  for (const service of services) await service.finish?.(summary);
  const verification: ImportOutcome['verification'] = [];
  for (const service of services) {
    const lines = await service.verify(seedContextOf(source));
    verification.push(...lines.map((line) => ({ ...line, service: service.service })));
  }
  return { written, problems, verification };
}

/** Each kept-id table's next id past the seed's largest (InnoDB keeps the larger of the two). */
async function moveSequencesPast(source: SeedSource, service: ServiceImport): Promise<void> {
  for (const { table, seedTable } of service.keptIds ?? []) {
    const found = source.tables.get(seedTable);
    const key = found?.columns.get('id');
    if (!found?.actualName || !key) continue;
    const [row] = await source.query<{ largest: number | string | null }>(
      `SELECT MAX(${quote(key)}) AS largest FROM ${quote(found.actualName)}`,
    );
    const largest = Number(row?.largest ?? 0);
    if (!Number.isSafeInteger(largest) || largest < 1) continue;
    await service.database.pool.query(`ALTER TABLE ${quote(table)} AUTO_INCREMENT = ${largest + 1}`);
  }
}

const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;
