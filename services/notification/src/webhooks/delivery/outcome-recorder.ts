import type { Database } from '@kasa/db';
import type { Logger } from '@kasa/log';
import { type AttemptOutcome, recordOutcomes } from '../db/webhook-outcomes.repository.ts';

export interface OutcomeRecorderOptions {
  database: Database;
  token: string;
  logger: Logger;
  /** An outcome waits at most this long for others to share its transaction. */
  delayMs?: number;
  /** A batch this large is written at once. */
  batchSize?: number;
}

/**
 * Gathers attempts' outcomes and writes them in batches (see recordOutcomes): at a thousand
 * deliveries a second, a transaction each would be most of the database's work. One write at a
 * time; a failed one is tried again with the outcomes that came meanwhile, for as long as it
 * takes (until then the deliveries stay claimed, and their leases run).
 */
export class OutcomeRecorder {
  readonly #options: Required<OutcomeRecorderOptions>;
  #attempts: AttemptOutcome[] = [];
  #released: number[] = [];
  #gone = new Set<number>();
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> | null = null;
  #failures = 0;

  constructor(options: OutcomeRecorderOptions) {
    this.#options = { delayMs: 10, batchSize: 500, ...options };
  }

  add(outcome: AttemptOutcome, gone = false): void {
    this.#attempts.push(outcome);
    if (gone) this.#gone.add(outcome.subscriberId);
    this.#schedule();
  }

  release(ids: readonly number[]): void {
    if (ids.length === 0) return;
    this.#released.push(...ids);
    this.#schedule();
  }

  /** Writes everything gathered so far; resolves once it is written (or fails trying, once). */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
    if (this.#isEmpty()) return;
    await this.#write();
  }

  #isEmpty(): boolean {
    return this.#attempts.length === 0 && this.#released.length === 0 && this.#gone.size === 0;
  }

  #schedule(delayMs = this.#options.delayMs): void {
    if (this.#writing) return; // the write under way schedules the next one when it ends
    const now = this.#attempts.length + this.#released.length >= this.#options.batchSize;
    if (this.#timer && !now) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#write(), now ? 0 : delayMs);
  }

  async #write(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#writing || this.#isEmpty()) return;
    const attempts = this.#attempts;
    const released = this.#released;
    const gone = [...this.#gone];
    this.#attempts = [];
    this.#released = [];
    this.#gone = new Set();
    this.#writing = recordOutcomes(this.#options.database, this.#options.token, {
      attempts,
      released,
      gone,
    }).then(
      () => {
        this.#failures = 0;
      },
      (error: unknown) => {
        // Put back in front: the next write carries them with whatever came since.
        this.#attempts = [...attempts, ...this.#attempts];
        this.#released = [...released, ...this.#released];
        for (const id of gone) this.#gone.add(id);
        this.#failures += 1;
        if (this.#failures === 1 || this.#failures % 20 === 0)
          this.#options.logger.warn(
            { err: error, outcomes: attempts.length },
            'webhook outcomes could not be recorded; retrying',
          );
      },
    );
    await this.#writing;
    this.#writing = null;
    if (!this.#isEmpty())
      this.#schedule(this.#failures === 0 ? 0 : Math.min(100 * 2 ** this.#failures, 5_000));
  }
}
