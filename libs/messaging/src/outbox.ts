import { clientOf, type Database, type Tx } from '@kasa/db';
import type { AnyEvent } from './events.ts';

const OUTBOX_ROW = '(?, ?, ?, ?)';
const INSERT_OUTBOX = `INSERT INTO outbox (event_id, type, aggregate_id, payload) VALUES ${OUTBOX_ROW}`;

/**
 * Writes events into the outbox inside the caller's transaction, in one statement. Every
 * change on every path ends here, so it is written by hand rather than built by drizzle each
 * time: one event is a prepared statement, several one statement with their values escaped.
 */
export async function enqueue(tx: Tx, events: readonly AnyEvent[]): Promise<void> {
  if (events.length === 0) return;
  const values = events.flatMap((event) => [event.id, event.type, event.aggregateId, JSON.stringify(event)]);
  const client = clientOf(tx);
  if (events.length === 1) await client.execute(INSERT_OUTBOX, values);
  else await client.query(`${INSERT_OUTBOX}${`, ${OUTBOX_ROW}`.repeat(events.length - 1)}`, values);
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
