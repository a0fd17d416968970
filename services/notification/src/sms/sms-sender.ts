/** Where texts leave the system: Twilio in production, the log on a developer's machine. */
export interface SmsSender {
  /** Hands one text to the provider; resolves once the provider has accepted it. */
  send(to: string, body: string): Promise<{ sid: string }>;
  /**
   * The provider's id for a text with exactly this recipient and body accepted since `since`,
   * or null. Absent when the provider cannot be asked: an unknown outcome then counts as sent.
   */
  findSent?(to: string, body: string, since: Date): Promise<string | null>;
}

/**
 * A provider failure that a later attempt may not meet: rate limits, the provider's own
 * errors, the network, timeouts. It deliberately carries no `cause`: a network error's code
 * (ECONNREFUSED, ETIMEDOUT) would make the bus take it for a database outage and wait it out
 * without ever dead-lettering.
 */
export class SmsProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmsProviderError';
  }
}
