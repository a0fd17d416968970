import { existsSync } from 'node:fs';
import type { Static, TObject } from 'typebox';
import Value from 'typebox/value';

/** Thrown when the environment does not satisfy a service's config schema; names every bad variable. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Reads the variables a schema declares from the environment, converts them to their
 * declared types, fills defaults and validates. Unknown variables are ignored.
 */
export function loadConfig<S extends TObject>(schema: S, env: NodeJS.ProcessEnv = process.env): Static<S> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const candidate = Value.Default(schema, Value.Convert(schema, raw));
  const problems = [...Value.Errors(schema, candidate)].map((error) => describe(error, candidate));
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return candidate as Static<S>;
}

type ValidationError = { instancePath: string; keyword: string; message: string; params: unknown };

function describe(error: ValidationError, candidate: unknown): string {
  if (error.keyword === 'required') {
    const params = error.params as { requiredProperties?: string[] };
    const names = params.requiredProperties ?? [];
    const missing = names.filter((name) => (candidate as Record<string, unknown>)[name] === undefined);
    return `${missing.join(', ') || error.instancePath.slice(1)} is required`;
  }
  const name = error.instancePath.replace(/^\//, '');
  return `${name} ${error.message}`;
}

/** Reads `.env` from the working directory, never overriding variables that are already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
