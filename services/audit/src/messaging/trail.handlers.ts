import type { Consumers } from '@kasa/messaging';
import { recordEvent } from '../application/record-event.ts';

/**
 * Every event on the bus goes into the trail, once: the stream `trail` is one queue bound to
 * every event type, and the consumer's inbox row shares the transaction of the append.
 */
export function trailHandlers(consumers: Consumers): void {
  consumers.handleStream('trail', async (event, { tx, logger }) => {
    const entry = await recordEvent(tx, event);
    // Its aggregate id was no id (see objectOf): worth a look at the publisher, never at the value.
    if (entry.objectId === null)
      logger.warn({ type: event.type, sequence: entry.sequence }, 'event recorded without an object id');
  });
}
