/**
 * The switch back after a cut-over (`./kasa switch-back`, issue 19's rollback):
 *   --to <mysql url>     the old database, frozen since the cut-over
 *   --files <folder>     the old upload folder: files uploaded to Kasa are written there
 *   --apply              write; without it, only say what would be written
 *   --report <file>      also write the outcome as JSON (rows by id; never their values)
 * Each service says what its schema holds that the old database lacks, as rows of the seed's
 * tables (payments, paid-until days, members, requests and messages made or changed in Kasa);
 * applied, they are written in one transaction, and asked again the services see nothing left.
 * Run it with Kasa's gateways stopped, so nothing changes meanwhile.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openSeedSource, runSwitchBack, type SwitchBackOutcome } from '@kasa/seed-import';
import { openServiceImports } from './seed-import-services.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);

const { values } = parseArgs({
  options: {
    to: { type: 'string' },
    files: { type: 'string' },
    apply: { type: 'boolean', default: false },
    report: { type: 'string' },
  },
});
if (!values.to) {
  out('usage: ./kasa switch-back --to <mysql url> [--files <folder>] [--apply] [--report <file.json>]');
  process.exit(2);
}

const source = await openSeedSource(values.to);
try {
  const services = await openServiceImports(process.env);
  try {
    const outcome = await runSwitchBack({
      source,
      services,
      filesDir: values.files ?? null,
      apply: values.apply,
    });
    print(outcome);
    if (values.report) await writeFile(values.report, `${JSON.stringify(outcome, null, 2)}\n`);
    process.exit(outcome.remaining ? 1 : 0);
  } finally {
    for (const service of services) await service.close();
  }
} finally {
  await source.close();
}

function print({ changes, leftBehind, applied, remaining }: SwitchBackOutcome): void {
  out(
    applied
      ? 'Written into the old system:'
      : 'What the old system lacks (nothing written: --apply writes it):',
  );
  if (changes.length === 0) out('  nothing: the old system holds everything Kasa does');
  for (const change of changes) {
    const files = change.files > 0 ? `, ${change.files} files` : '';
    out(
      `  ${change.service} ${change.what}: ${change.ids.length} ${change.table} rows (${change.action}${files})`,
    );
  }
  if (leftBehind.length > 0) {
    out('\nLeft behind (by row; to be done by hand in the old system):');
    for (const left of leftBehind) {
      const ids = left.ids.slice(0, 20).join(', ') + (left.ids.length > 20 ? ', …' : '');
      out(`  ${left.service} ${left.what} (${left.table} ${ids}): ${left.why}`);
    }
  }
  if (applied) {
    out(
      remaining === 0
        ? '\nChecked: the services see nothing more to take back.'
        : `\nDIFF: the services still see ${remaining} rows to take back.`,
    );
  }
}
