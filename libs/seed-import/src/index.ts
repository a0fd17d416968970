export {
  createdInstantOf,
  dayOfSeedDateTime,
  flagOfSeed,
  instantOfSeedDateTime,
  kopiykyOfSeedAmount,
  phoneOfSeed,
  seedMemberBlocked,
} from './conversions.ts';
export { type ImportOptions, type ImportOutcome, runSeedImport } from './run-import.ts';
export { findSeedFile } from './seed-files.ts';
export { type FoundTable, openSeedSource, type SeedRow, type SeedSource } from './seed-source.ts';
export { type SeedProblem, type SeedSurvey, seedFileName, surveySeed } from './seed-survey.ts';
export {
  SEED_TABLE_ORDER,
  SEED_TABLES,
  type SeedColumn,
  type SeedTable,
  type SeedTableName,
} from './seed-tables.ts';
export type {
  ImportContext,
  ImportRunSummary,
  ImportStep,
  OpenServiceImport,
  ServiceImport,
  VerificationLine,
  VerifyContext,
} from './service-import.ts';
