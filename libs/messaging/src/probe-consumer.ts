/**
 * A probe-consuming service in a process of its own (the bus's failure tests and benchmark
 * spawn it): applies probes to the ledger in PROBE_DATABASE until SIGTERM or a kill. Prints
 * `ready` once its consumers run.
 */
import { AMQP_URL, loadConfig, MYSQL_URL } from '@kasa/config';
import { openDatabase } from '@kasa/db';
import { createLogger } from '@kasa/log';
import { Type } from 'typebox';
import { Messaging } from './messaging.ts';
import { handleProbes, PROBE_SUBSCRIPTION } from './probe-ledger.ts';

const config = loadConfig(
  Type.Object({
    PROBE_MYSQL_URL: MYSQL_URL,
    PROBE_DATABASE: Type.String({ minLength: 1 }),
    PROBE_AMQP_URL: AMQP_URL,
    PROBE_NAMESPACE: Type.String({ default: '' }),
    PROBE_PREFETCH: Type.Integer({ minimum: 1, default: 200 }),
    LOG_LEVEL: Type.String({ default: 'warn' }),
  }),
);
const database = openDatabase({ serverUrl: config.PROBE_MYSQL_URL, database: config.PROBE_DATABASE });
const messaging = new Messaging({
  service: PROBE_SUBSCRIPTION.consumer,
  url: config.PROBE_AMQP_URL,
  database,
  logger: createLogger({ service: 'probe-consumer', level: config.LOG_LEVEL }),
  namespace: config.PROBE_NAMESPACE,
  subscriptions: [PROBE_SUBSCRIPTION],
  prefetch: config.PROBE_PREFETCH,
  retryDelaysMs: [100, 500],
  maxAttempts: 10,
});
handleProbes(messaging.consumers);
await messaging.start();
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await messaging.stop();
  await database.close();
  process.exit(0);
});
