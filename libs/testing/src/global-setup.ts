import { AMQP_URL_VARIABLE, MYSQL_URL_VARIABLE, provideTestInfrastructure } from './infrastructure.ts';

let release: (() => Promise<void>) | undefined;

/** node --test --test-global-setup: provides the servers once; test files inherit the URLs. */
export async function globalSetup(): Promise<void> {
  const started = Date.now();
  const infrastructure = await provideTestInfrastructure();
  process.env[MYSQL_URL_VARIABLE] = infrastructure.mysqlUrl;
  process.env[AMQP_URL_VARIABLE] = infrastructure.amqpUrl;
  release = infrastructure.release;
  process.stderr.write(`test infrastructure: ${infrastructure.source} in ${Date.now() - started} ms\n`);
}

export async function globalTeardown(): Promise<void> {
  await release?.();
}
