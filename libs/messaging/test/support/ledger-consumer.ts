/**
 * A consuming service in a process of its own, for the failure test: applies each probe
 * event to a ledger (a deliberately non-idempotent effect) until it is killed.
 */
import { ProbeRecorded } from '@kasa/contracts';
import { openDatabase } from '@kasa/db';
import { Messaging } from '@kasa/messaging';
import { sql } from 'drizzle-orm';
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
messaging.consumers.handle(ProbeRecorded, async (event, { tx }) => {
  await tx.execute(sql`INSERT INTO ledger (seq, value) VALUES (${event.data.seq}, ${event.data.value})`);
  await tx.execute(sql`UPDATE totals SET applied = applied + 1, total = total + ${event.data.value}`);
});
await messaging.start();
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await messaging.stop();
  await database.close();
  process.exit(0);
});
