import {
  CommonConfig,
  defaultPortOf,
  loadConfig,
  portVariable,
  readPem,
  url,
  urlVariable,
} from '@kasa/config';
import { SERVICES, type ServiceName } from '@kasa/contracts';
import {
  createHttpApp,
  createServiceClient,
  type HttpApp,
  RevokedSessions,
  registerHealth,
  registerJwtAuth,
  registerOpenApi,
  type ServiceClient,
  startRevocationFeed,
  type TokenExchange,
} from '@kasa/http';
import { createLogger, type Logger } from '@kasa/log';
import { type Static, type TObject, Type } from 'typebox';
import { type RunningProcess, runningProcess, runUntilSignalled, VERSION } from './process.ts';
import { loadProcessConfig } from './service-config.ts';

export const GatewayConfig = Type.Object({
  ...CommonConfig,
  /** The auth service's public key (PEM, or the path of a PEM file): gateways only verify. */
  JWT_PUBLIC_KEY: Type.String({ minLength: 1 }),
  JWT_ISSUER: Type.String({ default: 'kasa-auth' }),
  PUBLIC_URL: url('http://127.0.0.1:8080', ['http', 'https']),
  /**
   * Which proxies may tell the client's address (X-Forwarded-For): `loopback`, addresses or
   * subnets, comma-separated. Anyone else's header is ignored, so limits per address hold.
   */
  TRUST_PROXY: Type.String({ default: 'loopback' }),
  /**
   * How often the gateway asks the auth service which sessions were revoked (blocked members,
   * phone changes, sign-outs, blocked staff): their tokens are refused within this plus a round trip.
   */
  REVOKED_SESSIONS_POLL_MS: Type.Integer({ minimum: 50, maximum: 1000, default: 250 }),
  ...Object.fromEntries(
    SERVICES.map((name) => [urlVariable(name), Type.Optional(Type.String({ pattern: '^https?://' }))]),
  ),
});
export type GatewayConfig = Static<typeof GatewayConfig> & { PORT: number };

export type GatewayName = 'mobile-gateway' | 'admin-gateway';

export interface GatewayContext<Settings = unknown> {
  config: GatewayConfig;
  /** The gateway's own variables, from its `settings` schema. */
  settings: Settings;
  logger: Logger;
  /** Typed clients for the internal services this gateway calls. */
  services: Record<ServiceName, ServiceClient>;
}

export interface GatewayDefinition<S extends TObject = TObject> {
  name: GatewayName;
  description: string;
  /** Whose tokens open this gateway: members' (mobile) or staff's (admin). */
  audience: 'member' | 'staff';
  settings?: S;
  routes?: (app: HttpApp, context: GatewayContext<Static<S>>) => Promise<void> | void;
  /** Another issuer's tokens this gateway takes as well, traded for Kasa's (none when undefined). */
  tokenExchange?: (context: GatewayContext<Static<S>>) => TokenExchange | undefined;
}

/** Declares a gateway with its settings' types inferred for its routes. */
export function defineGateway<S extends TObject>(definition: GatewayDefinition<S>): GatewayDefinition<S> {
  return definition;
}

export type RunningGateway<Settings = unknown> = RunningProcess<GatewayContext<Settings>>;

/** Where each service answers: `<SERVICE>_URL`, else 127.0.0.1 on its `<SERVICE>_PORT`. */
export function serviceUrl(name: ServiceName, env: NodeJS.ProcessEnv): string {
  return env[urlVariable(name)] || `http://127.0.0.1:${env[portVariable(name)] ?? defaultPortOf(name)}`;
}

export async function startGateway<S extends TObject>(
  definition: GatewayDefinition<S>,
  options: { env?: NodeJS.ProcessEnv; listen?: boolean; revokedSessions?: RevokedSessions } = {},
): Promise<RunningGateway<Static<S>>> {
  const { env = process.env, listen = true } = options;
  const config = loadProcessConfig(GatewayConfig, definition.name, env);
  const settings = loadConfig(definition.settings ?? Type.Object({}), env) as Static<S>;
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });
  const services = Object.fromEntries(
    SERVICES.map((name) => [name, createServiceClient({ name, baseUrl: serviceUrl(name, env) })]),
  ) as Record<ServiceName, ServiceClient>;
  const context: GatewayContext<Static<S>> = { config, settings, logger, services };

  const trustProxy = config.TRUST_PROXY.split(',').map((entry) => entry.trim());
  const app = createHttpApp({ name: definition.name, version: VERSION, logger, trustProxy });
  await registerOpenApi(app, {
    title: `Kasa ${definition.name}`,
    version: VERSION,
    description: definition.description,
    servers: [{ url: definition.name === 'mobile-gateway' ? config.PUBLIC_URL : '/' }],
    bearerAuth: true,
  });
  // Learnt from the auth service, unless the caller keeps the list (tests of a gateway alone).
  const revokedSessions = options.revokedSessions ?? new RevokedSessions();
  const revocations = options.revokedSessions
    ? { stop: async () => {} }
    : startRevocationFeed({
        auth: services.auth,
        revoked: revokedSessions,
        everyMs: config.REVOKED_SESSIONS_POLL_MS,
        logger,
      });
  const stopParts = async () => {
    await revocations.stop();
    await Promise.all(Object.values(services).map((client) => client.close()));
  };
  try {
    await registerJwtAuth(app, {
      publicKey: readPem(config.JWT_PUBLIC_KEY),
      algorithms: ['EdDSA'],
      issuer: config.JWT_ISSUER,
      audience: definition.audience,
      revokedSessions,
      exchange: definition.tokenExchange?.(context),
    });
    // A gateway owns no data: it is ready when it can serve; each call reports its own upstream.
    registerHealth(app, { checks: {} });
    await definition.routes?.(app, context);
    if (listen) await app.listen({ host: config.HOST, port: config.PORT });
  } catch (error) {
    // A port taken, say: what started must stop, or it keeps the process alive.
    await app.close();
    await stopParts();
    throw error;
  }

  return runningProcess(app, context, stopParts);
}

/** A gateway's `main`. */
export function runGateway<S extends TObject>(definition: GatewayDefinition<S>): Promise<void> {
  return runUntilSignalled(() => startGateway(definition));
}
