import { SENSITIVE_EVENT_TYPES } from '@kasa/contracts';
import type { Database } from '@kasa/db';
import type { Logger } from '@kasa/log';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import { eventMessage, type Publisher } from './publisher.ts';

export interface OutboxRelayOptions {
  database: Database;
  publisher: Publisher;
  exchange: string;
  logger: Logger;
  batchSize?: number;
  /** How often to look for rows other instances or a crash left behind; local commits wake it at once. */
  idlePollMs?: number;
  /**
   * How long the relay waits, once woken, before it locks the next batch: the commits right
   * behind the one that woke it join that batch. Under load that is fewer, fuller batches
   * downstream too (a consumer takes a read's messages in one transaction): 2 ms took the
   * payment path from 263 to 325–380 confirmations a second on 2 cores (issue 20).
   */
  lingerMs?: number;
  /** How long published rows stay for inspection before they are deleted. */
  retentionMs?: number;
}

interface OutboxRow extends RowDataPacket {
  id: number;
  event_id: string;
  type: string;
  aggregate_id: string;
  payload: string;
}

interface WaitingRow extends RowDataPacket {
  id: number;
  aggregate_id: string;
}

/** How far the relay looks ahead, in batches, for rows other instances hold. */
const LOOK_AHEAD = 2;

/**
 * A batch locked, and the unpublished rows in order (its own and any another instance holds),
 * in one round trip. Read after the lock, the look may also show a row committed in between:
 * its aggregate waits for the next batch, which is only cautious.
 */
const LOCK_AND_LOOK = [
  'SELECT id, event_id, type, aggregate_id, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED',
  'SELECT id, aggregate_id FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT ?',
].join(';\n');

/**
 * Moves committed events from the outbox to the broker. Several instances share the work:
 * each locks a batch with SKIP LOCKED and publishes only the rows that no other instance holds
 * an earlier row of the same aggregate for, so every aggregate's events leave in commit order.
 * A batch is two round trips to the database (lock and look; mark and commit) and one publish.
 */
export class OutboxRelay {
  readonly #options: Required<OutboxRelayOptions>;
  #running = false;
  #loop: Promise<void> | null = null;
  #wake: (() => void) | null = null;
  #pendingWake = false;
  #lastCleanup = 0;
  #held: Connection | null = null;

  constructor(options: OutboxRelayOptions) {
    this.#options = { batchSize: 500, idlePollMs: 1_000, lingerMs: 2, retentionMs: 3_600_000, ...options };
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Called after a local commit that wrote events. */
  wake(): void {
    this.#pendingWake = true;
    this.#wake?.();
  }

  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    // Its own connection, outside the pool: closed with it.
    this.#dropConnection();
  }

