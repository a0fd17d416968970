import { type Database, outbox, type Tx } from '@kasa/db';
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
    // The database runs the whole transaction again when it loses a deadlock.
    const result = await this.#database.db.transaction(async (tx) => {
      const pending = new PendingEvents();
      const result = await work({ tx, emit: async (...events) => pending.add(events) });
      emitted = await pending.writeTo(tx);
      return result;
    });
    if (emitted) this.#afterCommit();
    return result;
  }
}

/**
 * The events a transaction emits, written to the outbox together just before it commits: one
 * statement for them all, however many changes emitted them.
 */
export class PendingEvents {
  readonly #events: AnyEvent[] = [];

  add(events: readonly AnyEvent[]): void {
    this.#events.push(...events);
  }

  /** Writes them in the order emitted; whether there were any. */
  async writeTo(tx: Tx): Promise<boolean> {
    await enqueue(tx, this.#events);
    return this.#events.length > 0;
  }
}
