import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { rabbitUrl, startRabbitContainer } from './infrastructure.ts';
import { freePort } from './ports.ts';
import { INFRA_SCRIPT, REPO_ROOT } from './repo.ts';
import { dockerEngineAnswers, parseUrls, run } from './run.ts';

/** A RabbitMQ that one test may take down and bring back without disturbing the others. */
export interface PrivateBroker {
  url: string;
  /** Stops the broker application: every connection drops, new ones are refused. */
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startPrivateBroker(): Promise<PrivateBroker> {
  return (await dockerEngineAnswers()) ? containerBroker() : localBroker();
}

async function localBroker(): Promise<PrivateBroker> {
  const dir = `${REPO_ROOT}.data/test-infra/broker-${randomBytes(3).toString('hex')}`;
  // infra.sh puts the broker's Erlang distribution port 20000 above its AMQP port.
  const port = await freePort(65_536 - 20_000);
  const urls = parseUrls(
    await run(INFRA_SCRIPT, ['start', '--dir', dir, '--only', 'rabbitmq', '--amqp-port', String(port)]),
  );
  if (!urls.AMQP_URL) throw new Error('infra.sh start printed no AMQP_URL');
  return {
    url: urls.AMQP_URL,
    stop: async () => void (await run(INFRA_SCRIPT, ['broker-stop', '--dir', dir])),
    start: async () => void (await run(INFRA_SCRIPT, ['broker-start', '--dir', dir])),
    dispose: async () => {
      await run(INFRA_SCRIPT, ['stop', '--dir', dir, '--only', 'rabbitmq']);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function containerBroker(): Promise<PrivateBroker> {
  const container = await startRabbitContainer();
  const rabbitmqctl = async (...args: string[]) => {
    const result = await container.exec(['rabbitmqctl', ...args]);
    if (result.exitCode !== 0) throw new Error(`rabbitmqctl ${args.join(' ')} failed: ${result.output}`);
  };
  return {
    url: rabbitUrl(container),
    stop: () => rabbitmqctl('stop_app'),
    start: async () => {
      await rabbitmqctl('start_app');
      await rabbitmqctl('await_startup');
    },
    dispose: async () => void (await container.stop()),
  };
}
