import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { GenericContainer } from 'testcontainers';
import { freePort } from './ports.ts';
import { INFRA_SCRIPT, REPO_ROOT } from './repo.ts';
import { dockerEngineAnswers, parseUrls, run } from './run.ts';

/** A MySQL server that one test may shut down and start again without disturbing the others. */
export interface PrivateDatabase {
  url: string;
  /** Shuts the server down: every connection drops, new ones are refused. */
  stop(): Promise<void>;
  /** Starts it again on the same port, with its data. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startPrivateDatabase(): Promise<PrivateDatabase> {
  return (await dockerEngineAnswers()) ? containerDatabase() : localDatabase();
}

async function localDatabase(): Promise<PrivateDatabase> {
  const dir = `${REPO_ROOT}.data/test-infra/database-${randomBytes(3).toString('hex')}`;
  const start = ['start', '--dir', dir, '--only', 'mysql', '--mysql-port', String(await freePort())];
  const urls = parseUrls(await run(INFRA_SCRIPT, start));
  if (!urls.MYSQL_URL) throw new Error('infra.sh start printed no MYSQL_URL');
  return {
    url: urls.MYSQL_URL,
    stop: async () => void (await run(INFRA_SCRIPT, ['stop', '--dir', dir, '--only', 'mysql'])),
    start: async () => void (await run(INFRA_SCRIPT, start)),
    dispose: async () => {
      await run(INFRA_SCRIPT, ['stop', '--dir', dir, '--only', 'mysql']);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function containerDatabase(): Promise<PrivateDatabase> {
  // A fixed host port, so the URL stays the same across the restart.
  const port = await freePort();
  const container = await new GenericContainer('mysql:8.4')
    .withEnvironment({ MYSQL_ALLOW_EMPTY_PASSWORD: 'yes' })
    .withExposedPorts({ container: 3306, host: port })
    .start();
  return {
    url: `mysql://root@127.0.0.1:${port}`,
    stop: async () => void (await container.exec(['mysqladmin', '-uroot', 'shutdown'])),
    start: async () => void (await container.restart()),
    dispose: async () => void (await container.stop()),
  };
}
