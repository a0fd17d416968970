import type { ServiceName } from '@kasa/contracts';
import type { Database, Tx } from '@kasa/db';
import type { SeedColumnHolds, SeedRow } from './seed-source.ts';
import type { SeedProblem } from './seed-survey.ts';
import type { SeedTableName } from './seed-tables.ts';

/**
 * How a service takes its part of the seed's data (issue 19). Each service owns its import, in
 * its own package (`services/<name>/src/import/seed-import.ts`), and writes only its own schema
 * through its own code; the orchestrator (`runSeedImport`) reads the old database once per step
 * and hands each step its rows in batches, each batch in one transaction.
 *
 * Every step is idempotent: a row is keyed by its seed id (ids are kept, so links, cached ids and
 * paperwork stay valid), a row brought over before is left as it is, and a second run writes
 * nothing. A run that stopped half way is resumed by running again. No step emits events: the
 * past is not news (no SMS, Telegram message or webhook), and each service fills its own read
 * models from the seed's rows directly.
 */
export interface ServiceImport {
  service: ServiceName;
  /** Its own database, migrated: each batch is a transaction on it. */
  database: Database;
  /** What it brings over, in order: a step may rely on the ones before it. */
  steps: readonly ImportStep[];
  /**
   * Its tables that keep the seed's ids, each with the seed table they come from: once the steps
   * are done, each one's next id is moved past the seed's largest, so that a row made in Kasa
   * never takes the id of an old row, not even of one the import could not bring over (a switch
   * back writes Kasa's rows under their ids).
   */
  keptIds?: ReadonlyArray<{ table: string; seedTable: SeedTableName }>;
  /**
   * Runs once every service's steps are done, with what they wrote (the audit service records the
   * run as one entry of its trail).
   */
  finish?(run: ImportRunSummary): Promise<void>;
  /** Its side of the verification report, read after the import from its own schema. */
  verify(context: VerifyContext): Promise<VerificationLine[]>;
  /**
   * For a switch back after the cut-over (`./kasa switch-back`): what its schema holds that the
   * old database lacks, as rows of the seed's tables (the inverse of its steps), and what cannot
   * go back. Read only; computed against the old database as it is now, so once the changes are
   * applied there, it answers nothing more.
   */
  changesSince?(context: VerifyContext): Promise<SeedChanges>;
  close(): Promise<void>;
}

/** One service's side of a switch back. */
export interface SeedChanges {
  changes: SeedChange[];
  leftBehind: LeftBehind[];
}

/**
 * Rows to write into one seed table so the old system holds what Kasa does: `insert` rows made
 * in Kasa (with Kasa's id: Kasa's sequences started past the seed's, so the ids are free and
 * links stay), `update` an old row's columns that Kasa changed (`id` and those columns only).
 * Columns by the seed's declared names (`SEED_TABLES`), values as the seed holds them
 * (`seedAmountOfKopiyky`, `seedDateTimeOfInstant`, `seedDateTimeOfDay`, `seedFlagOf`, …).
 */
export interface SeedChange {
  /** What it is, for the report: `payments made in Kasa`, `paid-until days moved`. */
  what: string;
  table: SeedTableName;
  action: 'insert' | 'update';
  rows: SeedRow[];
  /**
   * Files the rows name (`files.filename`, `members.photo`, `programs.program_file`), written
   * into the old upload folder (`<folder>/<member id>/<name>`, where the seed kept uploads) when
   * the switch back is applied with one; without a folder they are left behind, by row.
   */
  files?: SeedFileOut[];
}

/** A file Kasa holds that the old upload folder must get, decrypted, under the seed's name for it. */
export interface SeedFileOut {
  /** The seed's name for it (`<unix seconds>_<original name>`), as the row names it. */
  name: string;
  /** Its folder under the upload folder: the member's id, or null for the top (programs' terms). */
  memberId: number | null;
  /** Where it came from, for the report when it cannot be read: `request files 512`. */
  row: string;
  bytes(): Promise<Buffer>;
}

/** What the old system cannot hold (files uploaded to Kasa, say), by row, and why. */
export interface LeftBehind {
  what: string;
  table: SeedTableName;
  ids: Array<number | string>;
  why: string;
}

/** Opens a service's import with the environment its process would run with. */
export type OpenServiceImport = (env: NodeJS.ProcessEnv) => Promise<ServiceImport>;

export interface ImportStep {
  /** The step's name in progress lines and the report (`members`, `member files`). */
  name: string;
  /** The seed table it reads, row by row in key order. */
  table: SeedTableName;
  /** Writes one batch in `tx`; the number of rows it brought over anew. */
  write(tx: Tx, rows: readonly SeedRow[], context: ImportContext): Promise<number>;
}

export interface ImportContext {
  /** The service's database (a step that must reach beyond its batch's transaction). */
  database: Database;
  /** The old upload folder (`--files`), or null when none was given. */
  filesDir: string | null;
  /** A row or file that could not come over as it is: it goes in the report, by row. */
  report(problem: SeedProblem): void;
}

export interface VerifyContext {
  /**
   * Reads the old database (counts and sums to compare with). A FLOAT column selected as it is
   * comes as MySQL prints it, six significant digits (12345.67 as 12345.7): select
   * `CAST(amount AS DOUBLE)`, or read the rows with `seedRows`, which does.
   */
  seedQuery<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /**
   * Every row of a seed table as the steps read it (declared names, whatever the old database
   * calls them), `batch` at a time: for sums its own SQL cannot round as the import does.
   */
  seedRows(table: SeedTableName, batch?: number): AsyncGenerator<SeedRow[]>;
  /**
   * What each declared column of a seed table the old database has can hold (a switch back
   * writes only what it holds: `seedValueUnfit`, `kopiykyReadBack`); empty for a missing table.
   */
  seedColumns(table: SeedTableName): ReadonlyMap<string, SeedColumnHolds>;
}

/** One line of the verification report: what the old system had against what Kasa has now. */
export interface VerificationLine {
  what: string;
  seed: number | string;
  kasa: number | string;
  /** Whether they agree; a line that does not is explained in `note`. */
  agrees: boolean;
  note?: string;
}

/** What a run did, for `finish`. */
export interface ImportRunSummary {
  runId: string;
  /** Rows written anew, by `<service>.<step>`. */
  written: Record<string, number>;
  problems: number;
}
