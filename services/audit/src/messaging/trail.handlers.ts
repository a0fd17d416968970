import type { Consumers } from '@kasa/messaging';
import { recordEvents } from '../application/record-event.ts';

/**
 * Every event on the bus goes into the trail, once: the stream `trail` is one queue bound to
 * every event type, and the consumer's inbox rows share the transaction of the append. Events
 * that arrive together are appended together, in the queue's order.
 */
export function trailHandlers(consumers: Consumers): void {
  consumers.handleStreamInBatches('trail', async (events, { tx, logger }) => {
    for (const entry of await recordEvents(tx, events)) {
      // Its aggregate id was no id (see objectOf): worth a look at the publisher, never at the value.
      if (entry.objectId === null)
        logger.warn(
          { type: entry.eventType, sequence: entry.sequence },
          'event recorded without an object id',
        );
    }
  });
}
