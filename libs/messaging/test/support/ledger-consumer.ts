/** A consuming service in a process of its own, for the failure test: applies probes until killed. */
import { openDatabase } from '@kasa/db';
import { handleProbes, Messaging } from '@kasa/messaging';
import { logger, probeSubscription } from './bus.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const database = openDatabase({ serverUrl: env('LEDGER_MYSQL_URL'), database: env('LEDGER_DATABASE') });
const messaging = new Messaging({
  service: 'notification',
  url: env('LEDGER_AMQP_URL'),
  database,
  logger,
  namespace: env('LEDGER_NAMESPACE'),
  subscriptions: [probeSubscription],
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
