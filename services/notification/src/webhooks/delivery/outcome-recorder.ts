import type { Database } from '@kasa/db';
import type { Logger } from '@kasa/log';
import { type AttemptOutcome, recordOutcomes } from '../db/webhook-outcomes.repository.ts';

export interface OutcomeRecorderOptions {
  database: Database;
  token: string;
  logger: Logger;
}

/** An outcome waits at most this long for others to share its transaction. */
const DELAY_MS = 10;
/** A batch this large is written at once. */
const BATCH_SIZE = 500;

/**
 * Gathers attempts' outcomes and writes them in batches (see recordOutcomes): at a thousand
 * deliveries a second, a transaction each would be most of the database's work. One write at a
 * time; a failed one is tried again with the outcomes that came meanwhile, for as long as it
 * takes (until then the deliveries stay claimed, and their leases run).
 */
export class OutcomeRecorder {
  readonly #options: OutcomeRecorderOptions;
  #attempts: AttemptOutcome[] = [];
  #released: number[] = [];
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> | null = null;
  #failures = 0;

  constructor(options: OutcomeRecorderOptions) {
    this.#options = options;
  }

  add(outcome: AttemptOutcome): void {
    this.#attempts.push(outcome);
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
    return this.#attempts.length === 0 && this.#released.length === 0;
  }

  #schedule(delayMs = DELAY_MS): void {
    if (this.#writing) return; // the write under way schedules the next one when it ends
    const now = this.#attempts.length + this.#released.length >= BATCH_SIZE;
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
    this.#attempts = [];
    this.#released = [];
    this.#writing = recordOutcomes(this.#options.database, this.#options.token, {
      attempts,
      released,
    }).then(
      () => {
        this.#failures = 0;
      },
      (error: unknown) => {
        // Put back in front: the next write carries them with whatever came since.
        this.#attempts = [...attempts, ...this.#attempts];
        this.#released = [...released, ...this.#released];
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
