/**
 * The switch-over from the seed's system (`./kasa import-seed`, issue 19):
 *   --from <mysql url>   the old database (read only)
 *   --files <folder>     the old upload folder
 *   --dry-run            read everything, write nothing: what would come over, and every problem
 *   --report <file>      also write the survey (or the import's outcome) as JSON; problems name
 *                        rows, never phones
 * Without --dry-run each service brings its part over into its own schema (the same MYSQL_URL,
 * MYSQL_SCHEMA_PREFIX, FILES_DIR and FILES_KEY its process runs with, from the environment or
 * .env), then every service verifies its side. Safe to run again: a second run changes nothing.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type ImportOutcome,
  openSeedSource,
  runSeedImport,
  SEED_TABLES,
  type SeedSurvey,
  surveySeed,
} from '@kasa/seed-import';
import { openServiceImports } from './seed-import-services.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);
const usage =
  'usage: ./kasa import-seed --from <mysql url> [--files <folder>] --dry-run [--report <file.json>]';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    files: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    report: { type: 'string' },
  },
});
if (!values.from) {
  out(usage);
  process.exit(2);
}

const started = Date.now();
const filesDir = values.files ?? null;
const source = await openSeedSource(values.from);
try {
  const survey = await surveySeed(source, filesDir);
  printSurvey(survey, filesDir);
  if (values['dry-run'] || !survey.readable) {
    if (values.report) await writeFile(values.report, `${JSON.stringify(survey, null, 2)}\n`);
    out(`\nRead in ${seconds(started)} s; nothing was written.`);
    process.exit(survey.readable ? 0 : 1);
  }
  out('\nImporting:');
  const services = await openServiceImports(process.env);
  try {
    const outcome = await runSeedImport({ source, services, filesDir, progress: (line) => out(`  ${line}`) });
    printOutcome(outcome);
    if (values.report) await writeFile(values.report, `${JSON.stringify(outcome, null, 2)}\n`);
    out(`\nDone in ${seconds(started)} s.`);
    process.exit(outcome.verification.every((line) => line.agrees) ? 0 : 1);
  } finally {
    for (const service of services) await service.close();
  }
} finally {
  await source.close();
}

function seconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

function printOutcome({ problems, verification }: ImportOutcome): void {
  if (problems.length > 0) {
    out(`\nMet while importing (${problems.length}):`);
    for (const problem of problems.slice(0, 200)) out(`  ${JSON.stringify(problem)}`);
  }
  out('\nVerification (the seed against Kasa):');
  for (const line of verification) {
    const mark = line.agrees ? 'ok  ' : 'DIFF';
    out(
      `  ${mark} ${line.service} ${line.what}: ${line.seed} / ${line.kasa}${line.note ? ` (${line.note})` : ''}`,
    );
  }
}

function printSurvey({ counts, problems, tally, readable }: SeedSurvey, filesDir: string | null): void {
  out('What would come over:');
  for (const [name, count] of Object.entries(counts)) {
    const table = SEED_TABLES[name as keyof typeof SEED_TABLES];
    const note = table.imported ? '' : '  (not brought over)';
    out(`  ${table.title.padEnd(24)} ${String(count).padStart(9)}${note}`);
  }
  if (filesDir === null) out('  (files not checked: no --files)');
  out();
  if (problems.length === 0) {
    out('No problems found.');
  } else {
    out(
      `Problems (${problems.length}): ${Object.entries(tally)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}`,
    );
    for (const problem of problems.slice(0, 200)) out(`  ${JSON.stringify(problem)}`);
    if (problems.length > 200) out(`  … and ${problems.length - 200} more (all of them with --report)`);
  }
  if (!readable) out('\nThe import cannot start: a table or a column it reads is missing (above).');
}
