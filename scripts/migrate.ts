/** Applies every service's migrations to its own schema (`./kasa migrate`, or before a deploy). */
import { loadDotEnv } from '@kasa/config';
import { SERVICES } from '@kasa/contracts';
import { exitOnStartFailure, migrateService } from '@kasa/runtime';

loadDotEnv();
for (const name of SERVICES) {
  const migrationsFolder = new URL(`../services/${name}/migrations`, import.meta.url).pathname;
  const schema = await migrateService({ name, migrationsFolder }).catch(exitOnStartFailure);
  process.stdout.write(`${name}: ${schema} is up to date\n`);
}
