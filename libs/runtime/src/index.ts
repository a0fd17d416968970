export { ClientAmount, ClientDay, ClientInstant, dayOf, instantOf, kopiykyOfField } from './client-input.ts';
export {
  defineGateway,
  type GatewayContext,
  type GatewayDefinition,
  type GatewayName,
  type RunningGateway,
  runGateway,
  serviceUrl,
  startGateway,
} from './gateway.ts';
export { type PeriodicJob, type RunningJobs, startJobs } from './periodic-jobs.ts';
export { exitOnStartFailure, type RunningProcess } from './process.ts';
export {
  defineService,
  migrateService,
  openServiceDatabase,
  type RunningService,
  runService,
  type ServiceContext,
  type ServiceDefinition,
  startService,
} from './service.ts';
export { staffUserRowsFor } from './staff-user-rows.ts';
