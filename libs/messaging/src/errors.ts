/** A handler error that no retry can fix: the message goes straight to the dead-letter queue. */
export class PermanentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentError';
  }
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'PROTOCOL_CONNECTION_LOST',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
]);

/**
 * True when the database (or another dependency) is unreachable, as opposed to the message
 * being at fault: such a failure must not use up the message's attempts. Looks through
 * wrappers (drizzle puts the driver's error in `cause`).
 */
export function isUnavailable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const { code, fatal } = current as { code?: string; fatal?: boolean };
    if (fatal === true || (code !== undefined && UNAVAILABLE_CODES.has(code))) return true;
  }
  return false;
}
