import { hryvniasOf } from '@kasa/contracts';
import { type LiqPayParams, signed } from './liqpay-protocol.ts';

export interface LiqPayAccount {
  publicKey: string;
  privateKey: string;
  /** LIQPAY_API_URL: `https://www.liqpay.ua/api/`, or a local stand-in in tests. */
  apiUrl: string;
}

/** LiqPay could not be asked (unreachable, too slow, an answer that is not its JSON): try again later. */
export class LiqPayUnavailableError extends Error {
  override readonly name = 'LiqPayUnavailableError';
}

/** LiqPay answered and refused: `code` is its `err_code` (`payment_not_found`, say). */
export class LiqPayRefusedError extends Error {
  override readonly name = 'LiqPayRefusedError';
  /** LiqPay's `err_code`. */
  readonly code: string;
  constructor(code: string, description: string) {
    super(`LiqPay refused: ${code}${description ? ` (${description})` : ''}`);
    this.code = code;
  }
}

const API_VERSION = 3;
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * LiqPay's server API (`POST <api>/request`, a signed `data` as a form): the actions the fund
 * calls itself. The checkout the member pays through is no call of ours: its signed data goes
 * to the app, and LiqPay reports the outcome to our callback.
 */
export class LiqPayClient {
  readonly #account: LiqPayAccount;
  readonly #timeoutMs: number;

  constructor(account: LiqPayAccount, { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {}) {
    this.#account = account;
    this.#timeoutMs = timeoutMs;
  }

  /** What LiqPay knows of an order: its `status`, `amount`, `payment_id` and the rest. */
  status(orderId: string): Promise<LiqPayParams> {
    return this.call('status', { order_id: orderId });
  }

  /**
   * Returns `amount` (kopiyky) of a paid order to the payer's card. LiqPay's refund takes the
   * order_id and, for a partial refund, the amount. A subscription's monthly charges share its
   * order_id, so one of them is named by its `payment_id` as well (LiqPay's documentation shows
   * no such parameter for a refund: the amount, one charge's, is what bounds it either way).
   */
  refund(orderId: string, amount: number, paymentId?: number): Promise<LiqPayParams> {
    return this.call('refund', {
      order_id: orderId,
      amount: hryvniasOf(amount),
      ...(paymentId === undefined ? {} : { payment_id: paymentId }),
    });
  }

  /** Ends the regular charges of a subscription. */
  unsubscribe(orderId: string): Promise<LiqPayParams> {
    return this.call('unsubscribe', { order_id: orderId });
  }

  /** Signs one action with the fund's keys and sends it; LiqPay's answer, or one of the errors above. */
  async call(action: string, params: LiqPayParams): Promise<LiqPayParams> {
    const { publicKey, privateKey, apiUrl } = this.#account;
    const form = new URLSearchParams({
      ...signed({ ...params, action, version: API_VERSION, public_key: publicKey }, privateKey),
    });
    let answer: unknown;
    try {
      const response = await fetch(new URL('request', apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`), {
        method: 'POST',
        body: form,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      answer = await response.json();
    } catch (error) {
      throw new LiqPayUnavailableError(`LiqPay's ${action} could not be asked: ${describe(error)}`, {
        cause: error,
      });
    }
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      throw new LiqPayUnavailableError(`LiqPay's ${action} answered something that is not an object`);
    }
    const result = answer as LiqPayParams;
    // Only `result` tells a refusal: a `status` of `error` is also a payment that failed.
    if (result.result === 'error') {
      throw new LiqPayRefusedError(String(result.err_code ?? 'error'), String(result.err_description ?? ''));
    }
    return result;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
