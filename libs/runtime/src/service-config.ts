import {
  AMQP_URL,
  CommonConfig,
  defaultPortOf,
  loadConfig,
  MYSQL_URL,
  type ProcessName,
  port,
  portVariable,
} from '@kasa/config';
import { type Static, type TObject, Type } from 'typebox';

/** What every service reads: where it listens, its database server and the broker. */
export const ServiceConfigSchema = Type.Object({
  ...CommonConfig,
  MYSQL_URL,
  AMQP_URL,
  /** Each service's schema is `<prefix><service>`; tests and shared servers use another prefix. */
  MYSQL_SCHEMA_PREFIX: Type.String({ default: 'kasa_', pattern: '^[a-z][a-z0-9_]{0,40}$' }),
  /** Broker names' prefix, for several stacks on one broker (tests). */
  AMQP_NAMESPACE: Type.String({ default: '' }),
});

/**
 * Loads a process's config with its own port variable (`MEMBER_PORT`, SPEC §5) added to the
 * schema, so a bad value is reported under the name the operator set; returned as `PORT`.
 */
export function loadProcessConfig<S extends TObject>(
  schema: S,
  name: ProcessName,
  env: NodeJS.ProcessEnv,
): Static<S> & { PORT: number } {
  const variable = portVariable(name);
  const config = loadConfig(
    Type.Object({ ...schema.properties, [variable]: port(defaultPortOf(name)) }),
    env,
  );
  return { ...(config as Static<S>), PORT: (config as Record<string, number>)[variable]! };
}
