/** The consuming side of the bus benchmark, in its own process as a real service would be. */
import { openDatabase } from '@kasa/db';
import { createLogger } from '@kasa/log';
import { handleProbes, Messaging } from '@kasa/messaging';
import { benchConfig, PROBE_SUBSCRIPTION } from './setup.ts';

const config = benchConfig();
const logger = createLogger({ service: 'bench-consumer', level: 'warn' });
const database = openDatabase({ serverUrl: config.MYSQL_URL, database: 'bench_bus_consumer' });
const messaging = new Messaging({
  service: 'notification',
  url: config.AMQP_URL,
  database,
  logger,
  namespace: config.namespace,
  subscriptions: [PROBE_SUBSCRIPTION],
  prefetch: config.BENCH_PREFETCH,
});
handleProbes(messaging.consumers);
await messaging.start();
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await messaging.stop();
  await database.close();
  process.exit(0);
});
