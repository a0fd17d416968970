import { randomBytes } from 'node:crypto';
import type { Database } from '@kasa/db';
import type { Logger } from '@kasa/log';
import { type ClaimedDelivery, claimDeliveries } from '../db/webhook-claims.repository.ts';
import type { AttemptOutcome } from '../db/webhook-outcomes.repository.ts';
import { activeSubscribers } from '../db/webhook-subscribers.repository.ts';
import { type Verdict, verdictOf } from '../domain/attempt-verdict.ts';
import type { RetryPolicy } from '../domain/retry-schedule.ts';
import { signatureHeaders, signingKeyOf } from '../domain/webhook-signature.ts';
import { OutcomeRecorder } from './outcome-recorder.ts';
import type { WebhookSender } from './webhook-sender.ts';

export interface DeliveryWorkerOptions {
  database: Database;
  sender: WebhookSender;
  retry: RetryPolicy;
  /** The longest one attempt may take. */
  timeoutMs: number;
  /** Chains of one subscriber this worker sends at once. */
  maxInFlight: number;
  logger: Logger;
}

/** A subscriber as the worker signs and sends for it, prepared once per version of its row. */
interface Target {
  id: number;
  url: URL;
  secret: string;
  key: Buffer;
  version: number;
}

/** Beyond the timeout, what a lease allows for the worker's own delays. */
const LEASE_MARGIN_MS = 10_000;
/** The longest run of one object's deliveries claimed together. */
const MAX_CHAIN = 20;

/**
 * Sends due deliveries. Several instances of the service run one each: they share the work
 * through claims (see claimDeliveries), so a delivery is sent by one live worker at a time. Each
 * subscriber gets up to `maxInFlight` chains at once, so one slow receiver never holds up the
 * others. Claims are made when the periodic job looks (`tick`) and whenever enough chains have
 * ended to make a claim worth its transaction; outcomes are written in batches.
 */
export class DeliveryWorker {
  readonly #options: DeliveryWorkerOptions;
  /** Marks this worker's claims; another worker's outcome for the same delivery never overwrites one of them. */
  readonly #token = randomBytes(12).toString('hex');
  readonly #recorder: OutcomeRecorder;
  readonly #inFlight = new Map<number, number>();
  readonly #chains = new Set<Promise<void>>();
  readonly #interrupt = new AbortController();
  #targets = new Map<number, Target>();
  #claiming: Promise<void> | null = null;
  #claimAgain = false;
  #claimFailures = 0;
  #stopping = false;

