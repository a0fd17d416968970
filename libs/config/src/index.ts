export { AMQP_URL, CommonConfig, MYSQL_URL, port, readPem, SeedTokenSecret, url } from './fragments.ts';
export { ConfigError, loadConfig, loadDotEnv } from './load-config.ts';
export {
  defaultPortOf,
  nodeFlagsOf,
  PROCESSES,
  type ProcessName,
  portVariable,
  urlVariable,
} from './processes.ts';
