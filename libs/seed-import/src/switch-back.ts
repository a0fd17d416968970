import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seedContextOf } from './seed-context.ts';
import type { SeedSource } from './seed-source.ts';
import { SEED_TABLE_ORDER } from './seed-tables.ts';
import type { LeftBehind, SeedChange, ServiceImport } from './service-import.ts';

export interface SwitchBackOptions {
  /** The old database, as it is now (frozen since the cut-over). */
  source: SeedSource;
  services: readonly ServiceImport[];
  /** The old upload folder: files Kasa holds are written there; without it they are left behind. */
  filesDir: string | null;
  /** Write the changes; without it, only say what they would be. */
  apply: boolean;
}

/** One service's change, as the report shows it: its rows by id, never their values. */
export interface ChangeSummary {
  service: string;
  what: string;
  table: string;
  action: SeedChange['action'];
  ids: Array<number | string>;
  files: number;
}

export interface SwitchBackOutcome {
  changes: ChangeSummary[];
  leftBehind: Array<LeftBehind & { service: string }>;
  /** Whether the changes were written (in one transaction, files first). */
  applied: boolean;
  /** After applying: the changes the services still see (none, when the old system holds all). */
  remaining: number | null;
}

/**
 * Takes what happened in Kasa since the cut-over back into the old system (the runbook's switch
 * back): each service says what its schema holds that the old database lacks, as rows of the
 * seed's tables; applied, they are written in one transaction of the old database (inserts in the
 * seed's table order, so a row's parents come first, then updates), the files those rows name
 * into the old upload folder before it. Asked again afterwards, the services see nothing left, so
 * running it twice writes nothing the second time.
 */
export async function runSwitchBack({
  source,
  services,
  filesDir,
  apply,
}: SwitchBackOptions): Promise<SwitchBackOutcome> {
  const collected = await collectChanges(source, services);
  const leftBehind = [...collected.leftBehind];
  if (filesDir === null) {
    for (const { service, change } of collected.changes) {
      if (change.files?.length)
        leftBehind.push({
          service,
          what: `files of ${change.what}`,
          table: change.table,
          ids: change.files.map((file) => file.row),
          why: 'no --files: the old upload folder was not given',
        });
    }
  }
  const changes = collected.changes.map(({ service, change }) => summaryOf(service, change));
  if (!apply) return { changes, leftBehind, applied: false, remaining: null };

  if (filesDir !== null) {
    for (const { change } of collected.changes) {
      for (const file of change.files ?? []) {
        const folder = file.memberId === null ? filesDir : join(filesDir, String(file.memberId));
        await mkdir(folder, { recursive: true });
        await writeFile(join(folder, file.name), await file.bytes());
      }
    }
  }
  await source.apply(ordered(collected.changes.map(({ change }) => change)));
  const after = await collectChanges(source, services);
  const remaining = after.changes.reduce((sum, { change }) => sum + change.rows.length, 0);
  return { changes, leftBehind, applied: true, remaining };
}

async function collectChanges(source: SeedSource, services: readonly ServiceImport[]) {
  const context = seedContextOf(source);
  const changes: Array<{ service: string; change: SeedChange }> = [];
  const leftBehind: Array<LeftBehind & { service: string }> = [];
  for (const service of services) {
    if (!service.changesSince) continue;
    const since = await service.changesSince(context);
    for (const change of since.changes)
      if (change.rows.length > 0) changes.push({ service: service.service, change });
    for (const left of since.leftBehind)
      if (left.ids.length > 0) leftBehind.push({ ...left, service: service.service });
  }
  return { changes, leftBehind };
}

/** Inserts parents first (the seed's table order), then every update. */
function ordered(changes: readonly SeedChange[]): SeedChange[] {
  const rank = (change: SeedChange) =>
    (change.action === 'insert' ? 0 : SEED_TABLE_ORDER.length) + SEED_TABLE_ORDER.indexOf(change.table);
  return [...changes].sort((a, b) => rank(a) - rank(b));
}

function summaryOf(service: string, change: SeedChange): ChangeSummary {
  return {
    service,
    what: change.what,
    table: change.table,
    action: change.action,
    ids: change.rows.map((row) => row.id ?? '?'),
    files: change.files?.length ?? 0,
  };
}