  constructor(options: DeliveryWorkerOptions) {
    this.#options = options;
    this.#recorder = new OutcomeRecorder({
      database: options.database,
      token: this.#token,
      logger: options.logger,
    });
  }

  /** Looks for due deliveries now; resolves when what it found has been claimed (not sent). */
  tick(): Promise<void> {
    if (this.#stopping) return Promise.resolve();
    if (this.#claiming) {
      this.#claimAgain = true;
      return this.#claiming;
    }
    this.#claiming = this.#claimWhileDue().finally(() => {
      this.#claiming = null;
    });
    return this.#claiming;
  }

  /**
   * Claims no more; gives the attempts under way up to `graceMs` to end, interrupts the rest
   * (each is logged as failed and retried, by whichever instance), and writes every outcome.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    await this.#claiming?.catch(() => {});
    const ended = Promise.allSettled([...this.#chains]);
    const timer = setTimeout(() => this.#interrupt.abort(), graceMs);
    await ended;
    clearTimeout(timer);
    await this.#recorder.flush();
  }

  async #claimWhileDue(): Promise<void> {
    try {
      let more: boolean;
      do {
        this.#claimAgain = false;
        more = await this.#claimOnce();
      } while ((more || this.#claimAgain) && !this.#stopping);
      this.#claimFailures = 0;
    } catch (error) {
      // Logged once, then now and then: the database being away is already loud elsewhere.
      this.#claimFailures += 1;
      if (this.#claimFailures === 1 || this.#claimFailures % 100 === 0)
        this.#options.logger.warn(
          { err: error, failures: this.#claimFailures },
          'webhook deliveries could not be claimed',
        );
    }
  }

  /** One claim for every subscriber with room; whether one of them may have more due. */
  async #claimOnce(): Promise<boolean> {
    const { database, maxInFlight, timeoutMs } = this.#options;
    await this.#refreshTargets();
    const requests = [...this.#targets.values()]
      .map(({ id }) => ({ subscriberId: id, busy: this.#inFlight.get(id) ?? 0 }))
      .filter(({ busy }) => this.#worthClaiming(busy))
      .map(({ subscriberId, busy }) => ({ subscriberId, limit: maxInFlight - busy }));
    if (requests.length === 0) return false;
    const claim = await claimDeliveries(database, this.#token, requests, {
      perAttemptMs: timeoutMs,
      marginMs: LEASE_MARGIN_MS,
      maxChain: MAX_CHAIN,
    });
    const claimedAt = performance.now();
    for (const chain of claim.chains) this.#start(chain, claimedAt);
    return claim.full && claim.chains.length > 0;
  }

  /** A claim costs a transaction: a subscriber gets one when a quarter of its room is free, or when it is idle. */
  #worthClaiming(busy: number): boolean {
    const { maxInFlight } = this.#options;
    return busy === 0 || maxInFlight - busy >= Math.max(1, Math.floor(maxInFlight / 4));
  }

  /** The enabled subscribers, each prepared again only when its row changed. */
  async #refreshTargets(): Promise<void> {
    const rows = await activeSubscribers(this.#options.database.db);
    const targets = new Map<number, Target>();
    for (const row of rows) {
      const version = row.updatedAt.getTime();
      const known = this.#targets.get(row.id);
      targets.set(
        row.id,
        known?.version === version
          ? known
          : { id: row.id, url: new URL(row.url), secret: row.secret, key: signingKeyOf(row.secret), version },
      );
    }
    this.#targets = targets;
  }

  #start(chain: ClaimedDelivery[], claimedAt: number): void {
    const subscriberId = chain[0]!.subscriberId;
    const target = this.#targets.get(subscriberId)!;
    this.#inFlight.set(subscriberId, (this.#inFlight.get(subscriberId) ?? 0) + 1);
    const sending = this.#send(target, chain, claimedAt)
      .catch((error: unknown) =>
        this.#options.logger.error({ err: error, subscriberId }, 'webhook chain failed unexpectedly'),
      )
      .finally(() => {
        const busy = (this.#inFlight.get(subscriberId) ?? 1) - 1;
        this.#inFlight.set(subscriberId, busy);
        this.#chains.delete(sending);
        if (!this.#stopping && this.#worthClaiming(busy)) void this.tick();
      });
    this.#chains.add(sending);
  }

  /** A chain's deliveries one after another, while each is delivered and its lease leaves time for it. */
  async #send(target: Target, chain: ClaimedDelivery[], claimedAt: number): Promise<void> {
    for (const [index, delivery] of chain.entries()) {
      const leaseLeft = claimedAt + delivery.leaseMs - LEASE_MARGIN_MS / 2 - performance.now();
      if (this.#interrupt.signal.aborted || leaseLeft < this.#options.timeoutMs) {
        this.#recorder.release(chain.slice(index).map(({ id }) => id));
        return;
      }
      const verdict = await this.#attempt(target, delivery);
      if (verdict.kind !== 'delivered') {
        this.#recorder.release(chain.slice(index + 1).map(({ id }) => id));
        return;
      }
    }
  }

  async #attempt(target: Target, delivery: ClaimedDelivery): Promise<Verdict> {
    const { sender, retry, logger } = this.#options;
    const attemptedAt = new Date();
    const headers = signatureHeaders({
      id: delivery.eventId,
      body: delivery.payload,
      secret: target.secret,
      key: target.key,
      timestampSeconds: Math.floor(attemptedAt.getTime() / 1000),
    });
    const sent = await sender.post(target.url, delivery.payload, headers, this.#interrupt.signal);
    const verdict = verdictOf(sent.result, delivery.failures, retry, Date.now());
    const statusCode = sent.result.kind === 'answered' ? sent.result.status : null;
    const error =
      sent.result.kind === 'unanswered'
        ? sent.result.error
        : verdict.kind === 'delivered'
          ? null
          : `answered ${sent.result.status}`;
    const outcome: AttemptOutcome = {
      deliveryId: delivery.id,
      subscriberId: target.id,
      attemptedAt,
      durationMs: sent.durationMs,
      statusCode,
      error,
      excerpt: sent.excerpt,
      status: statusAfter(verdict),
      retryInMs: verdict.kind === 'retry' ? verdict.delayMs : null,
      failures: verdict.kind === 'delivered' ? delivery.failures : delivery.failures + 1,
    };
    this.#recorder.add(outcome);
    if (verdict.kind !== 'delivered') {
      // Never the body nor the answer: they may carry personal data. Ids say where to look.
      const fields = {
        subscriberId: target.id,
        deliveryId: delivery.id,
        eventId: delivery.eventId,
        statusCode,
        reason: error,
      };
      if (verdict.kind === 'retry')
        logger.warn({ ...fields, retryInMs: verdict.delayMs }, 'webhook attempt failed');
      else if (verdict.kind === 'dead')
        logger.error(fields, 'webhook delivery failed its last attempt: dead');
      else logger.warn(fields, 'webhook receiver answered 410 Gone: subscriber disabled');
    }
    return verdict;
  }
}

function statusAfter(verdict: Verdict): AttemptOutcome['status'] {
  switch (verdict.kind) {
    case 'delivered':
      return 'delivered';
    case 'retry':
      return 'pending';
    case 'dead':
      return 'dead';
    case 'gone':
      return 'paused';
  }
}
