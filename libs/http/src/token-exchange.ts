import type { AuthUser } from './jwt-auth.ts';

/**
 * Tokens of another issuer that a gateway takes as well (the old system's, across the
 * switch-over), each traded with the auth service for a Kasa access token of a session of its
 * own. From then on the request carries the Kasa token: the services behind verify it as any
 * other, and its session is revoked as any other.
 */
export interface TokenExchange {
  /** Whether a token is one of theirs: those never reach Kasa's verifier, nor Kasa's theirs. */
  recognises(token: string): boolean;
  /** A Kasa access token for it; throws (an AppError, 401) when it is no valid token of theirs. */
  exchange(token: string, requestId: string): Promise<string>;
}

export interface Exchanged {
  /** The Kasa token's claims, verified. */
  user: AuthUser;
  /** The Kasa token, for the services behind. */
  token: string;
}

/**
 * Their tokens already traded, by their exact text, until the Kasa token expires; and the trades
 * under way, so that the app's requests sent at once with a token new to this process make one.
 */
export class ExchangedTokens {
  readonly #exchange: TokenExchange;
  readonly #capacity: number;
  readonly #entries = new Map<string, Exchanged>();
  readonly #trading = new Map<string, Promise<Exchanged>>();

  constructor(exchange: TokenExchange, capacity: number) {
    this.#exchange = exchange;
    this.#capacity = capacity;
  }

  recognises(token: string): boolean {
    return this.#exchange.recognises(token);
  }

  get(token: string, nowSeconds: number): Exchanged | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    if ((entry.user.exp ?? 0) > nowSeconds) return entry;
    this.#entries.delete(token);
    return undefined;
  }

  /** Trades `token`, checking the Kasa token that comes back with `verify`. */
  trade(token: string, requestId: string, verify: (kasaToken: string) => AuthUser): Promise<Exchanged> {
    const underWay = this.#trading.get(token);
    if (underWay) return underWay;
    const trading = this.#exchange
      .exchange(token, requestId)
      .then((kasaToken) => {
        const entry = { user: verify(kasaToken), token: kasaToken };
        this.#remember(token, entry);
        return entry;
      })
      .finally(() => this.#trading.delete(token));
    this.#trading.set(token, trading);
    return trading;
  }

  #remember(token: string, entry: Exchanged): void {
    if (this.#capacity === 0) return;
    if (this.#entries.size >= this.#capacity) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
    this.#entries.set(token, entry);
  }
}
