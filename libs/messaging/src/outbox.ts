import { type Database, outbox, retryOnDeadlock, type Tx } from '@kasa/db';
import type { AnyEvent } from './events.ts';

/** Writes events into the outbox inside the caller's transaction. */
export async function enqueue(tx: Tx, events: readonly AnyEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(outbox).values(
    events.map((event) => ({
      eventId: event.id,
      type: event.type,
      aggregateId: event.aggregateId,
      payload: JSON.stringify(event),
    })),
  );
}

export interface TransactionContext {
  tx: Tx;
  /** Records events to publish if, and only if, the transaction commits. */
  emit(...events: AnyEvent[]): Promise<void>;
}

/**
 * Runs a state change and the events it causes in one transaction (again, whole, if it loses a
 * deadlock), then nudges the relay so the events leave at once instead of at its next poll.
 */
export class UnitOfWork {
  readonly #database: Database;
  readonly #afterCommit: () => void;

  constructor(database: Database, afterCommit: () => void) {
    this.#database = database;
    this.#afterCommit = afterCommit;
  }

  async run<T>(work: (context: TransactionContext) => Promise<T>): Promise<T> {
    let emitted = false;
    const result = await retryOnDeadlock(() =>
      this.#database.db.transaction(async (tx) =>
        work({
          tx,
          emit: async (...events) => {
            emitted ||= events.length > 0;
            await enqueue(tx, events);
          },
        }),
      ),
    );
    if (emitted) this.#afterCommit();
    return result;
  }
}
