/** A handler error that no retry can fix: the message goes straight to the dead-letter queue. */
export class PermanentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentError';
  }
}
