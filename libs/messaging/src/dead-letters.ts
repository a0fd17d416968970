import amqplib, { type Channel } from 'amqplib';

export interface DeadLetter {
  eventId: string | undefined;
  type: string | undefined;
  error: string | undefined;
  attempts: number | undefined;
  failedAt: string | undefined;
}

/** What an operator sees of a dead letter: never its payload, which may hold personal data. */
function describe(message: amqplib.GetMessage): DeadLetter {
  const headers = message.properties.headers ?? {};
  return {
    eventId: message.properties.messageId,
    type: message.properties.type,
    error: headers['x-kasa-error'] ?? headers['x-first-death-reason'],
    attempts: headers['x-kasa-attempts'],
    failedAt: headers['x-kasa-failed-at'],
  };
}

async function withChannel<T>(url: string, work: (channel: Channel) => Promise<T>): Promise<T> {
  const connection = await amqplib.connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    return await work(channel);
  } finally {
    await connection.close();
  }
}

/** How many messages wait in each dead-letter queue. */
export function countDeadLetters(url: string, queues: readonly string[]): Promise<Map<string, number>> {
  return withChannel(url, async (channel) => {
    const counts = new Map<string, number>();
    for (const queue of queues) counts.set(queue, (await channel.checkQueue(queue)).messageCount);
    return counts;
  });
}

/** Lists a dead-letter queue's messages and leaves them where they are. */
export function inspectDeadLetters(url: string, queue: string): Promise<DeadLetter[]> {
  return withChannel(url, async (channel) => {
    const letters: DeadLetter[] = [];
    for (let message = await channel.get(queue); message; message = await channel.get(queue)) {
      letters.push(describe(message));
    }
    await channel.recover();
    return letters;
  });
}

/**
 * Moves every message of `deadLetterQueue` back to `queue` with a fresh attempt count, once
 * the cause is fixed. Each one leaves the dead-letter queue only after the broker confirms
 * its copy; the consumer's inbox makes a replay of an applied event harmless.
 */
export function replayDeadLetters(url: string, deadLetterQueue: string, queue: string): Promise<number> {
  return withChannel(url, async (channel) => {
    const confirm = channel as amqplib.ConfirmChannel;
    let replayed = 0;
    for (
      let message = await channel.get(deadLetterQueue);
      message;
      message = await channel.get(deadLetterQueue)
    ) {
      const { 'x-kasa-attempt': _attempt, 'x-death': _death, ...headers } = message.properties.headers ?? {};
      confirm.sendToQueue(queue, message.content, { ...message.properties, headers, persistent: true });
      await confirm.waitForConfirms();
      channel.ack(message);
      replayed += 1;
    }
    return replayed;
  });
}
