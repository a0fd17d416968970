import { readFileSync } from 'node:fs';
import { Type } from 'typebox';

/** Variables every Kasa process understands. */
export const CommonConfig = {
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')], {
    default: 'development',
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  HOST: Type.String({ default: '127.0.0.1' }),
};

export const port = (defaultPort: number) =>
  Type.Integer({ minimum: 0, maximum: 65535, default: defaultPort, description: 'TCP port' });

export const url = (defaultUrl: string, protocols: string[]) =>
  Type.String({
    default: defaultUrl,
    pattern: `^(${protocols.join('|')})://`,
    description: `URL (${protocols.join(', ')})`,
  });

export const MYSQL_URL = url('mysql://root@127.0.0.1:3306', ['mysql']);
export const AMQP_URL = url('amqp://guest:guest@127.0.0.1:5672', ['amqp', 'amqps']);

/**
 * The old (seed) system's Flask `SECRET_KEY`, which signed its members' HS256 tokens: with it,
 * members signed in there stay signed in across the switch-over (the mobile gateway takes their
 * tokens until they expire, auth trades them for sessions of its own). Kept as the old system had
 * it, whatever its length; without it only Kasa's tokens open anything.
 */
export const SeedTokenSecret = {
  SEED_JWT_SECRET: Type.Optional(Type.String({ minLength: 1 })),
};

/** A PEM key given inline or as the path of a file holding it. */
export function readPem(value: string): string {
  return value.trimStart().startsWith('-----BEGIN') ? value : readFileSync(value, 'utf8');
}
