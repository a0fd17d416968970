export {
  createdInstantOf,
  dayOfSeedDateTime,
  decimalOfSeedFloat,
  flagOfSeed,
  instantOfSeedDateTime,
  kopiykyOfSeedAmount,
  kopiykyReadBack,
  phoneOfSeed,
  seedAmountOfKopiyky,
  seedDateTimeOfDay,
  seedDateTimeOfInstant,
  seedFlagOf,
  seedMemberBlocked,
  seedPhoneOf,
  seedValueUnfit,
} from './conversions.ts';
export { type ImportOptions, type ImportOutcome, runSeedImport } from './run-import.ts';
export { seedContextOf } from './seed-context.ts';
export { findSeedFile } from './seed-files.ts';
export {
  type FoundTable,
  openSeedSource,
  type SeedColumnHolds,
  type SeedRow,
  type SeedSource,
} from './seed-source.ts';
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
  LeftBehind,
  OpenServiceImport,
  SeedChange,
  SeedChanges,
  SeedFileOut,
  ServiceImport,
  VerificationLine,
  VerifyContext,
} from './service-import.ts';
export {
  type ChangeSummary,
  runSwitchBack,
  type SwitchBackOptions,
  type SwitchBackOutcome,
} from './switch-back.ts';
