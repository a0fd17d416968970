import type { Logger } from '@kasa/log';
import { Type } from 'typebox';
import type { ServiceClient } from './service-client.ts';

/** What the auth service answers at `GET /sessions/revoked`. */
export const RevokedSessionsAnswer = Type.Object({
  as_of: Type.String({ format: 'date-time' }),
  sessions: Type.Array(Type.Object({ id: Type.String(), until: Type.String({ format: 'date-time' }) })),
});

/**
 * A clock difference between auth and this process is no reason to forget a revocation while
 * its token could still pass here: each is kept this much longer than its token lives.
 */
const CLOCK_MARGIN_MS = 60_000;

/**
 * The sessions this gateway must refuse although their tokens verify, learnt from the auth
 * service: revocations are rare and small, so all of them fit in memory and a request costs one
 * map lookup. Until the first answer has come, nobody can be told apart: signed-in requests wait
 * for it a little, then answer 503 (never 401, which would send the app to sign in again).
 */
export class RevokedSessions {
  readonly #until = new Map<string, number>();
  #loaded = false;
  readonly #waiting = new Set<() => void>();

  get loaded(): boolean {
    return this.#loaded;
  }

  /** Resolves once the first list has come, or after `timeoutMs` (then `loaded` is still false). */
  whenLoaded(timeoutMs: number): Promise<void> {
    if (this.#loaded) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.#waiting.add(done);
    });
  }

  isRevoked(sessionId: string): boolean {
    return this.#until.has(sessionId);
  }

  learn(sessions: readonly { id: string; until: string }[], nowMs: number): void {
    for (const session of sessions) this.#until.set(session.id, Date.parse(session.until) + CLOCK_MARGIN_MS);
    for (const [id, until] of this.#until) if (until <= nowMs) this.#until.delete(id);
    this.#loaded = true;
    for (const done of this.#waiting) done();
  }
}

export interface RevocationFeedOptions {
  auth: ServiceClient;
  revoked: RevokedSessions;
  /** The pause between looks: revocations take effect within this plus one round trip. */
  everyMs: number;
  logger: Logger;
}

export interface RevocationFeed {
  stop(): Promise<void>;
}

/**
 * Keeps `revoked` up to date: every revocation still in force on the first look, then those
 * since the last look, every `everyMs`. A process that restarts starts over from the full list,
 * so nothing is lost with it; while auth cannot be reached, the last list stays in force.
 */
export function startRevocationFeed({
  auth,
  revoked,
  everyMs,
  logger,
}: RevocationFeedOptions): RevocationFeed {
  let stopped = false;
  let since: string | undefined;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let wakeSleeper: (() => void) | undefined;

  const look = async () => {
    const answer = await auth.request({
      method: 'GET',
      path: '/sessions/revoked',
      ...(since ? { query: { since } } : {}),
      response: RevokedSessionsAnswer,
    });
    revoked.learn(answer.sessions, Date.now());
    since = answer.as_of;
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeSleeper = resolve;
      timer = setTimeout(resolve, ms);
    });

  const loop = (async () => {
    while (!stopped) {
      try {
        await look();
        if (failures > 0) logger.info({ failures }, 'revoked sessions: auth answers again');
        failures = 0;
      } catch (error) {
        failures += 1;
        // Once a second at most in the log: a long outage must not flood it. While the stack
        // starts, auth is often not up yet: that is no warning.
        if (failures === 1 || failures % Math.max(1, Math.round(1000 / everyMs)) === 0) {
          if (revoked.loaded) {
            logger.warn(
              { err: error, failures },
              'revoked sessions: auth did not answer; the last list stays',
            );
          } else logger.info({ failures }, 'revoked sessions: waiting for auth to answer');
        }
      }
      if (!stopped) await sleep(failures > 0 ? Math.min(everyMs * 2 ** failures, 1000) : everyMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wakeSleeper?.();
      await loop;
    },
  };
}
