/**
 * `./kasa create-admin <login> <name> <email>`: the first administrator of a new installation.
 * Applies the auth migrations, refuses when an active administrator exists, and prints the
 * login and the one-time password (to be changed at the first sign-in).
 */
import { ConfigError, loadConfig, loadDotEnv, MYSQL_URL } from '@kasa/config';
import { openDatabase } from '@kasa/db';
import { isAppError } from '@kasa/http';
import { UnitOfWork } from '@kasa/messaging';
import { migrateService } from '@kasa/runtime';
import { Type } from 'typebox';
import Value from 'typebox/value';
import { createFirstAdmin } from './application/create-first-admin.ts';
import { authService } from './service.ts';

const Arguments = Type.Object({
  login: Type.String({ pattern: '^[A-Za-z0-9._-]{3,64}$' }),
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  email: Type.String({ format: 'email', maxLength: 254 }),
});

const USAGE = 'usage: ./kasa create-admin <login> <name> <email>\n';
const PROBLEMS: Record<string, string> = {
  login: 'the login must be 3 to 64 letters, digits, dots, dashes or underscores',
  name: 'the name must not be empty (at most 200 characters)',
  email: 'the email address is not valid',
};

function fail(message: string): never {
  process.stderr.write(`create-admin: ${message}\n`);
  process.exit(1);
}

async function main(args: string[]): Promise<void> {
  if (args.length !== 3) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const [login, name, email] = args as [string, string, string];
  const input = { login, name: name.trim(), email };
  const invalid = [...Value.Errors(Arguments, input)][0];
  if (invalid) fail(PROBLEMS[invalid.instancePath.slice(1)] ?? 'invalid arguments');

  loadDotEnv();
  const schema = await migrateService(authService);
  const { MYSQL_URL: serverUrl } = loadConfig(Type.Object({ MYSQL_URL }));
  const database = openDatabase({ serverUrl, database: schema, connectionLimit: 1 });
  try {
    // The event waits in the outbox; the auth service's relay publishes it.
    const outcome = await createFirstAdmin(new UnitOfWork(database, () => {}), input);
    if (outcome.kind === 'refused') fail(outcome.reason);
    const { user, password } = outcome.created;
    process.stdout.write(
      `Administrator created. Sign in on the admin site with\n  login:    ${user.login}\n  password: ${password}\n` +
        'The password is shown only this once and must be changed at the first sign-in.\n',
    );
  } catch (error) {
    if (isAppError(error) && error.code === 'login_taken') fail(`the login "${login}" is taken`);
    throw error;
  } finally {
    await database.close();
  }
}

await main(process.argv.slice(2)).catch((error: unknown) => {
  fail(error instanceof ConfigError ? error.message : `failed: ${(error as Error).stack ?? String(error)}`);
});
