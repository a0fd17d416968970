import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { INFRA_SCRIPT, REPO_ROOT } from './repo.ts';
import { dockerEngineAnswers, parseUrls, run } from './run.ts';

export const MYSQL_URL_VARIABLE = 'KASA_TEST_MYSQL_URL';
export const AMQP_URL_VARIABLE = 'KASA_TEST_AMQP_URL';

export interface TestInfrastructure {
  mysqlUrl: string;
  amqpUrl: string;
  source: 'environment' | 'testcontainers' | 'local servers';
  release(): Promise<void>;
}

/**
 * MySQL and RabbitMQ for the test suite, from the first source that has them: URLs in the
 * environment, containers when a Docker engine answers, else local servers started by the
 * project's own script (left running between runs on a developer's machine for speed).
 */
export async function provideTestInfrastructure(env = process.env): Promise<TestInfrastructure> {
  const mysqlUrl = env[MYSQL_URL_VARIABLE];
  const amqpUrl = env[AMQP_URL_VARIABLE];
  if (mysqlUrl && amqpUrl) return { mysqlUrl, amqpUrl, source: 'environment', release: async () => {} };
  if (await dockerEngineAnswers()) return startContainers();
  return startLocalServers(env.CI === 'true');
}

async function startLocalServers(stopAfterwards: boolean): Promise<TestInfrastructure> {
  const dir = `${REPO_ROOT}.data/test-infra`;
  const urls = parseUrls(
    await run(INFRA_SCRIPT, ['start', '--dir', dir, '--mysql-port', '3307', '--amqp-port', '5673']),
  );
  if (!urls.MYSQL_URL || !urls.AMQP_URL) throw new Error('infra.sh start printed no URLs');
  // Each run's broker state is disposable: start from empty so earlier runs' queues never pile up.
  await run(INFRA_SCRIPT, ['broker-reset', '--dir', dir]);
  return {
    mysqlUrl: urls.MYSQL_URL,
    amqpUrl: urls.AMQP_URL,
    source: 'local servers',
    release: async () => {
      if (stopAfterwards) await run(INFRA_SCRIPT, ['stop', '--dir', dir]);
    },
  };
}

async function startContainers(): Promise<TestInfrastructure> {
  const [mysql, rabbitmq] = await Promise.all([
    new GenericContainer('mysql:8.4')
      .withEnvironment({ MYSQL_ALLOW_EMPTY_PASSWORD: 'yes' })
      .withExposedPorts(3306)
      .withWaitStrategy(Wait.forLogMessage(/ready for connections.*port: 3306/))
      .start(),
    startRabbitContainer(),
  ]);
  return {
    mysqlUrl: `mysql://root@${mysql.getHost()}:${mysql.getMappedPort(3306)}`,
    amqpUrl: rabbitUrl(rabbitmq),
    source: 'testcontainers',
    release: async () => {
      await Promise.all([mysql.stop(), rabbitmq.stop()]);
    },
  };
}

export function startRabbitContainer(): Promise<StartedTestContainer> {
  return new GenericContainer('rabbitmq:3.13-alpine')
    .withExposedPorts(5672)
    .withWaitStrategy(Wait.forLogMessage(/Server startup complete/))
    .start();
}

export function rabbitUrl(container: StartedTestContainer): string {
  return `amqp://guest:guest@${container.getHost()}:${container.getMappedPort(5672)}`;
}

export function testMysqlUrl(): string {
  return required(MYSQL_URL_VARIABLE);
}

export function testAmqpUrl(): string {
  return required(AMQP_URL_VARIABLE);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests through \`pnpm test\` (its global setup provides it)`);
  return value;
}
