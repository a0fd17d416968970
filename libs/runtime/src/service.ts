import { loadConfig } from '@kasa/config';
import type { ServiceName } from '@kasa/contracts';
import { applyMigrations, type Database, ensureSchema, openDatabase } from '@kasa/db';
import { createHttpApp, type HttpApp, registerHealth, registerOpenApi } from '@kasa/http';
import { createLogger, type Logger } from '@kasa/log';
import { type Consumers, Messaging } from '@kasa/messaging';
import { type Static, type TObject, Type } from 'typebox';
import { type PeriodicJob, startJobs } from './periodic-jobs.ts';
import { type RunningProcess, runningProcess, runUntilSignalled, VERSION } from './process.ts';
import { loadProcessConfig, ServiceConfigSchema } from './service-config.ts';

export type ServiceConfig = Static<typeof ServiceConfigSchema> & { PORT: number };

export interface ServiceContext<Settings = unknown> {
  config: ServiceConfig;
  /** The service's own variables, from its `settings` schema. */
  settings: Settings;
  logger: Logger;
  database: Database;
  messaging: Messaging;
}

export interface ServiceDefinition<S extends TObject = TObject, Deps = ServiceContext<Static<S>>> {
  name: ServiceName;
  description: string;
  /** drizzle-kit's output folder for this service. */
  migrationsFolder: string;
  /** Variables only this service reads (provider keys and the like), validated at start. */
  settings?: S;
  /**
   * The service's composition root: what its use cases need (clients of providers, batchers,
   * keys), built once per process from its context, then handed to its routes, its handlers and
   * its jobs alike. Without it they get the context itself.
   */
  deps?: (context: ServiceContext<Static<S>>) => Deps;
  // NoInfer: the dependencies' type is what `deps` builds, never guessed from an entry point.
  routes?: (app: HttpApp, deps: NoInfer<Deps>) => Promise<void> | void;
  handlers?: (consumers: Consumers, deps: NoInfer<Deps>) => void;
  /** Work the service does on its own schedule; stopped first when the service stops. */
  jobs?: (deps: NoInfer<Deps>) => readonly PeriodicJob[];
}

/** Declares a service with its settings' and dependencies' types inferred for its entry points. */
export function defineService<S extends TObject, Deps = ServiceContext<Static<S>>>(
  definition: ServiceDefinition<S, Deps>,
): ServiceDefinition<S, Deps> {
  return definition;
}

export type RunningService<Settings = unknown, Deps = unknown> = RunningProcess<ServiceContext<Settings>> & {
  /** What `deps` built (the context itself without it): for tests that call a use case directly. */
  deps: Deps;
};

/** Builds and starts a service without listening (tests use `app.inject`) unless `listen`. */
export async function startService<S extends TObject, Deps>(
  definition: ServiceDefinition<S, Deps>,
  { env = process.env, listen = true } = {},
): Promise<RunningService<Static<S>, Deps>> {
  const config = loadProcessConfig(ServiceConfigSchema, definition.name, env);
  const settings = loadConfig(definition.settings ?? Type.Object({}), env) as Static<S>;
  const logger = createLogger({ service: definition.name, level: config.LOG_LEVEL });
  const database = await openMigrated(definition, config);
  logger.info({ schema: database.name }, 'database migrated');

  const messaging = new Messaging({
    service: definition.name,
    url: config.AMQP_URL,
    database,
    logger,
    namespace: config.AMQP_NAMESPACE,
  });
  const context: ServiceContext<Static<S>> = { config, settings, logger, database, messaging };
  const deps = definition.deps ? definition.deps(context) : (context as Deps);
  definition.handlers?.(messaging.consumers, deps);

  const app = createHttpApp({ name: definition.name, version: VERSION, logger });
  await registerOpenApi(app, {
    title: `Kasa ${definition.name}`,
    version: VERSION,
    description: definition.description,
  });
  registerHealth(app, {
    checks: {
      database: () => database.ping(),
      broker: async () => {
        if (!messaging.ready) throw new Error('not connected');
      },
    },
  });
  await definition.routes?.(app, deps);
  await messaging.start();
  const jobs = startJobs(definition.jobs?.(deps) ?? [], logger);
  const stopParts = async () => {
    await jobs.stop();
    await messaging.stop();
    await database.close();
  };
  if (listen) {
    try {
      await app.listen({ host: config.HOST, port: config.PORT });
    } catch (error) {
      // A port taken, say: what started must stop, or it keeps the process alive.
      await app.close();
      await stopParts();
      throw error;
    }
  }

  return { ...runningProcess(app, context, stopParts), deps };
}

/** The service's own schema (`<prefix><service>`), created when missing and migrated. */
async function openMigrated(
  definition: Pick<ServiceDefinition, 'name' | 'migrationsFolder'>,
  config: Pick<ServiceConfig, 'MYSQL_URL' | 'MYSQL_SCHEMA_PREFIX'>,
): Promise<Database> {
  const schema = `${config.MYSQL_SCHEMA_PREFIX}${definition.name}`;
  await ensureSchema(config.MYSQL_URL, schema);
  const database = openDatabase({ serverUrl: config.MYSQL_URL, database: schema });
  try {
    await applyMigrations(database, definition.migrationsFolder);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/**
 * A service's own database, migrated, for a tool that works on it beside the running service
 * (the switch-over's import): the same schema and server the service itself would open.
 */
export async function openServiceDatabase(
  definition: Pick<ServiceDefinition, 'name' | 'migrationsFolder'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Database> {
  return openMigrated(definition, loadConfig(ServiceConfigSchema, env));
}

/** Applies a service's migrations without starting it (`pnpm migrate`, deployments). */
export async function migrateService(
  definition: Pick<ServiceDefinition, 'name' | 'migrationsFolder'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const config = loadConfig(ServiceConfigSchema, env);
  const database = await openMigrated(definition, config);
  await database.close();
  return database.name;
}

/** A service's `main`. */
export function runService<S extends TObject, Deps>(definition: ServiceDefinition<S, Deps>): Promise<void> {
  return runUntilSignalled(() => startService(definition));
}
