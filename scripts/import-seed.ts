/**
 * The switch-over from the seed's system (`./kasa import-seed`, issue 19):
 *   --from <mysql url>   the old database (read only)
 *   --files <folder>     the old upload folder
 *   --dry-run            read everything, write nothing: what would come over, and every problem
 *   --report <file>      also write the survey as JSON (problems name rows, never phones)
 * Only the dry run is built so far; the import itself follows in the next steps of issue 19.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openSeedSource, SEED_TABLES, type SeedSurvey, surveySeed } from '@kasa/seed-import';

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
if (!values['dry-run']) {
  out('import-seed: only the dry run is built so far; run it with --dry-run');
  process.exit(2);
}

const started = Date.now();
const source = await openSeedSource(values.from);
let survey: SeedSurvey;
try {
  survey = await surveySeed(source, values.files ?? null);
} finally {
  await source.close();
}
printSurvey(survey, values.files ?? null);
if (values.report) await writeFile(values.report, `${JSON.stringify(survey, null, 2)}\n`);
out(`\nRead in ${((Date.now() - started) / 1000).toFixed(1)} s; nothing was written.`);
process.exit(survey.readable ? 0 : 1);

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
