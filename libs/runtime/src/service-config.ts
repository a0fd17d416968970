import { AMQP_URL, CommonConfig, loadConfig, MYSQL_URL, port } from '@kasa/config';
import type { ServiceName } from '@kasa/contracts';
import { type Static, type TObject, Type } from 'typebox';

/** SPEC §5's ports: the five services take 8090–8094, the gateways 8080 and 8081. */
export const SERVICE_PORTS = {
  auth: 8090,
  member: 8091,
  request: 8092,
  payment: 8093,
  notification: 8094,
} as const satisfies Record<ServiceName, number>;

export const GATEWAY_PORTS = { 'mobile-gateway': 8080, 'admin-gateway': 8081 } as const;

export const portVariable = (name: string) => `${name.toUpperCase().replaceAll('-', '_')}_PORT`;
export const urlVariable = (name: string) => `${name.toUpperCase().replaceAll('-', '_')}_URL`;

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
  name: string,
  defaultPort: number,
  env: NodeJS.ProcessEnv,
): Static<S> & { PORT: number } {
  const variable = portVariable(name);
  const config = loadConfig(Type.Object({ ...schema.properties, [variable]: port(defaultPort) }), env);
  return { ...(config as Static<S>), PORT: (config as Record<string, number>)[variable]! };
}