  async #run(): Promise<void> {
    const { logger, idlePollMs, lingerMs } = this.#options;
    let failures = 0;
    while (this.#running) {
      try {
        this.#pendingWake = false;
        const published = await this.#publishBatch();
        failures = 0;
        // A full batch leaves more behind; after a short one the next commit wakes the relay
        // (and an empty look in between would cost three statements a batch).
        if (published >= this.#options.batchSize) continue;
        await this.#cleanup();
        await this.#idle(idlePollMs);
        // Woken by a commit: the commits right behind it join its batch.
        if (lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs));
      } catch (error) {
        failures += 1;
        const delay = Math.min(100 * 2 ** (failures - 1), 5_000);
        if (failures === 1 || failures % 20 === 0) {
          logger.warn({ err: error, retryInMs: delay }, 'outbox relay cannot publish');
        }
        await this.#idle(delay, false);
      }
    }
  }

  #idle(ms: number, wakeable = true): Promise<void> {
    if (wakeable && this.#pendingWake) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.#wake = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.#wake = () => {
        if (wakeable || !this.#running) finish();
      };
    });
  }

  /**
   * Publishes one batch; returns how many events left. Two round trips to the database: the
   * batch locked together with a look at what waits before it, then its marks with the commit.
   */
  async #publishBatch(): Promise<number> {
    const connection = await this.#connection();
    const { batchSize, publisher, exchange } = this.#options;
    try {
      // No BEGIN: the connection is out of autocommit, so the first statement opens the transaction.
      const [[locked, waiting]] = await connection.query<[OutboxRow[], WaitingRow[]]>(LOCK_AND_LOOK, [
        batchSize,
        LOOK_AHEAD * batchSize,
      ]);
      const rows = locked.length > 0 ? await this.#inAggregateOrder(connection, locked, waiting) : [];
      if (rows.length > 0) {
        await publisher.publish(
          rows.map((row) => eventMessage(exchange, { id: row.event_id, type: row.type }, row.payload)),
        );
      }
      await this.#markPublishedAndCommit(connection, rows);
      return rows.length;
    } catch (error) {
      await connection.rollback().catch(() => {});
      this.#dropConnection();
      throw error;
    }
  }

  /**
   * The relay keeps a connection of its own, outside the pool, set to READ COMMITTED (as every
   * connection is) so its look at other instances' rows sees their latest commits; out of
   * autocommit, so that each batch's transaction begins with its first statement; and taking
   * several statements a round trip, written here with `?` values only.
   */
  async #connection(): Promise<Connection> {
    if (!this.#held) {
      const connection = await this.#options.database.connect({ multipleStatements: true });
      await connection.query('SET SESSION autocommit = 0');
      this.#held = connection;
    }
    return this.#held;
  }

  /** After a failure (the connection may be broken) or at the stop: closed; a fresh one next time. */
  #dropConnection(): void {
    this.#held?.destroy();
    this.#held = null;
  }

  /**
   * Marks the rows published and commits, in one round trip. Published rows are kept for
   * inspection, except those carrying secrets: they go at once.
   */
  async #markPublishedAndCommit(connection: Connection, rows: OutboxRow[]): Promise<void> {
    const sensitive = rows.filter((row) => SENSITIVE_EVENT_TYPES.has(row.type)).map((row) => row.id);
    const kept = rows.filter((row) => !SENSITIVE_EVENT_TYPES.has(row.type)).map((row) => row.id);
    const statements: string[] = [];
    const values: unknown[] = [];
    if (kept.length > 0) {
      statements.push('UPDATE outbox SET published_at = CURRENT_TIMESTAMP(3) WHERE id IN (?)');
      values.push(kept);
    }
    if (sensitive.length > 0) {
      statements.push('DELETE FROM outbox WHERE id IN (?)');
      values.push(sensitive);
    }
    statements.push('COMMIT');
    await connection.query(statements.join(';\n'), values);
  }

  /**
   * Drops rows whose aggregate has an earlier unpublished row held by another instance: one the
   * look ahead (`waiting`, the unpublished rows in order, locked or not) shows before it and this
   * relay did not lock. A look that stops short of the batch's last row is checked again, in full.
   */
  async #inAggregateOrder(
    connection: Connection,
    locked: OutboxRow[],
    waiting: WaitingRow[],
  ): Promise<OutboxRow[]> {
    const last = locked.at(-1)!.id;
    const seen = waiting.length < LOOK_AHEAD * this.#options.batchSize || waiting.at(-1)!.id >= last;
    const pending = seen ? waiting : await this.#waitingBefore(connection, locked, last);
    const mine = new Map(locked.map((row) => [row.id, row]));
    const blocked = new Set<string>();
    const publishable: OutboxRow[] = [];
    for (const { id, aggregate_id: aggregate } of pending) {
      if (id > last) break;
      const row = mine.get(id);
      if (!row) blocked.add(aggregate);
      else if (!blocked.has(aggregate)) publishable.push(row);
    }
    return publishable;
  }

  /** The unpublished rows of the locked rows' aggregates up to the last of them, in order. */
  async #waitingBefore(connection: Connection, locked: OutboxRow[], last: number): Promise<WaitingRow[]> {
    const aggregates = [...new Set(locked.map((row) => row.aggregate_id))];
    const [rows] = await connection.query<WaitingRow[]>(
      'SELECT id, aggregate_id FROM outbox WHERE published_at IS NULL AND aggregate_id IN (?) AND id <= ? ORDER BY id',
      [aggregates, last],
    );
    return rows;
  }

  async #cleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.#lastCleanup < 60_000) return;
    this.#lastCleanup = now;
    await this.#options.database.pool.query(
      'DELETE FROM outbox WHERE published_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND LIMIT 10000',
      [Math.ceil(this.#options.retentionMs / 1000)],
    );
  }
}
