/**
 * Dead letters for operators (`./kasa dead-letters`):
 *   list                counts per consumer queue
 *   show <queue>        each dead letter's event id, type, error, attempts, time (no payload)
 *   replay <queue>      moves them back to <queue> once the cause is fixed
 */
import { AMQP_URL, loadConfig, loadDotEnv } from '@kasa/config';
import { SUBSCRIPTIONS } from '@kasa/contracts';
import { countDeadLetters, inspectDeadLetters, replayDeadLetters, topologyNames } from '@kasa/messaging';
import { Type } from 'typebox';

loadDotEnv();
const config = loadConfig(Type.Object({ AMQP_URL, AMQP_NAMESPACE: Type.String({ default: '' }) }));
const names = topologyNames(config.AMQP_NAMESPACE);
const queues = SUBSCRIPTIONS.map((subscription) => names.queue(subscription));
const out = (line: string) => process.stdout.write(`${line}\n`);

function known(queue: string | undefined): string {
  if (queue && queues.includes(queue)) return queue;
  out(`unknown queue "${queue ?? ''}"; the consumer queues are:\n  ${queues.join('\n  ') || '(none yet)'}`);
  process.exit(2);
}

const [command = 'list', argument] = process.argv.slice(2);
if (command === 'list') {
  if (queues.length === 0) out('No consumer queues are declared yet (SUBSCRIPTIONS in libs/contracts).');
  const counts = await countDeadLetters(config.AMQP_URL, queues.map(names.deadLetterQueue));
  for (const queue of queues)
    out(`${String(counts.get(names.deadLetterQueue(queue))).padStart(6)}  ${queue}`);
} else if (command === 'show') {
  const queue = known(argument);
  const letters = await inspectDeadLetters(config.AMQP_URL, names.deadLetterQueue(queue));
  for (const letter of letters) {
    out(
      `${letter.failedAt ?? '-'}  ${letter.type ?? '-'}  ${letter.eventId ?? '-'}  after ${letter.attempts ?? '?'}: ${letter.error ?? '-'}`,
    );
  }
  out(`${letters.length} dead letter(s) in ${names.deadLetterQueue(queue)}`);
} else if (command === 'replay') {
  const queue = known(argument);
  out(
    `replayed ${await replayDeadLetters(config.AMQP_URL, names.deadLetterQueue(queue), queue)} message(s) to ${queue}`,
  );
} else {
  out('usage: ./kasa dead-letters [list | show <queue> | replay <queue>]');
  process.exit(2);
}
