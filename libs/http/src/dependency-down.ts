/**
 * Errors that mean a dependency (the database, most often) could not be reached or is
 * overloaded, not that the request or our code is wrong: the client should simply try again.
 * LiqPay and the apps retry a 503 with Retry-After; a 500 they give up on.
 */

/** How long a client is asked to wait before retrying while a dependency is down. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/**
 * Socket errors (Node's), connection-level errors (mysql2's `PROTOCOL_*`) and the server's
 * refusals to take another connection or query now. A deadlock or lock wait still lost after
 * `retryOnDeadlock`'s tries is contention that passes, so it is here too.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
]);

/** mysql2 says these without a code, once its pool or connection was closed under it. */
const UNREACHABLE_MESSAGES = [
  'Pool is closed',
  "Can't add new command when connection is in closed state",
  'Connection lost',
];

/**
 * Whether `error`, or any error in its `cause` chain (drizzle wraps mysql2's error in a
 * DrizzleQueryError's `cause`), says a dependency is down. Also aggregate errors, as Node's
 * happy-eyeballs connect reports a refused connection to each address at once.
 */
export function isDependencyDown(error: unknown, depth = 0): boolean {
  if (depth > 8 || !(error instanceof Error)) return false;
  const { code, fatal, message } = error as Error & { code?: unknown; fatal?: unknown };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  // mysql2 marks an error fatal when the connection it came on is gone.
  if (fatal === true) return true;
  if (UNREACHABLE_MESSAGES.some((text) => message.includes(text))) return true;
  if (error instanceof AggregateError && error.errors.some((inner) => isDependencyDown(inner, depth + 1)))
    return true;
  return isDependencyDown(error.cause, depth + 1);
}
